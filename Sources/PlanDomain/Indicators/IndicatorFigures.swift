/// Known values of indicators for one year: figures[code, jurisdiction].
///
/// Only what was given for a place itself (entered, reported, imported): what
/// its children add up to is the roll-up's business, so the two can be
/// compared. A missing value and a zero are different things here: a county
/// that has not reported is skipped in a sum, a county that reported 0 is not.
public struct IndicatorFigures: Sendable, Equatable {
    /// [indicatorCode: [jurisdictionCode: value]]
    public private(set) var values: [String: [String: Double]]

    /// [indicatorCode: [jurisdictionCode: value]]
    public init(_ values: [String: [String: Double]] = [:]) {
        self.values = values
    }

    /// The value of an indicator at a place; setting nil removes it. NaN and
    /// infinities read as nil, since no roll-up can use them.
    public subscript(code: String, jurisdiction: String) -> Double? {
        get {
            guard let value = values[code]?[jurisdiction], value.isFinite else { return nil }
            return value
        }
        set {
            values[code, default: [:]][jurisdiction] = newValue
            if values[code]?.isEmpty == true { values[code] = nil }
        }
    }
}
