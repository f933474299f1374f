import Foundation

/// Text decoded from a plan file, with what it was.
public struct DecodedDocument: Sendable, Equatable {
    public var text: String
    public var format: SourceFormat
    /// `utf-8`, `utf-16le`, `gb18030`, … for text; `docx` for Word documents.
    public var encoding: String

    public init(text: String, format: SourceFormat, encoding: String) {
        self.text = text
        self.format = format
        self.encoding = encoding
    }
}

/// Bounds on what one input may cost, so hostile files are refused early.
public struct InputLimits: Sendable, Equatable {
    /// Size of the file itself.
    public var maxInputBytes: Int
    /// All parts read from one .docx together, as declared and as inflated.
    public var maxUncompressedBytes: Int
    /// Entries in a .docx's zip directory.
    public var maxZipEntries: Int
    /// Text produced from one .docx (list labels and tables can multiply it).
    public var maxTextBytes: Int
    /// A part may unpack to at most this many times its compressed size
    /// (beyond `ratioFreeBytes`). Real .docx and .xlsx parts stay far below
    /// 100:1; a 61 KB .docx that unpacked to 60 MB (1,000:1, under the size
    /// cap) cost 12 s to refuse. The work is then linear in the upload.
    public var maxCompressionRatio: Int
    /// Parts up to this size are never refused for their ratio.
    public var ratioFreeBytes: Int

    public init(
        maxInputBytes: Int = 64 << 20, maxUncompressedBytes: Int = 64 << 20,
        maxZipEntries: Int = 10_000, maxTextBytes: Int = 64 << 20,
        maxCompressionRatio: Int = 200, ratioFreeBytes: Int = 1 << 20
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxZipEntries = maxZipEntries
        self.maxTextBytes = maxTextBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFreeBytes = ratioFreeBytes
    }

    public static let standard = InputLimits()
}

/// Bytes of a plan file → text. The format is detected from the bytes: plain
/// text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK) or .docx;
/// other recognised formats are refused with their name.
public enum DocumentDecoder {
    public static func decode(_ data: Data) throws(PlanTextError) -> DecodedDocument {
        try decode(data, limits: .standard)
    }

    public static func decode(_ data: Data, limits: InputLimits) throws(PlanTextError) -> DecodedDocument {
        guard data.count <= limits.maxInputBytes else { throw .inputTooLarge(limitBytes: limits.maxInputBytes) }
        let bytes = [UInt8](data)
        let document: DecodedDocument
        switch FormatSniffer.kind(of: bytes) {
        case .zip:
            let text = try DocxReader.text(bytes: bytes, limits: limits)
            document = DecodedDocument(text: String(decoding: text, as: UTF8.self), format: .docx, encoding: "docx")
        case .unsupported(let name):
            throw .unsupportedFormat(name: name)
        case .other:
            let (text, encoding) = try TextDecoding.decode(bytes)
            document = DecodedDocument(text: text, format: .text, encoding: encoding)
        }
        if isBlank(document.text) { throw .empty }
        return document
    }

    /// Only whitespace (including U+3000) and byte order marks; stops at the
    /// first visible character.
    private static func isBlank(_ text: String) -> Bool {
        !text.unicodeScalars.contains { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
    }
}
