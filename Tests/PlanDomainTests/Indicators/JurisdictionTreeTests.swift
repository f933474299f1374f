import Testing
@testable import PlanDomain

@Suite struct JurisdictionTreeTests {
    @Test func subtreeListsParentsBeforeChildrenInCodeOrderWithDepth() {
        let subtree = hubei.subtree(of: "420000")
        #expect(subtree.map(\.node.code) == ["420000", "420500", "420502", "420503", "421300", "421303", "421321", "421381"])
        #expect(subtree.map(\.depth) == [0, 1, 2, 2, 1, 2, 2, 2])
        #expect(hubei.subtree(of: "421300").map(\.depth) == [0, 1, 1, 1])
        #expect(hubei.subtree(of: "999999").isEmpty)
    }

    @Test func childrenComeInCodeOrderWhateverOrderTheyWereGiven() {
        #expect(hubei.children(of: "421300").map(\.name) == ["曾都区", "随县", "广水市"])
        #expect(hubei.children(of: "421303").isEmpty)
        #expect(hubei.node("421381")?.parent == "421300")
    }

    @Test func aNodeWhoseParentIsUnknownIsARoot() {
        let tree = JurisdictionTree([
            JurisdictionNode(code: "421381", name: "广水市", parent: "421300"),
            JurisdictionNode(code: "421300", name: "随州市", parent: "420000"),
            JurisdictionNode(code: "429999", name: "自指", parent: "429999"),
        ])
        #expect(tree.roots.map(\.code) == ["421300", "429999"])
        #expect(tree.subtree(of: "421300").map(\.node.code) == ["421300", "421381"])
    }

    @Test func aParentCycleEndsTheWalk() {
        let tree = JurisdictionTree([
            JurisdictionNode(code: "a", name: "甲", parent: "b"),
            JurisdictionNode(code: "b", name: "乙", parent: "a"),
        ])
        #expect(tree.subtree(of: "a").map(\.node.code) == ["a", "b"])
        let figures = IndicatorFigures(["hte.total": ["b": 3]])
        let value = IndicatorRollUp.effective("hte.total", at: "a", definitions: knownIndicators, figures: figures, tree: tree)
        #expect(value == 3)
    }
}
