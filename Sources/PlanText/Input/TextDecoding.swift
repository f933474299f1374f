/// Plain-text files: byte order marks, UTF-8 vs GB18030, binary detection and
/// line-end normalisation. Works on byte buffers; no per-character appends.
enum TextDecoding {
    /// Decoded text (line ends "\n") and the encoding's name.
    static func decode(_ bytes: [UInt8]) throws(PlanTextError) -> (text: String, encoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            let scan = try scanBytes(body)
            let normalized = scan.hasCR ? normalizeLineEnds(body) : Array(body)
            return (String(decoding: normalized, as: UTF8.self), "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            let body = bytes[2...]
            try scanUTF16(body, bigEndian: bigEndian)
            let text = utf16String(body, bigEndian: bigEndian)
            return (normalizeLineEnds(text), bigEndian ? "utf-16be" : "utf-16le")
        }
        let scan = try scanBytes(bytes[...])
        let normalized = scan.hasCR ? normalizeLineEnds(bytes[...]) : bytes
        if !scan.hasHighBit {
            return (String(decoding: normalized, as: UTF8.self), "utf-8")
        }
        if let text = String(validating: normalized, as: UTF8.self) {
            return (text, "utf-8")
        }
        if isMostlyUTF8(normalized) {
            return (String(decoding: normalized, as: UTF8.self), "utf-8")
        }
        // Chinese government files are often GBK/GB2312, both subsets of GB18030.
        // Allow a stray bad byte or two, but not a file of them.
        if let gb = GB18030.decode(normalized[...]), gb.invalidBytes * 200 <= normalized.count {
            return (String(decoding: gb.bytes, as: UTF8.self), "gb18030")
        }
        throw .unknownFormat
    }

    struct Scan {
        var hasCR = false
        var hasHighBit = false
    }

    /// Rejects binary data: any NUL byte, or control characters other than
    /// \t \n \v \f \r (and DOS end-of-file / escape) in more than 2 % of the bytes.
    static func scanBytes(_ bytes: ArraySlice<UInt8>) throws(PlanTextError) -> Scan {
        var scan = Scan()
        var controls = 0
        var sawNUL = false
        bytes.withUnsafeBufferPointer { buffer in
            var high: UInt8 = 0
            var cr = false
            for byte in buffer {
                high |= byte
                if byte < 0x20 {
                    switch byte {
                    case 0x00: sawNUL = true
                    case 0x0D: cr = true
                    case 0x09, 0x0A, 0x0B, 0x0C, 0x1A, 0x1B: break
                    default: controls += 1
                    }
                }
            }
            scan.hasHighBit = high & 0x80 != 0
            scan.hasCR = cr
        }
        if sawNUL || (controls >= 4 && controls * 50 > bytes.count) { throw .unknownFormat }
        return scan
    }

    private static func scanUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(PlanTextError) {
        var controls = 0
        var at = bytes.startIndex
        while at + 1 < bytes.endIndex {
            let unit = bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
                : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
            if unit < 0x20 {
                switch unit {
                case 0x00: throw .unknownFormat
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B: break
                default: controls += 1
                }
            }
            at += 2
        }
        if controls >= 4 && controls * 50 > bytes.count / 2 { throw .unknownFormat }
    }

    static func utf16String(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units = [UInt16](repeating: 0, count: bytes.count / 2)
        var at = bytes.startIndex
        for i in units.indices {
            let first = UInt16(bytes[at]), second = UInt16(bytes[at + 1])
            units[i] = bigEndian ? first << 8 | second : second << 8 | first
            at += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if bytes.count % 2 == 1 { text.append("\u{FFFD}") }
        return text
    }

    /// UTF-8 with a few damaged bytes (a truncated last character, a bad copy)
    /// rather than another encoding: under 1 error per 100 multi-byte characters.
    private static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var multiByte = 0
        var errors = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { multiByte += 1 }
            case .error: errors += 1
            case .emptyInput: return errors * 100 < multiByte
            }
        }
    }

    /// "\r\n" and lone "\r" → "\n". Safe on UTF-8 and GB18030 bytes alike:
    /// neither uses 0x0D or 0x0A inside a multi-byte character.
    static func normalizeLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: bytes.count)
        var written = 0
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                var i = 0
                let count = input.count
                while i < count {
                    let byte = input[i]
                    if byte == 0x0D {
                        out[written] = 0x0A
                        if i + 1 < count, input[i + 1] == 0x0A { i += 1 }
                    } else {
                        out[written] = byte
                    }
                    written += 1
                    i += 1
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }

    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return String(decoding: normalizeLineEnds(Array(text.utf8)[...]), as: UTF8.self)
    }
}
