/// Decimal numbers as text, moved by two places without arithmetic, so that
/// 1.15 written as 115% reads back as exactly 1.15 (1.15 × 100 in binary is
/// 114.99999999999999).
enum DecimalText {
    /// The shortest text that reads back as the value: 5, 0.5, 1.2.
    static func plain(_ value: Double) -> String {
        SimpleSheetWriter.numberText(value)
    }

    /// value × 100: 1.2 → 120, 1.255 → 125.5.
    static func percent(_ value: Double) -> String {
        let text = plain(value)
        guard !text.contains("e"), !text.contains("E") else { return plain(value * 100) }
        let (sign, integer, fraction) = parts(text)
        let padded = fraction.count < 2 ? fraction + String(repeating: "0", count: 2 - fraction.count) : fraction
        var whole = String((integer + padded.prefix(2)).drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        var rest = String(padded.dropFirst(2))
        while rest.hasSuffix("0") { rest.removeLast() }
        return sign + whole + (rest.isEmpty ? "" : "." + rest)
    }

    /// The literal ÷ 100: "120" → 1.2, "5" → 0.05.
    static func ratio(_ literal: String) -> Double? {
        let (sign, integer, fraction) = parts(literal)
        let padded = integer.count < 2 ? String(repeating: "0", count: 2 - integer.count) + integer : integer
        let whole = padded.dropLast(2).isEmpty ? "0" : String(padded.dropLast(2))
        return Double(sign + whole + "." + padded.suffix(2) + fraction)
    }

    private static func parts(_ text: String) -> (sign: String, integer: String, fraction: String) {
        var body = Substring(text)
        var sign = ""
        if body.first == "-" || body.first == "+" {
            if body.first == "-" { sign = "-" }
            body = body.dropFirst()
        }
        let pieces = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return (sign, String(pieces.first ?? ""), pieces.count > 1 ? String(pieces[1]) : "")
    }
}
