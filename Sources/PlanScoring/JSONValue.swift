import Foundation

/// A JSON value as Python's `json.loads` sees it, for the scorer.
///
/// The scorer ports `score.py`, which works on raw dicts, so nothing may be lost
/// in decoding: integers stay apart from floats (`2023` vs `2023.0` differ under
/// `str()`), a string `value` stays a string, a missing key stays missing, and
/// objects keep Python's dict semantics (first position, last value wins).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer literal that fits in `Int`.
    case int(Int)
    /// An integer literal too large for `Int`: its canonical decimal digits.
    case bigInt(String)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bigInt(let x), .bigInt(let y)): return x == y
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy {
                $0.0.unicodeScalars.elementsEqual($1.0.unicodeScalars) && $0.1 == $1.1
            }
        default: return false
        }
    }

    /// `dict.get(key)`: nil when the key is missing or this is not an object.
    /// Keys are compared scalar by scalar, as Python compares `str`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0.unicodeScalars.elementsEqual(key.unicodeScalars) }?.1
    }

    /// Parses JSON the way Python's `json.loads` does (strict mode): `NaN` and
    /// `Infinity` are accepted, control characters inside strings are not.
    /// A lone surrogate escape becomes U+FFFD, which Swift strings cannot hold.
    public static func parse(_ data: Data) throws(JSONValueError) -> JSONValue {
        // Not String(data:encoding:), which drops a BOM that json.loads would refuse.
        guard let text = String(validating: data, as: UTF8.self) else { throw .invalidUTF8 }
        var parser = JSONTextParser(Array(text.unicodeScalars))
        return try parser.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONValueError) -> JSONValue {
        var parser = JSONTextParser(Array(text.unicodeScalars))
        return try parser.parseDocument()
    }
}

public enum JSONValueError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8
    case syntax(String, offset: Int)

    public var description: String {
        switch self {
        case .invalidUTF8: return "not valid UTF-8"
        case .syntax(let what, let offset): return "invalid JSON at character \(offset): \(what)"
        }
    }
}

struct JSONTextParser {
    private let s: [Unicode.Scalar]
    private var i = 0

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    mutating func parseDocument() throws(JSONValueError) -> JSONValue {
        if s.first == "\u{FEFF}" { throw fail("unexpected UTF-8 BOM") }
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if i < s.count { throw fail("extra data") }
        return value
    }

    private func fail(_ what: String) -> JSONValueError { .syntax(what, offset: i) }

    private mutating func skipSpace() {
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
    }

    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= s.count, Array(s[i..<i + w.count]) == w else { return false }
        i += w.count
        return true
    }

    private mutating func parseValue() throws(JSONValueError) -> JSONValue {
        guard i < s.count else { throw fail("expecting value") }
        switch s[i] {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return .string(try parseString())
        default: break
        }
        if literal("null") { return .null }
        if literal("true") { return .bool(true) }
        if literal("false") { return .bool(false) }
        if literal("NaN") { return .double(.nan) }
        if literal("Infinity") { return .double(.infinity) }
        if literal("-Infinity") { return .double(-.infinity) }
        return try parseNumber()
    }

    private mutating func parseObject() throws(JSONValueError) -> JSONValue {
        i += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if i < s.count, s[i] == "}" { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < s.count, s[i] == "\"" else { throw fail("expecting property name") }
            let key = try parseString()
            skipSpace()
            guard i < s.count, s[i] == ":" else { throw fail("expecting ':'") }
            i += 1
            skipSpace()
            let value = try parseValue()
            // dict semantics: a repeated key keeps its first position, takes the last value.
            if let k = members.firstIndex(where: { $0.0.unicodeScalars.elementsEqual(key.unicodeScalars) }) {
                members[k].1 = value
            } else {
                members.append((key, value))
            }
            skipSpace()
            guard i < s.count else { throw fail("unterminated object") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "}" { i += 1; return .object(members) }
            throw fail("expecting ',' or '}'")
        }
    }

    private mutating func parseArray() throws(JSONValueError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < s.count, s[i] == "]" { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard i < s.count else { throw fail("unterminated array") }
            if s[i] == "," { i += 1; continue }
            if s[i] == "]" { i += 1; return .array(items) }
            throw fail("expecting ',' or ']'")
        }
    }

    private mutating func parseString() throws(JSONValueError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else { throw fail("unterminated string") }
            let c = s[i]
            i += 1
            if c == "\"" { return String(out) }
            if c.value < 0x20 { throw fail("invalid control character") }
            if c != "\\" { out.append(c); continue }
            guard i < s.count else { throw fail("unterminated string") }
            let e = s[i]
            i += 1
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: throw fail("invalid \\escape")
            }
        }
    }

    private mutating func hex4() throws(JSONValueError) -> UInt32 {
        guard i + 4 <= s.count else { throw fail("invalid \\uXXXX escape") }
        var v: UInt32 = 0
        for c in s[i..<i + 4] {
            guard let d = Character(c).hexDigitValue, c.isASCII else { throw fail("invalid \\uXXXX escape") }
            v = v * 16 + UInt32(d)
        }
        i += 4
        return v
    }

    private func isDigit(_ k: Int) -> Bool { k < s.count && s[k].value >= 0x30 && s[k].value <= 0x39 }

    /// `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, an int unless it has a fraction or exponent.
    private mutating func parseNumber() throws(JSONValueError) -> JSONValue {
        let start = i
        if i < s.count, s[i] == "-" { i += 1 }
        guard isDigit(i) else { i = start; throw fail("expecting value") }
        if s[i] == "0" { i += 1 } else { while isDigit(i) { i += 1 } }
        var isFloat = false
        if i < s.count, s[i] == ".", isDigit(i + 1) {
            isFloat = true
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var k = i + 1
            if k < s.count, s[k] == "-" || s[k] == "+" { k += 1 }
            if isDigit(k) {
                isFloat = true
                i = k
                while isDigit(i) { i += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        if isFloat { return .double(Double(text) ?? .nan) }
        if let n = Int(text) { return .int(n) }
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        return .bigInt((negative ? "-" : "") + digits)
    }
}
