/// The numbering styles of Chinese official documents. `rank` is the
/// conventional order (GB/T 9704: 一、 above （一） above 1. above （1）);
/// the outline uses it only when a style appears that is not yet open.
enum LabelStyle: Hashable {
    case chapter        // 第一章 / 第一部分 / 第一篇
    case section        // 第一节
    case article        // 第一条
    case hanComma       // 一、
    case hanParen       // （一） (一) ㈠
    case arabicDot      // 1. 1．
    case arabicComma    // 1、
    case arabicParen    // （1） (1) ⑴ 1）
    case circled        // ①
    case decimal(Int)   // 1.1 (depth 2), 1.1.1 (depth 3)
    case tableRow       // the 序号 of a task breakdown table

    var rank: Int {
        switch self {
        case .chapter: return 0
        case .section: return 1
        case .article: return 2
        case .hanComma: return 3
        case .hanParen: return 4
        case .arabicDot, .arabicComma: return 5
        case .arabicParen: return 6
        case .circled: return 7
        case .decimal(let depth): return 4 + depth
        case .tableRow: return 9
        }
    }
}

/// A label at the start of a line: its style, number, the text written in the
/// node id, and where the heading text after it begins.
struct OutlineLabel {
    var style: LabelStyle
    var number: Int
    var text: String
    var contentStart: Int
}

enum LabelReader {
    /// Reads the label at the start of `line` (already trimmed), if any.
    static func read(_ t: Scalars, _ line: Range<Int>) -> OutlineLabel? {
        let i = line.lowerBound, end = line.upperBound
        guard i < end else { return nil }
        let c = t[i]
        if c == "第" { return ordinal(t, i, end) }
        if let (v, kind) = Numerals.enclosedValue(c) {
            let style: LabelStyle
            let text: String
            switch kind {
            case .circled: style = .circled; text = String(c)
            case .parenthesized: style = .arabicParen; text = "（\(v)）"
            case .fullStop: style = .arabicDot; text = "\(v)"
            case .parenthesizedHan: style = .hanParen; text = "（\(hanText(v))）"
            }
            return OutlineLabel(style: style, number: v, text: text, contentStart: skipAfterLabel(t, i + 1, end))
        }
        if c == "（" || c == "(" { return bracketed(t, i, end) }
        if c.isDigit { return arabic(t, i, end) }
        if Numerals.isChineseNumeral(c) { return hanComma(t, i, end) }
        return nil
    }

    private static func ordinal(_ t: Scalars, _ i: Int, _ end: Int) -> OutlineLabel? {
        var j = i + 1
        while j < end, j - i <= 5, Numerals.isChineseNumeral(t[j]) || t[j].isDigit { j += 1 }
        guard j > i + 1, j < end else { return nil }
        let digits = t[(i + 1)..<j]
        let number = digits.allSatisfy(\.isDigit)
            ? Int(digits.map { String($0.digitValue) }.joined()) : Numerals.chineseValue(digits)
        guard let n = number, n > 0 else { return nil }
        let style: LabelStyle
        var k = j + 1
        switch t[j] {
        case "章", "篇": style = .chapter
        case "节": style = .section
        case "条": style = .article
        case "部":
            guard j + 1 < end, t[j + 1] == "分" else { return nil }
            style = .chapter
            k = j + 2
        default: return nil
        }
        return OutlineLabel(
            style: style, number: n, text: t[i..<k].string, contentStart: skipAfterLabel(t, k, end))
    }

    private static func bracketed(_ t: Scalars, _ i: Int, _ end: Int) -> OutlineLabel? {
        var j = i + 1
        while j < end, j - i <= 4, Numerals.isChineseNumeral(t[j]) || t[j].isDigit { j += 1 }
        guard j > i + 1, j < end, t[j] == "）" || t[j] == ")" else { return nil }
        let inner = t[(i + 1)..<j]
        let k = skipAfterLabel(t, j + 1, end)
        if inner.allSatisfy(\.isDigit) {
            guard let n = Int(inner.map { String($0.digitValue) }.joined()), n > 0, n < 200 else { return nil }
            return OutlineLabel(style: .arabicParen, number: n, text: "（\(n)）", contentStart: k)
        }
        guard let n = Numerals.chineseValue(inner), n > 0, n < 100 else { return nil }
        return OutlineLabel(style: .hanParen, number: n, text: "（\(inner.string)）", contentStart: k)
    }

    private static func arabic(_ t: Scalars, _ i: Int, _ end: Int) -> OutlineLabel? {
        var j = i
        while j < end, t[j].isDigit, j - i < 3 { j += 1 }
        guard j < end, let n = Int(t[i..<j].map { String($0.digitValue) }.joined()), n > 0, n < 200 else {
            return nil
        }
        let style: LabelStyle
        switch t[j] {
        case ".", "．":
            // 1.4%: a decimal, not a label; 1.2 建设平台: a decimal label.
            if j + 1 < end, t[j + 1].isDigit { return decimal(t, i, end) }
            style = .arabicDot
        case "、": style = .arabicComma
        case "）", ")": style = .arabicParen
        default: return nil
        }
        let text = style == .arabicParen ? "（\(n)）" : "\(n)"
        return OutlineLabel(style: style, number: n, text: text, contentStart: skipAfterLabel(t, j + 1, end))
    }

    /// 1.2 / 1.2.3 followed by a blank or by words (not by 亿元, %, 家 …).
    private static func decimal(_ t: Scalars, _ i: Int, _ end: Int) -> OutlineLabel? {
        var parts: [Int] = []
        var j = i
        while j < end, parts.count < 4 {
            var n = 0, k = j
            while k < end, t[k].isDigit, k - j < 3 { n = n * 10 + t[k].digitValue; k += 1 }
            guard k > j else { return nil }
            parts.append(n)
            j = k
            guard j + 1 < end, t[j] == "." || t[j] == "．", t[j + 1].isDigit else { break }
            j += 1
        }
        guard parts.count >= 2, parts.allSatisfy({ $0 > 0 && $0 < 100 }), j < end else { return nil }
        if j < end, t[j] == "." || t[j] == "．" || t[j] == "、" { j += 1 }
        guard j < end, t[j].isBlank || (t[j].isHan && QuantityScanner.unit(t, at: j, limit: end) == nil) else { return nil }
        return OutlineLabel(
            style: .decimal(parts.count), number: parts.last!, text: parts.map(String.init).joined(separator: "."),
            contentStart: skipAfterLabel(t, j, end))
    }

    private static func hanComma(_ t: Scalars, _ i: Int, _ end: Int) -> OutlineLabel? {
        var j = i
        while j < end, j - i < 4, Numerals.isChineseNumeral(t[j]) { j += 1 }
        guard j < end, t[j] == "、" || t[j] == "．" || t[j] == "." else { return nil }
        guard let n = Numerals.chineseValue(t[i..<j]), n > 0, n < 100 else { return nil }
        return OutlineLabel(
            style: .hanComma, number: n, text: t[i..<j].string, contentStart: skipAfterLabel(t, j + 1, end))
    }

    /// A stray 、 or blank after the label (（一）、 / 1. ) is not heading text.
    private static func skipAfterLabel(_ t: Scalars, _ k: Int, _ end: Int) -> Int {
        var k = k
        while k < end, t[k].isBlank || t[k] == "、" { k += 1 }
        return k
    }

    static func hanText(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        return String(n)
    }
}
