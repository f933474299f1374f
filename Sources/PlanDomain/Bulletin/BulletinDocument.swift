import Foundation

/// A bulletin as a Word document. Writing is deterministic (dates from the
/// bulletin, fixed entry times and part order): the same bulletin always
/// gives the same bytes.
public enum BulletinDocument {
    /// A Word document (Office Open XML, .docx) of the bulletin.
    public static func docx(_ bulletin: Bulletin) throws -> Data {
        try OOXMLPackage([
            ("[Content_Types].xml", BulletinPackageParts.contentTypes),
            ("_rels/.rels", BulletinPackageParts.packageRelationships),
            ("word/document.xml", BulletinBody.document(bulletin)),
            ("word/_rels/document.xml.rels", BulletinPackageParts.documentRelationships),
            ("word/styles.xml", BulletinPackageParts.styles),
            ("word/settings.xml", BulletinPackageParts.settings),
            ("docProps/core.xml", BulletinPackageParts.core(bulletin)),
            ("docProps/app.xml", BulletinPackageParts.app(bulletin)),
        ]).data()
    }
}
