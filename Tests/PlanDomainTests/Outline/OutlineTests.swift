import Foundation
import PlanDomain
import Testing

/// An outline worked by hand:
///
///     0 一
///     1   （一）
///     2     1
///     3     2
///     4   （二）
///     5 二
///     6   1
@Suite struct OutlineTests {
    static let one = UUID(), oneA = UUID(), oneA1 = UUID(), oneA2 = UUID(), oneB = UUID(), two = UUID(), two1 = UUID()

    static let outline = Outline([
        // Given out of order on purpose: the outline sorts by position.
        .init(id: two1, parent: two, position: 6, label: "1"),
        .init(id: one, parent: nil, position: 0, label: "一"),
        .init(id: oneA, parent: one, position: 1, label: "（一）"),
        .init(id: oneA1, parent: oneA, position: 2, label: "1"),
        .init(id: oneA2, parent: oneA, position: 3, label: "2"),
        .init(id: oneB, parent: one, position: 4, label: "（二）"),
        .init(id: two, parent: nil, position: 5, label: "二"),
    ])

    @Test func aBlockIsTheNodeAndEverythingUnderIt() {
        #expect(Self.outline.block(of: Self.one) == [Self.one, Self.oneA, Self.oneA1, Self.oneA2, Self.oneB])
        #expect(Self.outline.block(of: Self.oneA2) == [Self.oneA2])
        #expect(Self.outline.block(of: UUID()).isEmpty)
    }

    @Test func aNewNodeGoesAfterItsParentsLastDescendant() throws {
        #expect(try Self.outline.insertionPosition(under: Self.oneA) == 4)    // after 2, before （二）
        #expect(try Self.outline.insertionPosition(under: Self.one) == 5)     // after （二）
        #expect(try Self.outline.insertionPosition(under: Self.oneB) == 5)    // its first child
        #expect(try Self.outline.insertionPosition(under: nil) == 7)          // the end
        #expect(try Outline([]).insertionPosition(under: nil) == 0)
        #expect(throws: OutlineError.unknownParent) { try Self.outline.insertionPosition(under: UUID()) }
    }

    @Test func movingSwapsWholeBlocksWithASibling() throws {
        // （二） up: it takes position 1, （一） and its two children follow.
        #expect(try Self.outline.move(Self.oneB, up: true) == [Self.oneB: 1, Self.oneA: 2, Self.oneA1: 3, Self.oneA2: 4])
        // 一 down past 二: 二 and its child first.
        #expect(try Self.outline.move(Self.one, up: false) == [
            Self.two: 0, Self.two1: 1, Self.one: 2, Self.oneA: 3, Self.oneA1: 4, Self.oneA2: 5, Self.oneB: 6,
        ])
        #expect(throws: OutlineError.alreadyFirst) { try Self.outline.move(Self.oneA1, up: true) }
        #expect(throws: OutlineError.alreadyLast) { try Self.outline.move(Self.two, up: false) }
        #expect(throws: OutlineError.unknownNode) { try Self.outline.move(UUID(), up: true) }
        #expect(OutlineError.alreadyFirst.description == "已经是同级第一条。")
    }

    @Test func numberingGivesKeysLevelsAndTasks() {
        let n = Self.outline.numbered()
        #expect(n[Self.oneA1] == .init(position: 2, key: "一/（一）/1", level: 3, isTask: true))
        #expect(n[Self.oneA] == .init(position: 1, key: "一/（一）", level: 2, isTask: false))
        #expect(n[Self.oneB] == .init(position: 4, key: "一/（二）", level: 2, isTask: true))
        #expect(n[Self.two1]?.key == "二/1")
        // After removing （一）'s block the rest closes up and 一 still has a task under it.
        let removed = Set(Self.outline.block(of: Self.oneA))
        let rest = Outline(Self.outline.entries.filter { !removed.contains($0.id) }).numbered()
        #expect(rest.count == 4)
        #expect(rest[Self.oneB] == .init(position: 1, key: "一/（二）", level: 2, isTask: true))
        #expect(rest[Self.two1]?.position == 3)
        // A node whose parent is gone is left out, not numbered as a top node.
        let orphan = Outline([.init(id: UUID(), parent: UUID(), position: 0, label: "1")]).numbered()
        #expect(orphan.isEmpty)
    }

    @Test func aNewNodeNeedsANumberAndATitleOfSaneLength() throws {
        try Outline.checkNew(label: "3", title: "新增任务")
        #expect(throws: OutlineError.newNodeNeedsLabelAndTitle) { try Outline.checkNew(label: " ", title: "任务") }
        #expect(throws: OutlineError.newNodeNeedsLabelAndTitle) { try Outline.checkNew(label: "1/2", title: "任务") }
        #expect(throws: OutlineError.newNodeNeedsLabelAndTitle) { try Outline.checkNew(label: "1", title: "") }
        #expect(throws: OutlineError.newNodeTooLong) { try Outline.checkNew(label: "1", title: String(repeating: "字", count: 2_001)) }
        #expect(throws: OutlineError.newNodeTooLong) { try Outline.checkNew(label: String(repeating: "1", count: 41), title: "任务") }
        try Outline.checkNew(label: "1", title: String(repeating: "字", count: 2_000))
    }
}
