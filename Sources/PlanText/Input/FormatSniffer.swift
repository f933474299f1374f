/// Recognises file formats by their leading bytes, never by file name.
enum FormatSniffer {
    enum Kind: Equatable {
        case zip
        /// A known format we do not read, with its Chinese name.
        case unsupported(String)
        /// Possibly text.
        case other
    }

    static func kind(of bytes: [UInt8]) -> Kind {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        func ascii(_ text: String) -> Bool { bytes.starts(with: Array(text.utf8)) }

        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .unsupported(compoundFileName(bytes)) }
        if ascii("%PDF") { return .unsupported("PDF 文档") }
        if ascii("{\\rtf") { return .unsupported("RTF 文档") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .unsupported("图片（PNG）") }
        if starts([0xFF, 0xD8, 0xFF]) { return .unsupported("图片（JPEG）") }
        if ascii("GIF87a") || ascii("GIF89a") { return .unsupported("图片（GIF）") }
        if ascii("II*\0") || ascii("MM\0*") { return .unsupported("图片（TIFF）") }
        if ascii("RIFF"), bytes.count >= 12, bytes[8..<12].elementsEqual("WEBP".utf8) {
            return .unsupported("图片（WebP）")
        }
        if isBMP(bytes) { return .unsupported("图片（BMP）") }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .unsupported("7z 压缩包") }
        if ascii("Rar!\u{1A}\u{07}") { return .unsupported("RAR 压缩包") }
        if starts([0x1F, 0x8B]) { return .unsupported("gzip 压缩包") }
        return .other
    }

    /// "BM", zero reserved fields and a known DIB header size: a text that
    /// merely starts with "BM" does not pass.
    private static func isBMP(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 18, bytes[0] == 0x42, bytes[1] == 0x4D,
              bytes[6..<10].allSatisfy({ $0 == 0 }) else { return false }
        return [12, 40, 52, 56, 64, 108, 124].contains(Int(bytes.u32(14)))
    }

    /// OLE2 compound files hold Word 97-2003, WPS, old Excel/PowerPoint files and
    /// password-protected Office documents; the stream names tell them apart.
    private static func compoundFileName(_ bytes: [UInt8]) -> String {
        if contains(bytes, utf16: "WordDocument") { return "Word 97-2003 文档（.doc）或 WPS 文档（.wps）" }
        if contains(bytes, utf16: "EncryptedPackage") { return "设有打开密码的加密 Office 文档（请先取消密码）" }
        if contains(bytes, utf16: "Workbook") { return "Excel 97-2003 表格（.xls）" }
        if contains(bytes, utf16: "PowerPoint Document") { return "PowerPoint 97-2003 演示文稿（.ppt）" }
        return "Word 97-2003 文档（.doc）或 WPS 文档（.wps）"
    }

    /// Whether the UTF-16LE form of `name` occurs in `bytes`.
    private static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 { pattern += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var at = 0
            let last = buffer.count - pattern.count
            while at <= last {
                if buffer[at] == first {
                    var i = 1
                    while i < pattern.count, buffer[at + i] == pattern[i] { i += 1 }
                    if i == pattern.count { return true }
                }
                at += 1
            }
            return false
        }
    }
}
