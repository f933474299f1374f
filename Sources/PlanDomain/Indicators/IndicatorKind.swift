/// What an indicator measures, which decides how a higher level gets its value
/// from the places under it.
///
/// A city's number of high-tech enterprises is the sum of its counties'; its
/// R&D intensity is not the sum, nor the mean, of theirs: it is the city's
/// R&D spending over the city's GDP. The kind says which of the two applies.
public enum IndicatorKind: String, Codable, CaseIterable, Sendable {
    /// Things counted: enterprises, platforms, people, events.
    case count
    /// Money: 亿元, 万元, 元.
    case amount
    /// A share or density: a numerator over a denominator times a scale.
    case ratio
    /// Year-on-year growth in percent.
    case growth

    public var title: String {
        switch self {
        case .count: "数量"
        case .amount: "金额"
        case .ratio: "比率"
        case .growth: "增长率"
        }
    }

    /// count and amount sum over jurisdictions; ratio and growth do not.
    public var isAdditive: Bool {
        switch self {
        case .count, .amount: true
        case .ratio, .growth: false
        }
    }
}
