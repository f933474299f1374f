import Foundation

/// The values a unit may report for a target: a report's number drives the
/// task's health and, once accepted, the indicator's actual, so a typo of
/// three extra zeros or a 1e308 from an API client must be refused with a
/// message the unit can act on, not shown as a 完成率 of 300 digits.
///
/// - Percentages (unit %, ％ or 个百分点): −100 to 1,000 (a growth rate may be
///   negative and may exceed 100 %, a share cannot be far beyond).
/// - Counts and amounts (家, 项, 人, 亿元, …): 0 to 1,000 times the target
///   (at least 1,000), never negative.
/// - Always finite and within ±1e12.
public enum ReportedValueRange {
    public static let absoluteLimit = 1e12

    /// The allowed range for a target of `targetValue` in `unit`.
    public static func range(targetValue: Double, unit: String) -> ClosedRange<Double> {
        if isPercent(unit) { return -100...1_000 }
        let scale = targetValue.isFinite ? Swift.max(abs(targetValue), 1) : 1
        return 0...Swift.min(absoluteLimit, Swift.max(1_000, 1_000 * scale))
    }

    /// A Chinese message naming the target when `value` is out of range; nil when fine.
    public static func problem(value: Double, targetText: String, targetValue: Double, unit: String) -> String? {
        let name = "“\(targetText.prefix(30))”"
        guard value.isFinite, abs(value) <= absoluteLimit else {
            return "\(name)的当前值不是合理的数字。"
        }
        let allowed = range(targetValue: targetValue, unit: unit)
        guard allowed.contains(value) else {
            return "\(name)的当前值 \(format(value)) 超出合理范围（\(format(allowed.lowerBound))–\(format(allowed.upperBound))\(unit)），请核对后重新填写。"
        }
        return nil
    }

    static func isPercent(_ unit: String) -> Bool {
        unit.contains("%") || unit.contains("％") || unit.contains("百分点")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
