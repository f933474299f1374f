/// JSON string quoting as Python's `json.dumps(..., ensure_ascii=False)` does it:
/// only `"`, `\\` and control characters escaped. Shared by the plan writer and
/// the scorer, whose output must match score.py byte for byte.
public enum JSONString {
    /// A JSON string with only `"`, `\` and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 {
                    let h = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
