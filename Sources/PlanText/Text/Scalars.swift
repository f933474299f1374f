/// The parser works on arrays of Unicode scalars: offsets are then the positions
/// the schema promises (Python `str` indices), and scanning is linear and cheap.
typealias Scalars = [Unicode.Scalar]

@inline(__always) func S(_ s: String) -> Scalars { Array(s.unicodeScalars) }

extension Array where Element == Unicode.Scalar {
    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: self)
        return String(s)
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: self)
        return String(s)
    }
}

extension RandomAccessCollection where Element == Unicode.Scalar, Index == Int {
    /// Whether `word` occurs at `i`.
    @inline(__always) func has(_ word: Scalars, at i: Int) -> Bool {
        guard i >= startIndex, i + word.count <= endIndex else { return false }
        var k = 0
        while k < word.count {
            if self[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// The first word of `words` that occurs at `i`, longest listed first by the caller.
    func match(_ words: [Scalars], at i: Int) -> Scalars? {
        for w in words where has(w, at: i) { return w }
        return nil
    }

    func firstIndex(of word: Scalars, from: Int? = nil, to: Int? = nil) -> Int? {
        let lo = Swift.max(from ?? startIndex, startIndex)
        let hi = Swift.min(to ?? endIndex, endIndex) - word.count
        guard !word.isEmpty, lo <= hi else { return nil }
        let first = word[0]
        var i = lo
        while i <= hi {
            if self[i] == first && has(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    func lastIndex(of word: Scalars, before: Int? = nil, from: Int? = nil) -> Int? {
        let lo = Swift.max(from ?? startIndex, startIndex)
        var i = Swift.min(before ?? endIndex, endIndex) - word.count
        while i >= lo {
            if has(word, at: i) { return i }
            i -= 1
        }
        return nil
    }

    func contains(_ word: Scalars, from: Int? = nil, to: Int? = nil) -> Bool {
        firstIndex(of: word, from: from, to: to) != nil
    }

    func containsAny(_ words: [Scalars], from: Int? = nil, to: Int? = nil) -> Bool {
        words.contains { contains($0, from: from, to: to) }
    }
}

extension Unicode.Scalar {
    /// Whitespace as documents use it: ASCII, NBSP, ideographic space, zero-width.
    var isBlank: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000, 0xFEFF:
            return true
        default: return false
        }
    }

    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    /// Full-width digits ０-９ count as digits; `digitValue` folds them.
    var isDigit: Bool { isASCIIDigit || (value >= 0xFF10 && value <= 0xFF19) }
    /// The digit's value; meaningful only where `isDigit` holds (computed in
    /// `Int` so that a stray call can never trap).
    var digitValue: Int {
        value >= 0xFF10 ? Int(value) - 0xFF10 : Int(value) - 0x30
    }

    var isHan: Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0x20000 && value <= 0x2FA1F) || value == 0x3007
    }

    var isLatinLetter: Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// Punctuation that ends or separates clauses.
    var isClausePunctuation: Bool {
        switch self {
        case "，", ",", "；", ";", "。", "！", "!", "？", "?", "：", ":": return true
        default: return false
        }
    }

    var isOpenBracket: Bool { self == "（" || self == "(" || self == "［" || self == "[" || self == "【" }
    var isCloseBracket: Bool { self == "）" || self == ")" || self == "］" || self == "]" || self == "】" }
    var isOpenQuote: Bool { self == "“" || self == "‘" || self == "「" || self == "『" || self == "《" || self == "〈" }
    var isCloseQuote: Bool { self == "”" || self == "’" || self == "」" || self == "』" || self == "》" || self == "〉" }
}

/// Removes every blank scalar (letter-spaced headings: 工 作 方 案).
func squeezeBlanks<C: Collection>(_ s: C) -> Scalars where C.Element == Unicode.Scalar {
    s.filter { !$0.isBlank }
}

/// Trims blanks at both ends of `lo..<hi` in `text`.
func trimmedRange(_ text: Scalars, _ lo: Int, _ hi: Int) -> Range<Int> {
    var a = lo, b = hi
    while a < b && text[a].isBlank { a += 1 }
    while b > a && text[b - 1].isBlank { b -= 1 }
    return a..<b
}
