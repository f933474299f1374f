import Foundation

/// A number as people type it into a form: blanks are nil; 1,234.5,
/// full-width digits and a trailing % are accepted; anything else is an
/// error naming the field.
public enum FormNumber {
    public static func read(_ text: String?, field: String) throws(FormError) -> Double? {
        guard var text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        text = String(text.unicodeScalars.map { scalar -> Character in
            if (0xFF10...0xFF19).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!) }
            if scalar == "．" { return "." }
            return Character(scalar)
        }).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        guard let value = Double(text), value.isFinite else {
            throw FormError("“\(field)”应填数字，现为“\(text.prefix(40))”。")
        }
        return value
    }
}

/// A form refused, with the sentence the user reads.
public struct FormError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
