/// A jurisdiction evaluation scheme (综合考评方案) as data: what a city or a
/// province scores the places under it on, item by item, each with its points
/// and its scoring rule. A province's own 市县科技创新综合考评 scheme is loaded
/// from its spreadsheet (`EvaluationSchemeWorkbook`) instead of being fixed in
/// code, because every province weighs and scores differently.
public struct EvaluationScheme: Sendable, Equatable, Codable {
    /// As the scheme is titled (2025年度市县科技创新综合考评方案).
    public var name: String
    /// In the scheme's order, which is the order scores are explained in.
    public var items: [SchemeItem]

    public init(name: String, items: [SchemeItem]) {
        self.name = name
        self.items = items
    }

    /// The full score of the base items (usually 100). Bonus and deduction
    /// items are outside it: a place can end above it or below zero.
    public var basePoints: Double {
        items.filter { $0.rule.adjustment == nil }.reduce(0) { $0 + $1.points }
    }
}

/// One line of a scheme (考评项目).
public struct SchemeItem: Sendable, Equatable, Codable {
    /// 序号 as printed (1, （一）, 2.3); unique in the scheme, so scores are keyed by it.
    public var key: String
    /// 考评项目 as the scheme names it.
    public var name: String
    public var source: ItemSource
    /// 分值: the most a base item earns. For a bonus or deduction item 0 or
    /// its cap, since the cap (`ScoringRule.bonus(perUnit:max:)`) is what bounds it.
    public var points: Double
    public var rule: ScoringRule
    /// The value's unit (%, 家, 亿元), only to explain scores; "" when it has none.
    /// A task group's value is a completion ratio and is shown in percent whatever this says.
    public var unit: String
    /// 说明: anything the office wants to keep with the item (数据来源, 口径).
    public var note: String

    public init(key: String, name: String, source: ItemSource, points: Double, rule: ScoringRule, unit: String = "",
                note: String = "") {
        self.key = key
        self.name = name
        self.source = source
        self.points = points
        self.rule = rule
        self.unit = unit
        self.note = note
    }
}
