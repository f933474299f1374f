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

public enum DocumentDecoder {
    public static func decode(_ data: Data) throws(PlanTextError) -> DecodedDocument {
        if data.isEmpty { throw .empty }
        guard let text = String(data: data, encoding: .utf8) else { throw .unknownFormat }
        return DecodedDocument(text: text, format: .text, encoding: "utf-8")
    }
}
