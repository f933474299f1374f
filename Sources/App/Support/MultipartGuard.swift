import NIOCore
import Vapor

/// Checks a multipart body before anything decodes it. MultipartKit 4.7
/// looks each byte of a part's header name up in a 128-entry table, so one
/// byte ≥ 0x80 there (`--B\r\n\u{FF}: x\r\n…`) indexes out of range and stops
/// the whole process; `scripts/api-fuzz.sh` found it on every route that
/// reads a body, the login included. Header names are ASCII tokens (RFC 7578),
/// so such a body is refused as malformed.
enum MultipartGuard {
    static let refusal = AppError.badRequest("上传内容格式不正确（multipart 表单无法解析），请重新选择文件上传。")

    /// Whether every part header line of `body`, up to its colon, is ASCII.
    static func headerNamesAreASCII(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = body.readableBytesView
        let delimiter = Array(("--" + boundary).utf8)
        var index = bytes.startIndex
        while let found = find(delimiter, in: bytes, from: index) {
            var at = found + delimiter.count
            // The closing delimiter ends the body.
            if at + 1 < bytes.endIndex, bytes[at] == UInt8(ascii: "-"), bytes[at + 1] == UInt8(ascii: "-") { return true }
            // Skip the rest of the delimiter line, then read header lines to the blank one.
            guard let lineEnd = find([13, 10], in: bytes, from: at) else { return true }
            at = lineEnd + 2
            while at < bytes.endIndex {
                let end = find([13, 10], in: bytes, from: at) ?? bytes.endIndex
                if end == at { at += 2; break }
                var position = at
                while position < end, bytes[position] != UInt8(ascii: ":") {
                    if bytes[position] >= 0x80 { return false }
                    position += 1
                }
                at = end + 2
            }
            index = at
        }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: ByteBufferView, from start: Int) -> Int? {
        guard !needle.isEmpty, start < bytes.endIndex else { return nil }
        var i = start
        let last = bytes.endIndex - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var matched = true
                for k in 1..<needle.count where bytes[i + k] != needle[k] { matched = false; break }
                if matched { return i }
            }
            i += 1
        }
        return nil
    }
}
