/// A flat JSON object of strings, keys sorted, written by hand: the audit
/// trail's before/after snapshot of a report is made on every save, and
/// Foundation's JSONSerialization (bridging through NSString on Linux) was
/// a noticeable part of the report writer's time.
enum JSONText {
    static func object(_ fields: [String: String]) -> String {
        var out = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            string(key, into: &out)
            out += ":"
            string(fields[key] ?? "", into: &out)
        }
        return out + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7).
    static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
