/// One indicator as sciplan computes with it: the catalogue's code, name and
/// unit, plus how its value is put together from other indicators.
///
/// Ratios and growth rates name their parts so that a higher level recomputes
/// them from summed parts instead of averaging its places' percentages: the
/// mean of two counties' R&D intensities ignores that one has ten times the
/// other's GDP.
public struct IndicatorDefinition: Sendable, Equatable, Codable, Hashable {
    public var code: String
    public var name: String
    public var unit: String
    public var kind: IndicatorKind
    /// ratio: value = numerator / denominator × scale. growth: numerator is the code whose
    /// year-on-year growth this is: value = (this year / last year − 1) × 100; denominator nil.
    /// nil components: the indicator cannot be recomputed from parts (shown per place only).
    public var numerator: String?
    public var denominator: String?
    /// 100 for %, 10_000 for "per 10,000", 1 otherwise. Growth is always in
    /// percent (× 100) whatever this says.
    public var scale: Double
    /// Base data (GDP, enterprise legal persons, employed persons …), entered per jurisdiction and year.
    public var isBase: Bool
    /// A level carried over from last year's year-end (高新技术企业总数: the enterprises
    /// certified in earlier years still count), not a flow that starts from 0 each
    /// January (新增高新技术企业). Decides how the year-end value is forecast
    /// (`Accumulation`); roll-ups sum stocks like any count.
    public var isStock: Bool

    /// `isStock` nil takes `IndicatorDefaults.isStock(code:name:kind:)`, so a
    /// definition built from a stored row without the flag gets the catalogue's rule.
    public init(code: String, name: String, unit: String, kind: IndicatorKind, numerator: String? = nil,
                denominator: String? = nil, scale: Double = 1, isBase: Bool = false, isStock: Bool? = nil) {
        self.code = code
        self.name = name
        self.unit = unit
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.scale = scale
        self.isBase = isBase
        self.isStock = isStock ?? IndicatorDefaults.isStock(code: code, name: name, kind: kind)
    }

    /// Whether a ratio/growth can be recomputed from its parts: a ratio needs
    /// both, a growth rate its numerator. Counts and amounts are never composite;
    /// they are summed instead.
    public var isComposite: Bool {
        switch kind {
        case .count, .amount: false
        case .ratio: numerator != nil && denominator != nil
        case .growth: numerator != nil
        }
    }

    /// The codes this indicator is computed from, in order (empty when none).
    public var components: [String] {
        guard isComposite else { return [] }
        return [numerator, denominator].compactMap { $0 }
    }
}

extension IndicatorDefinition {
    private enum CodingKeys: String, CodingKey {
        case code, name, unit, kind, numerator, denominator, scale, isBase, isStock
    }

    /// JSON written before `isStock` existed has no such key: it decodes to the
    /// default rule rather than failing.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), name: try c.decode(String.self, forKey: .name),
                  unit: try c.decode(String.self, forKey: .unit), kind: try c.decode(IndicatorKind.self, forKey: .kind),
                  numerator: try c.decodeIfPresent(String.self, forKey: .numerator),
                  denominator: try c.decodeIfPresent(String.self, forKey: .denominator),
                  scale: try c.decode(Double.self, forKey: .scale), isBase: try c.decode(Bool.self, forKey: .isBase),
                  isStock: try c.decodeIfPresent(Bool.self, forKey: .isStock))
    }
}
