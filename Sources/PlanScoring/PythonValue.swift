import Foundation

/// A `str` compared as Python compares it: code point by code point (Swift's
/// `String ==` would also equate canonically equivalent sequences).
public struct PyStr: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let scalars: [UInt32]
    public init(_ s: String) { scalars = s.unicodeScalars.map(\.value) }
    public static func < (a: PyStr, b: PyStr) -> Bool { a.scalars.lexicographicallyPrecedes(b.scalars) }
    public var description: String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }
}

/// Why a document cannot be scored: the places where score.py itself would stop
/// with an exception (a gold node without `id`, a node that is not an object …).
public struct ScoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The few Python operations score.py applies to raw JSON values. A missing key
/// and JSON `null` are both Python `None`, written `nil` here.
enum Py {
    /// `str.isspace()`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The value, with JSON `null` as `nil` like a missing key.
    static func some(_ v: JSONValue?) -> JSONValue? {
        if case .null? = v { return nil }
        return v
    }

    /// `x.get(key)`; like Python it fails when `x` is not a dict.
    static func get(_ v: JSONValue, _ key: String) throws(ScoreError) -> JSONValue? {
        guard case .object = v else { throw ScoreError("'\(typeName(v))' object has no attribute 'get'") }
        return some(v[key])
    }

    /// `x[key]`: fails when the key is missing.
    static func item(_ v: JSONValue, _ key: String) throws(ScoreError) -> JSONValue? {
        guard case .object = v, let value = v[key] else {
            throw ScoreError("gold node without '\(key)' (score.py: KeyError/TypeError)")
        }
        return some(value)
    }

    static func typeName(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null?: return "NoneType"
        case .bool?: return "bool"
        case .int?, .bigInt?: return "int"
        case .double?: return "float"
        case .string?: return "str"
        case .array?: return "list"
        case .object?: return "dict"
        }
    }

    /// `bool(x)`.
    static func truthy(_ v: JSONValue?) -> Bool {
        switch v {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .int(let n)?: return n != 0
        case .bigInt?: return true
        case .double(let d)?: return d != 0
        case .string(let s)?: return !s.unicodeScalars.isEmpty
        case .array(let a)?: return !a.isEmpty
        case .object(let o)?: return !o.isEmpty
        }
    }

    /// The items of `for x in (v or [])`: a string yields its characters, a dict its keys.
    static func items(_ v: JSONValue?) throws(ScoreError) -> [JSONValue] {
        guard truthy(v), let v else { return [] }
        switch v {
        case .array(let a): return a
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .object(let o): return o.map { .string($0.0) }
        default: throw ScoreError("'\(typeName(v))' object is not iterable")
        }
    }

    /// score.py's `norm`: None stays None, else NFKC of `str(x)` without whitespace.
    static func norm(_ v: JSONValue?) -> PyStr? {
        guard let v = some(v) else { return nil }
        let nfkc = str(v).precomposedStringWithCompatibilityMapping
        return PyStr(String(String.UnicodeScalarView(nfkc.unicodeScalars.filter { !isSpace($0) })))
    }

    /// `x == y` on values from `json.loads` (True == 1 == 1.0, int/float compared exactly).
    static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (some(a), some(b)) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (.string(let x)?, .string(let y)?): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x)?, .array(let y)?):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x)?, .object(let y)?):
            return x.count == y.count && x.allSatisfy { key, value in
                guard let other = JSONValue.object(y)[key] else { return false }
                return equal(value, other)
            }
        case (let x?, let y?): return numbersEqual(x, y)
        }
    }

    private static func numbersEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (asNumber(a), asNumber(b)) {
        case (.int(let x)?, .int(let y)?): return x == y
        case (.bigInt(let x)?, .bigInt(let y)?): return x == y
        case (.double(let x)?, .double(let y)?): return x == y
        case (.int(let n)?, .double(let d)?), (.double(let d)?, .int(let n)?):
            guard d.isFinite, d == d.rounded(), d >= -0x1p63, d < 0x1p63 else { return false }
            return Int(d) == n
        case (.bigInt(let n)?, .double(let d)?), (.double(let d)?, .bigInt(let n)?):
            guard d.isFinite, d == d.rounded() else { return false }
            return String(format: "%.0f", d) == n
        default: return false
        }
    }

    /// Numbers with bool folded into int; nil for anything else.
    private static func asNumber(_ v: JSONValue) -> JSONValue? {
        switch v {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int, .bigInt, .double: return v
        default: return nil
        }
    }

    /// `float(x)`: nil where Python raises TypeError or ValueError; an int too large
    /// for a float raises OverflowError, which score.py does not catch.
    static func float(_ v: JSONValue?) throws(ScoreError) -> Double? {
        switch some(v) {
        case .bool(let b)?: return b ? 1 : 0
        case .int(let n)?: return Double(n)
        case .bigInt(let digits)?:
            guard let d = Double(digits), d.isFinite else {
                throw ScoreError("int too large to convert to float (score.py: OverflowError)")
            }
            return d
        case .double(let d)?: return d
        case .string(let s)?: return PyNumber.parseFloat(s)
        default: return nil
        }
    }

    /// score.py's `same_number`.
    static func sameNumber(_ a: JSONValue?, _ b: JSONValue?) throws(ScoreError) -> Bool {
        guard let x = try float(a), let y = try float(b) else { return false }
        return abs(x - y) <= 1e-9 * pyMax(1.0, abs(x), abs(y))
    }

    /// Python's `max`: the first of the largest, where NaN never compares larger.
    private static func pyMax(_ values: Double...) -> Double {
        var best = values[0]
        for v in values.dropFirst() where v > best { best = v }
        return best
    }

    /// score.py's `char_overlap`: Jaccard index of the sets of characters.
    static func charOverlap(_ a: JSONValue?, _ b: JSONValue?) -> Double {
        let x = Set(norm(a)?.scalars ?? []), y = Set(norm(b)?.scalars ?? [])
        let union = x.union(y).count
        return union == 0 ? 1.0 : Double(x.intersection(y).count) / Double(union)
    }
}
