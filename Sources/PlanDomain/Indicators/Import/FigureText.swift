/// Numbers, years and months as people type them into a statistics sheet:
/// "1,234.5", " 12 ", full-width "１２", "3.5亿元" in the indicator's own unit.
/// Anything that is not one definite number is refused rather than guessed:
/// "约10", "10左右", "-" and "/" say the figure is not known.
enum FigureText {
    enum Parsed: Equatable {
        case value(Double)
        case empty
        /// Why the text is not a number, in Chinese, quoting it.
        case refused(String)
        /// A number followed by a unit other than the indicator's (3.5万元 for 亿元), with the reason.
        case wrongUnit(String)
    }

    /// Words that make a number approximate; the figure must be definite.
    private static let approximations = ["约", "大约", "近", "超", "左右", "以上", "以下", "余", "多", "许"]

    /// The number in `text`, with `unit` (the indicator's) allowed after it.
    static func number(_ text: String, unit: String) -> Parsed {
        let cleaned = ascii(text)
        guard !cleaned.isEmpty else { return .empty }
        var body = Substring(cleaned)
        let unit = ascii(unit)
        if !unit.isEmpty, body.hasSuffix(unit) {
            body = body.dropLast(unit.count)
            while body.last?.isWhitespace == true { body.removeLast() }
        }
        if let value = decimal(body) { return .value(value) }

        let shown = quoted(text)
        if approximations.contains(where: { cleaned.contains($0) }) {
            return .refused("数值\(shown)不是确切的数字，请只填写数字")
        }
        // A number followed by another unit: 3.5万元 for an indicator in 亿元.
        let digits = cleaned.prefix { $0.isASCII && ($0.isNumber || ",.+-".contains($0)) }
        let rest = cleaned.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if decimal(Substring(digits)) != nil, !rest.isEmpty, !rest.contains(where: { $0.isASCII && $0.isNumber }) {
            guard !unit.isEmpty else { return .wrongUnit("数值\(shown)带有单位「\(rest)」，请只填写数字") }
            return .wrongUnit("数值\(shown)的单位「\(rest)」与指标单位「\(unit)」不一致，请换算为\(unit)后只填写数字")
        }
        return .refused("数值\(shown)不是数字")
    }

    /// A year from 2000 to 2100: 2025, "2025年", "２０２５".
    static func year(_ text: String) -> Int? {
        var cleaned = ascii(text)
        if cleaned.hasSuffix("年") { cleaned.removeLast() }
        guard cleaned.count == 4, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(cleaned),
              (2000...2100).contains(year) else { return nil }
        return year
    }

    /// A month 1…12 ("3", "03", "3月"); nil when it is something else.
    static func month(_ text: String) -> Int? {
        var cleaned = ascii(text)
        if cleaned.hasSuffix("月") { cleaned.removeLast() }
        guard (1...2).contains(cleaned.count), cleaned.allSatisfy({ $0.isASCII && $0.isNumber }),
              let month = Int(cleaned), (1...12).contains(month) else { return nil }
        return month
    }

    /// A GB/T 2260 code: six digits, or the twelve of a statistical division code
    /// whose last six are zeros (421381000000 is 421381).
    static func placeCode(_ text: String) -> String {
        let cleaned = ascii(text)
        if cleaned.count == 12, cleaned.hasSuffix("000000"), cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return String(cleaned.prefix(6))
        }
        return cleaned
    }

    /// Text for a message: 「…」, one line, cut at 30 characters.
    static func quoted(_ text: String) -> String {
        let line = CellText.line(text)
        return "「" + (line.count > 30 ? String(line.prefix(30)) + "…" : line) + "」"
    }

    /// Full-width forms (０–９, ．，－＋％ and letters) as ASCII, the ideographic
    /// space and U+2212 minus too, blanks trimmed.
    static func ascii(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0x2212: out.append("-")
            default: out.append(scalar)
            }
        }
        return CellText.line(String(out))
    }

    /// A plain decimal: sign, digits (thousands separated by commas in groups of
    /// three, or none), a fraction, an exponent as Excel writes small numbers
    /// (1e-05). Not hex, not "nan" or "inf", which `Double(_:)` would take.
    static func decimal(_ text: Substring) -> Double? {
        var chars = Array(text)
        var i = 0
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        let integerStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "," { i += 1 }
        let integer = chars[integerStart..<i]
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var digits = integer.filter { $0 != "," }.count
        if i < chars.count, chars[i] == "." {
            i += 1
            let fractionStart = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            digits += i - fractionStart
            guard i > fractionStart else { return nil }
        }
        guard digits > 0 else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            let exponentStart = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            guard i > exponentStart, i - exponentStart <= 3 else { return nil }
        }
        guard i == chars.count else { return nil }
        chars.removeAll { $0 == "," }
        guard let value = Double(String(chars)), value.isFinite else { return nil }
        return value
    }
}
