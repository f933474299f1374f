import Foundation

/// Numbers as score explanations show them: figures as people write them
/// (37.8%, 120家, no trailing zeros), earned points always to two decimals
/// (14.00 分) so a column of them lines up and adds up as printed.
enum ScoreText {
    /// At most two decimals, trailing zeros dropped; a non-zero value that would
    /// show as 0 keeps up to six (0.004).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let decimals = value != 0 && abs(value) < 0.005 ? 6 : 2
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Earned points: 14.00 分.
    static func earned(_ points: Double) -> String {
        let shown = abs(points) < 0.005 ? 0 : points
        return String(format: "%.2f 分", shown)
    }

    /// Points as the scheme gives them: 15 分.
    static func points(_ points: Double) -> String {
        number(points) + " 分"
    }

    /// A ratio in percent: 1.25 → 125%.
    static func percent(_ ratio: Double) -> String {
        number(ratio * 100) + "%"
    }

    /// An item's value (or target, or benchmark) in its unit; a task group's
    /// completion ratio in percent.
    static func figure(_ value: Double, of item: SchemeItem) -> String {
        if case .taskGroup = item.source { return percent(value) }
        return number(value) + item.unit
    }
}
