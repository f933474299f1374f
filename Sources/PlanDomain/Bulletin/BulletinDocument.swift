import Foundation
import ZIPFoundation

/// A bulletin as a Word document. Writing is deterministic (dates from the
/// bulletin, fixed entry times and part order): the same bulletin always
/// gives the same bytes.
public enum BulletinDocument {
    /// A Word document (Office Open XML, .docx) of the bulletin.
    public static func docx(_ bulletin: Bulletin) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", BulletinPackageParts.contentTypes),
            ("_rels/.rels", BulletinPackageParts.packageRelationships),
            ("word/document.xml", BulletinBody.document(bulletin)),
            ("word/_rels/document.xml.rels", BulletinPackageParts.documentRelationships),
            ("word/styles.xml", BulletinPackageParts.styles),
            ("word/settings.xml", BulletinPackageParts.settings),
            ("docProps/core.xml", BulletinPackageParts.core(bulletin)),
            ("docProps/app.xml", BulletinPackageParts.app(bulletin)),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: BreakdownWorkbook.entryDate, permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
