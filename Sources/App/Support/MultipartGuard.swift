import NIOCore
import Vapor

/// Checks a whole multipart body against the grammar of RFC 2046 §5.1.1 and
/// RFC 7578 before anything decodes it, and refuses what does not conform.
///
/// Why a strict validation of our own: MultipartKit 4.7 looks each byte of a
/// part's header name up in a 128-entry table, so one byte ≥ 0x80 there
/// traps and stops the whole process — before login, on every route that
/// reads a body. An earlier guard looked for the boundary anywhere in the
/// body and stopped at the first `--B--`, while MultipartKit honours a
/// boundary only after CRLF and keeps parsing, so `x--B--\r\n--B\r\n\u{FF}: …`
/// went through. Here a delimiter is recognised exactly where MultipartKit
/// recognises one (at the start, and after CRLF inside the body), every part
/// header name must be an RFC 7230 token, and anything after the closing
/// delimiter but a final CRLF is refused; what MultipartKit then sees is a
/// body it parses without reaching the table with a non-ASCII byte.
/// `MultipartGuardTests` feeds mutated bodies to this check and every body
/// it accepts to MultipartKit's parser.
enum MultipartGuard {
    static let refusal = AppError.badRequest("上传内容格式不正确（multipart 表单无法解析），请重新选择文件上传。")

    /// Largest header block of one part; a browser's is under 300 bytes.
    static let maxHeaderBytes = 8 * 1024

    /// Whether `boundary` is one RFC 2046 allows: 1–70 characters of
    /// `bchars`, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "'()+_,-./:=? ".utf8.contains(b)
        }
    }

    /// Whether `body` is a complete, well-formed multipart body for `boundary`.
    static func isWellFormed(_ body: ByteBuffer, boundary: String) -> Bool {
        guard isValidBoundary(boundary) else { return false }
        return body.withUnsafeReadableBytes { raw in
            isWellFormed(Array(raw.bindMemory(to: UInt8.self)), boundary: Array(boundary.utf8))
        }
    }

    static func isWellFormed(_ bytes: [UInt8], boundary: [UInt8]) -> Bool {
        let cr: UInt8 = 13, lf: UInt8 = 10, dash = UInt8(ascii: "-")
        let delimiter = [dash, dash] + boundary
        // The body opens with the first delimiter: no preamble.
        guard starts(bytes, with: delimiter, at: 0) else { return false }
        var at = delimiter.count
        var parts = 0
        while true {
            // After a delimiter: `--` closes the body (a form has one part
            // at least), CRLF opens a part.
            if starts(bytes, with: [dash, dash], at: at) {
                let rest = bytes.count - (at + 2)
                return parts > 0 && (rest == 0 || (rest == 2 && bytes[at + 2] == cr && bytes[at + 3] == lf))
            }
            guard starts(bytes, with: [cr, lf], at: at) else { return false }
            at += 2
            // Header lines up to the empty line.
            let headersStart = at
            var lines = 0
            while true {
                guard at - headersStart <= maxHeaderBytes else { return false }
                if starts(bytes, with: [cr, lf], at: at) { at += 2; break }
                // name: one or more token characters, then a colon.
                let nameStart = at
                while at < bytes.count, isTokenByte(bytes[at]) { at += 1 }
                guard at > nameStart, at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return false }
                at += 1
                // value: no control characters but tab, up to CRLF.
                while at < bytes.count, bytes[at] != cr {
                    let b = bytes[at]
                    guard b == 9 || b >= 0x20, b != 0x7F else { return false }
                    at += 1
                }
                guard starts(bytes, with: [cr, lf], at: at) else { return false }
                at += 2
                lines += 1
            }
            guard lines > 0 else { return false }
            // Content up to the next CRLF + delimiter.
            guard let next = find([cr, lf] + delimiter, in: bytes, from: at) else { return false }
            at = next + 2 + delimiter.count
            parts += 1
        }
    }

    /// RFC 7230 `tchar`.
    private static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(b)
    }

    private static func starts(_ bytes: [UInt8], with prefix: [UInt8], at index: Int) -> Bool {
        guard index >= 0, bytes.count - index >= prefix.count else { return false }
        for k in 0..<prefix.count where bytes[index + k] != prefix[k] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count - needle.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, starts(bytes, with: needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}
