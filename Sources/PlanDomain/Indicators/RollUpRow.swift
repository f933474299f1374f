import Foundation

/// One place in an indicator's roll-up: what it says of itself beside what
/// the places under it add up to.
public struct RollUpRow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var depth: Int
    /// The value given for the place itself (entered, reported, imported); nil if none.
    public var own: Double?
    /// What its children give: sum of children's effective values (additive kinds);
    /// for a composite ratio, sum of numerator ÷ sum of denominator × scale over the place's
    /// effective components (which themselves roll up; at a leaf, the leaf's own components);
    /// for growth, effective this-year numerator over effective last-year numerator.
    /// nil for leaves of additive kinds, when no child has a value, or when not composite.
    public var fromChildren: Double?
    /// own ?? fromChildren — the value shown and used by the parent.
    public var effective: Double?
    /// Children that have an effective value / all children.
    public var childrenWithValue: Int
    public var childrenCount: Int
    /// own and fromChildren both known and differing by more than the tolerance.
    public var mismatch: Mismatch?

    public init(code: String, name: String, depth: Int, own: Double?, fromChildren: Double?, effective: Double?,
                childrenWithValue: Int, childrenCount: Int, mismatch: Mismatch?) {
        self.code = code
        self.name = name
        self.depth = depth
        self.own = own
        self.fromChildren = fromChildren
        self.effective = effective
        self.childrenWithValue = childrenWithValue
        self.childrenCount = childrenCount
        self.mismatch = mismatch
    }
}

/// A place's own figure that its children do not add up to. Both are shown and
/// neither overwrites the other: which one is right is for the office to find out.
///
/// The message is neutral (下级合计 / 本级) because targets roll up the same way
/// as actuals: a city's target against the sum of its counties' targets.
extension RollUpRow {
    /// "下级合计只含 2/3 个地区" when some places under this one have no
    /// figure, so their sum (or recomputed ratio) covers only part of it.
    public var partialNote: String? {
        guard fromChildren != nil, childrenWithValue < childrenCount else { return nil }
        return "下级合计只含 \(childrenWithValue)/\(childrenCount) 个地区"
    }
}

public struct Mismatch: Sendable, Equatable {
    public var own: Double
    public var fromChildren: Double

    public init(own: Double, fromChildren: Double) {
        self.own = own
        self.fromChildren = fromChildren
    }

    /// Positive when the children give more than the place itself.
    public var difference: Double { fromChildren - own }

    /// E.g. "下级合计 95 与本级 100 不一致（少 5）"; 多 when the children give more.
    public var message: String {
        let direction = difference < 0 ? "少" : "多"
        return "下级合计 \(IndicatorNumber.text(fromChildren)) 与本级 \(IndicatorNumber.text(own)) 不一致"
            + "（\(direction) \(IndicatorNumber.text(abs(difference)))）"
    }
}

/// Indicator values as people read them in messages: whole numbers without a
/// decimal point, others with at most two decimals (four below 1, so a ratio
/// of 0.0042 does not read as 0).
enum IndicatorNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let decimals = abs(value) < 1 ? 4 : 2
        var text = String(format: "%.\(decimals)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
