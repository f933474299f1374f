/// Entity and character-reference decoding for XML text and attribute values.
/// Only the five predefined entities and numeric references exist here: unknown
/// or malformed references are kept literally, invalid code points become U+FFFD.
enum XMLEntities {
    /// Decodes `raw` into UTF-8 bytes appended to `output`; also folds "\r\n" and
    /// "\r" to "\n" as an XML parser must.
    static func decode(_ raw: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var at = raw.startIndex
        let end = raw.endIndex
        while at < end {
            let byte = raw[at]
            if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                at += 1
                if at < end, raw[at] == UInt8(ascii: "\n") { at += 1 }
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                var run = at + 1
                while run < end, raw[run] != UInt8(ascii: "&"), raw[run] != UInt8(ascii: "\r") { run += 1 }
                output.append(contentsOf: raw[at..<run])
                at = run
                continue
            }
            // The longest reference is "&#x10FFFF;" or "&#1114111;": 10 bytes.
            var semicolon = at + 1
            while semicolon < end, semicolon - at <= 10, raw[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < end, raw[semicolon] == UInt8(ascii: ";"),
                  let scalar = reference(raw[(at + 1)..<semicolon]) else {
                output.append(byte)
                at += 1
                continue
            }
            appendUTF8(scalar, to: &output)
            at = semicolon + 1
        }
    }

    static func appendNormalizingLineEnds(_ raw: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var previousCR = false
        for byte in raw {
            if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
            } else if !(byte == UInt8(ascii: "\n") && previousCR) {
                output.append(byte)
            }
            previousCR = byte == UInt8(ascii: "\r")
        }
    }

    /// The scalar a reference body (between "&" and ";") stands for, nil when it
    /// is not a reference at all (then it is kept as written).
    private static func reference(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch Array(body) {
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("amp".utf8): return "&"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard body.first == UInt8(ascii: "#"), body.count >= 2 else { return nil }
        var digits = body.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard let d = hexValue(digit), d < radix else { return nil }
            value = value * radix + d
            if value > 0x10FFFF { return "\u{FFFD}" }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }
}

/// Brings an XML part to UTF-8: parts may be UTF-16 (with or without a byte
/// order mark) or, from some Chinese tools, declared GB2312/GBK/GB18030.
enum XMLEncoding {
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return utf16(bytes[...], bigEndian: false) }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return utf16(bytes[...], bigEndian: true) }
        if declaresGB(bytes), let converted = GB18030.decode(bytes[...]) { return converted.bytes }
        return bytes
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        Array(TextDecoding.utf16String(bytes, bigEndian: bigEndian).utf8)
    }

    /// Whether the XML declaration names a GB encoding (gb2312, gbk, gb18030).
    private static func declaresGB(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return false }
        let head = bytes.prefix(200).prefix { $0 != UInt8(ascii: ">") }
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        guard let range = lower.range(of: "encoding") else { return false }
        let rest = lower[range.upperBound...].drop { $0 == "=" || $0 == " " || $0 == "\"" || $0 == "'" }
        return rest.hasPrefix("gb")
    }
}
