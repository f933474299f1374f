/// Renders a list counter the way Word shows it for a `w:numFmt` value.
/// Unknown formats, and values a format cannot show, fall back to decimal.
enum ListNumberFormat {
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "none", "bullet":
            return ""
        case "decimalZero":
            return value >= 0 && value < 10 ? "0\(value)" : String(value)
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "taiwanCounting", "taiwanCountingThousand":
            return counting(value, style: .chinese) ?? String(value)
        case "ideographDigital", "taiwaneseDigital":
            return String(String(value).map { $0.wholeNumberValue.map { Self.digitForms[$0] } ?? $0 })
        case "japaneseCounting":
            return counting(value, style: .japanese) ?? String(value)
        case "chineseLegalSimplified":
            return counting(value, style: .legalSimplified) ?? String(value)
        case "ideographLegalTraditional":
            return counting(value, style: .legalTraditional) ?? String(value)
        case "ideographTraditional":
            return cycle(value, "甲乙丙丁戊己庚辛壬癸") ?? String(value)
        case "ideographZodiac":
            return cycle(value, "子丑寅卯辰巳午未申酉戌亥") ?? String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosedCircle(value) ?? String(value)
        case "ideographEnclosedCircle":
            return scalar(value, first: 0x3280, upTo: 10) ?? String(value)
        case "decimalEnclosedFullstop":
            return scalar(value, first: 0x2488, upTo: 20) ?? String(value)
        case "decimalEnclosedParen":
            return scalar(value, first: 0x2474, upTo: 20) ?? String(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { scalar in
                guard scalar.value >= 0x30, scalar.value <= 0x39 else { return Character(scalar) }
                return Unicode.Scalar(scalar.value + 0xFEE0).map(Character.init) ?? Character(scalar)
            })
        case "lowerLetter", "upperLetter":
            guard value >= 1, value <= 26 * 20 else { return String(value) }
            let letter = Character(Unicode.Scalar(UInt8(ascii: format == "lowerLetter" ? "a" : "A") + UInt8((value - 1) % 26)))
            return String(repeating: letter, count: (value - 1) / 26 + 1)
        case "lowerRoman", "upperRoman":
            guard let roman = roman(value) else { return String(value) }
            return format == "lowerRoman" ? roman.lowercased() : roman
        default:
            return String(value)
        }
    }

    /// Digit by digit: 2024 → 二〇二四.
    private static let digitForms = Array("〇一二三四五六七八九")

    private enum CountingStyle {
        case chinese, japanese, legalSimplified, legalTraditional

        private static let commonDigits = Array("零一二三四五六七八九")
        private static let simplifiedLegalDigits = Array("零壹贰叁肆伍陆柒捌玖")
        private static let traditionalLegalDigits = Array("零壹貳參肆伍陸柒捌玖")
        private static let commonUnits = ["", "十", "百", "千"]
        private static let legalUnits = ["", "拾", "佰", "仟"]

        var digits: [Character] {
            switch self {
            case .chinese, .japanese: return Self.commonDigits
            case .legalSimplified: return Self.simplifiedLegalDigits
            case .legalTraditional: return Self.traditionalLegalDigits
            }
        }

        var units: [String] {
            switch self {
            case .chinese, .japanese: return Self.commonUnits
            case .legalSimplified, .legalTraditional: return Self.legalUnits
            }
        }

        var tenThousand: String { self == .legalTraditional ? "萬" : "万" }
    }

    /// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 10000 → 一万;
    /// Japanese drops the 一 before 十/百/千 and never writes 零.
    private static func counting(_ value: Int, style: CountingStyle) -> String? {
        guard value >= 1, value < 100_000_000 else { return nil }
        let high = value / 10_000, low = value % 10_000
        var result = ""
        if high > 0 {
            result = section(high, style: style) + style.tenThousand
            if low > 0 && low < 1000 && style != .japanese { result += String(style.digits[0]) }
        }
        if low > 0 { result += section(low, style: style) }
        // 十一 rather than 一十一 when the number starts with ten (not for legal forms).
        if style == .chinese, value >= 10, value < 20 { result.removeFirst() }
        return result
    }

    /// A number below 10 000 in the given style.
    private static func section(_ value: Int, style: CountingStyle) -> String {
        var result = ""
        var pendingZero = false
        for position in stride(from: 3, through: 0, by: -1) {
            var power = 1
            for _ in 0..<position { power *= 10 }
            let digit = value / power % 10
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero && style != .japanese { result.append(style.digits[0]) }
            pendingZero = false
            if !(style == .japanese && digit == 1 && position > 0) { result.append(style.digits[digit]) }
            result += style.units[position]
        }
        return result
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String? {
        let characters = Array(symbols)
        guard value >= 1, value <= characters.count else { return nil }
        return String(characters[value - 1])
    }

    private static func scalar(_ value: Int, first: UInt32, upTo last: Int) -> String? {
        guard value >= 1, value <= last, let scalar = Unicode.Scalar(first + UInt32(value - 1)) else { return nil }
        return String(Character(scalar))
    }

    /// ① … ⑳, then ㉑ … ㉟ and ㊱ … ㊿.
    private static func enclosedCircle(_ value: Int) -> String? {
        switch value {
        case 1...20: return scalar(value, first: 0x2460, upTo: 20)
        case 21...35: return scalar(value - 20, first: 0x3251, upTo: 15)
        case 36...50: return scalar(value - 35, first: 0x32B1, upTo: 15)
        default: return nil
        }
    }

    private static func roman(_ value: Int) -> String? {
        guard value >= 1, value < 4000 else { return nil }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }
}
