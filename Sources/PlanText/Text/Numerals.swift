/// Reading numbers as plans print them: Arabic (half- or full-width, with
/// decimals and thousands commas) and Chinese (两所, 十项, 一百二十, 二〇二三).
enum Numerals {
    static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "零", "○", "０": return 0
        case "一", "壹": return 1
        case "二", "两", "贰", "兩": return 2
        case "三", "叁": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func chineseMultiplier(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    private static let chineseNumerals = ScalarSet("〇零○０一壹二两贰兩三叁四肆五伍六陆陸七柒八捌九玖十拾百佰千仟".unicodeScalars)

    @inline(__always) static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        chineseNumerals.contains(c)
    }

    /// Value of a run of Chinese numerals without 万/亿 (those are units to the
    /// caller); nil when the run is not a well-formed number.
    static func chineseValue<C: Collection>(_ s: C) -> Int? where C.Element == Unicode.Scalar {
        guard !s.isEmpty else { return nil }
        var section = 0, digit = -1
        var positional = 0, allDigits = true
        for c in s {
            if let d = chineseDigit(c) {
                if digit >= 0 { positional = positional * 10 + d } else { positional = d }
                digit = d
            } else if let m = chineseMultiplier(c) {
                allDigits = false
                if digit > 9 { return nil }
                section += (digit < 0 ? 1 : digit) * m
                digit = -1
            } else {
                return nil
            }
        }
        // 二〇二三 reads digit by digit; 二十三 by multipliers.
        if allDigits { return positional }
        if digit >= 0 { section += digit }
        return section
    }

    /// Circled and parenthesised number characters: ① ⑴ ⒈ ㈠ → their value.
    static func enclosedValue(_ c: Unicode.Scalar) -> (value: Int, kind: EnclosedKind)? {
        let v = c.value
        switch v {
        case 0x2460...0x2473: return (Int(v - 0x2460) + 1, .circled)
        case 0x2474...0x2487: return (Int(v - 0x2474) + 1, .parenthesized)
        case 0x2488...0x249B: return (Int(v - 0x2488) + 1, .fullStop)
        case 0x3220...0x3229: return (Int(v - 0x3220) + 1, .parenthesizedHan)
        case 0x3280...0x3289: return (Int(v - 0x3280) + 1, .circled)
        default: return nil
        }
    }

    enum EnclosedKind { case circled, parenthesized, fullStop, parenthesizedHan }

    /// An Arabic number starting at `i`: digits, optional thousands commas and
    /// one decimal point. Returns its value and the index after it.
    static func arabic(_ t: Scalars, at i: Int, limit: Int) -> (value: Double, end: Int, hasPoint: Bool)? {
        guard i < limit, t[i].isDigit else { return nil }
        var j = i
        var intPart = 0.0
        var digits = 0
        while j < limit {
            if t[j].isDigit {
                intPart = intPart * 10 + Double(t[j].digitValue)
                digits += 1
                j += 1
            } else if t[j] == ",", digits > 0,
                (1...3).allSatisfy({ j + $0 < limit && t[j + $0].isDigit }),
                j + 4 >= limit || !t[j + 4].isDigit
            {
                // A thousands separator: exactly three digits follow.
                j += 1
            } else {
                break
            }
            if digits > 15 { return nil }
        }
        var value = intPart
        var hasPoint = false
        if j + 1 < limit, t[j] == "." || t[j] == "．" || t[j] == "·", t[j + 1].isDigit {
            hasPoint = true
            j += 1
            var scale = 0.1
            while j < limit, t[j].isDigit {
                value += Double(t[j].digitValue) * scale
                scale /= 10
                j += 1
            }
            value = (value * 1e6).rounded() / 1e6
        }
        return (value, j, hasPoint)
    }
}
