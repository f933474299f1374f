import Foundation
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx): its XML parts, zipped in the
/// order given, deflated, every entry dated 1980-01-01 (the first DOS date),
/// so the same parts always give the same bytes. The one zip writer of the
/// workbooks (`BreakdownWorkbook`, `SimpleWorkbook`) and the bulletin
/// (`BulletinDocument`); each of them says only which parts it has.
public struct OOXMLPackage: Sendable {
    public struct Part: Sendable {
        /// The part name inside the package, without a leading slash (`xl/workbook.xml`).
        public var path: String
        public var xml: String

        public init(_ path: String, _ xml: String) {
            self.path = path
            self.xml = xml
        }
    }

    /// Every entry's modification time.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }

    /// Parts as (path, xml) pairs, in order.
    public init(_ parts: [(String, String)]) {
        self.parts = parts.map { Part($0.0, $0.1) }
    }

    /// The package as bytes. `[Content_Types].xml` must be among the parts;
    /// a package without it is not one Office opens.
    public func data() throws -> Data {
        precondition(parts.contains { $0.path == "[Content_Types].xml" }, "an OOXML package needs [Content_Types].xml")
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.entryDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
