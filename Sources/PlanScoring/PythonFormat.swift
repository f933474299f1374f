import Foundation

/// Python's `str`, `repr`, `float(str)`, `round` and `%` formatting, as far as
/// score.py uses them.
enum PyNumber {
    /// `str(x)` for a JSON value (None is handled by the caller).
    static func str(_ v: JSONValue) -> String {
        if case .string(let s) = v { return s }
        return repr(v)
    }

    static func repr(_ v: JSONValue) -> String {
        switch v {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let n): return String(n)
        case .bigInt(let digits): return digits
        case .double(let d): return floatRepr(d)
        case .string(let s): return stringRepr(s)
        case .array(let a): return "[" + a.map(repr).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + o.map { stringRepr($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// `repr(str)`: single quotes unless the text has ' and no ", escapes for the
    /// quote, backslash and characters that are not printable.
    static func stringRepr(_ s: String) -> String {
        let quote: Unicode.Scalar = s.unicodeScalars.contains("'") && !s.unicodeScalars.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for c in s.unicodeScalars {
            switch c {
            case quote, "\\": out += "\\" + String(c)
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\x" + hex(c.value, 2)
                } else if c.value < 0x7F || isPrintable(c) {
                    out.unicodeScalars.append(c)
                } else if c.value <= 0xFF {
                    out += "\\x" + hex(c.value, 2)
                } else if c.value <= 0xFFFF {
                    out += "\\u" + hex(c.value, 4)
                } else {
                    out += "\\U" + hex(c.value, 8)
                }
            }
        }
        return out + String(quote)
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    private static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    /// `repr(float)`: the shortest round-trip digits (the same Swift's `description`
    /// finds), laid out as Python does: exponent form when the decimal point
    /// position is <= -4 or > 16, otherwise fixed with at least one decimal.
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        var text = Substring(abs(d).description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts[0], fracPart = parts.count > 1 ? parts[1] : ""
        var digits = Array(intPart + fracPart)
        var point = intPart.count + exponent
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return sign + "0.0" }
        let all = String(digits)
        if point <= -4 || point > 16 {
            let mantissa = digits.count == 1 ? all : String(digits[0]) + "." + String(digits[1...])
            let e = point - 1
            let magnitude = String(abs(e))
            return sign + mantissa + "e" + (e < 0 ? "-" : "+")
                + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + all }
        if point >= digits.count { return sign + all + String(repeating: "0", count: point - digits.count) + ".0" }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }

    /// `float(str)`: Unicode digits and spaces folded to ASCII, surrounding
    /// whitespace stripped, `_` only between digits, inf/infinity/nan in any case.
    static func parseFloat(_ s: String) -> Double? {
        var ascii = ""
        for c in s.unicodeScalars {
            if c.value < 0x80 {
                ascii.unicodeScalars.append(c)
            } else if Py.isSpace(c) {
                ascii += " "
            } else if c.properties.numericType == .decimal, let v = c.properties.numericValue {
                ascii += String(Int(v))
            } else {
                return nil
            }
        }
        let trimmed = ascii.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\u{0B}\u{0C}\r"))
        var cleaned = ""
        var previous: Character = "\0"
        for ch in trimmed {
            if ch == "_" {
                guard previous.isASCII, previous.isNumber else { return nil }
            } else {
                if previous == "_" && !(ch.isASCII && ch.isNumber) { return nil }
                cleaned.append(ch)
            }
            previous = ch
        }
        if previous == "_" { return nil }
        var body = Substring(cleaned)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        guard isDecimalLiteral(body), let value = Double("0" + body) else { return nil }
        return negative ? -value : value
    }

    /// `digits [. [digits]] | . digits`, then an optional exponent.
    private static func isDecimalLiteral(_ s: Substring) -> Bool {
        let chars = Array(s)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            return i - start
        }
        var mantissa = digits()
        if i < chars.count, chars[i] == "." {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == chars.count
    }

    /// `round(x, 4)`: C's `%.4f` rounds the exact binary value half to even,
    /// as Python's correctly rounded `round` does; reading it back gives the same float.
    static func round4(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return Double(format("%.4f", x)) ?? x
    }

    /// `fmt % x` for one float conversion (`%8.3f`, `%.4f`).
    static func format(_ fmt: String, _ x: Double) -> String {
        String(format: fmt, x)
    }
}

extension Py {
    static func str(_ v: JSONValue) -> String { PyNumber.str(v) }
}
