/// A quantitative commitment: a number (or 全覆盖) tied to something counted.
public struct Target: Sendable, Equatable {
    /// Id of the innermost node whose text holds it; nil in the preamble.
    public var node: String?
    public var text: String
    public var metric: String
    public var indicator: String?
    public var value: Double
    public var max: Double?
    public var unit: String
    public var comparator: Comparator
    public var year: Int?
    public var span: SourceSpan

    public init(
        node: String?, text: String, metric: String, indicator: String?, value: Double,
        max: Double? = nil, unit: String, comparator: Comparator, year: Int?, span: SourceSpan
    ) {
        self.node = node
        self.text = text
        self.metric = metric
        self.indicator = indicator
        self.value = value
        self.max = max
        self.unit = unit
        self.comparator = comparator
        self.year = year
        self.span = span
    }
}

public enum Comparator: String, Codable, Sendable, CaseIterable {
    /// 力争, 达到, 以上, 不少于, 不低于 and a bare number.
    case atLeast = ">="
    /// 突破, 超过.
    case greaterThan = ">"
    /// 左右.
    case approximately = "~"
    /// 不超过, 以内, 控制在.
    case atMost = "<="
    /// 1到2名: `value` to `max`.
    case range
}
