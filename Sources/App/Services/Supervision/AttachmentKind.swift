import Foundation

/// The files a report may carry, recognised from their bytes (the name and the
/// browser's content type are not trusted): PDF, PNG, JPEG, Office Open XML
/// (.docx/.xlsx) and plain UTF-8 text.
enum AttachmentKind: String {
    case pdf, png, jpeg, docx, xlsx, text

    static let limit = 10 * 1_048_576

    var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .text: return "text/plain; charset=utf-8"
        }
    }

    static func detect(_ bytes: Data, filename: String) -> AttachmentKind? {
        let head = [UInt8](bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // An Office file names its main part near the start of the archive.
            let window = bytes.prefix(64 * 1024)
            if window.range(of: Data("word/".utf8)) != nil { return .docx }
            if window.range(of: Data("xl/".utf8)) != nil { return .xlsx }
            return nil
        }
        if !bytes.contains(0), String(data: bytes, encoding: .utf8) != nil, filename.lowercased().hasSuffix(".txt") { return .text }
        return nil
    }
}
