@testable import PlanDomain

/// 湖北省 → 宜昌市 (西陵区, 伍家岗区) and 随州市 (曾都区, 随县, 广水市).
let hubei = JurisdictionTree([
    JurisdictionNode(code: "420000", name: "湖北省"),
    JurisdictionNode(code: "421300", name: "随州市", parent: "420000"),
    JurisdictionNode(code: "421303", name: "曾都区", parent: "421300"),
    JurisdictionNode(code: "421321", name: "随县", parent: "421300"),
    JurisdictionNode(code: "421381", name: "广水市", parent: "421300"),
    JurisdictionNode(code: "420500", name: "宜昌市", parent: "420000"),
    JurisdictionNode(code: "420502", name: "西陵区", parent: "420500"),
    JurisdictionNode(code: "420503", name: "伍家岗区", parent: "420500"),
])

let knownIndicators = IndicatorDefaults.byCode

func definition(_ code: String) -> IndicatorDefinition {
    guard let found = knownIndicators[code] else { fatalError("no indicator \(code)") }
    return found
}

/// Rows of `code` under the province, keyed by jurisdiction code.
func rollUp(_ code: String, _ figures: IndicatorFigures, lastYear: IndicatorFigures = .init(),
            root: String = "420000") -> [String: RollUpRow] {
    let rows = IndicatorRollUp.rows(for: definition(code), definitions: knownIndicators, figures: figures,
                                    lastYear: lastYear, tree: hubei, root: root)
    return Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0) })
}

func near(_ a: Double?, _ b: Double, within tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
