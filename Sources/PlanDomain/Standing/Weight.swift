import Foundation

/// The office's weight of a task or a section (考核权重), as typed on the
/// edit form or sent to the API: a positive number up to 100, or nothing
/// (equal weights: a task weighs 1, a section the sum of its tasks').
public enum Weight {
    public static let maximum = 100.0

    /// nil when the weight is acceptable, else what is wrong, in words the
    /// office reads.
    public static func problem(_ value: Double) -> String? {
        guard value.isFinite, value > 0 else { return "权重须为大于 0 的数字。" }
        guard value <= maximum else { return "权重不能超过 \(Int(maximum))。" }
        return nil
    }

    /// A weight as typed: blank clears it (nil); otherwise a number as
    /// `FormNumber` reads it (full-width digits accepted) that passes `problem`.
    public static func read(_ text: String?) throws(FormError) -> Double? {
        guard let value = try FormNumber.read(text, field: "权重") else { return nil }
        if let problem = problem(value) { throw FormError(problem) }
        return value
    }
}
