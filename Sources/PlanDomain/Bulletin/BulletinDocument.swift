import Foundation

/// A bulletin as a Word document. Writing is deterministic (dates from the
/// bulletin, fixed entry times and part order): the same bulletin always
/// gives the same bytes.
public enum BulletinDocument {
    /// A Word document (Office Open XML, .docx) of the bulletin, with its
    /// chart as `word/charts/chart1.xml` when it has one to draw.
    public static func docx(_ bulletin: Bulletin) throws -> Data {
        let chart = BulletinChart.drawn(bulletin)
        var parts = [
            ("[Content_Types].xml", BulletinPackageParts.contentTypes(chart: chart != nil)),
            ("_rels/.rels", BulletinPackageParts.packageRelationships),
            ("word/document.xml", BulletinBody.document(bulletin)),
            ("word/_rels/document.xml.rels", BulletinPackageParts.documentRelationships(chart: chart != nil)),
            ("word/styles.xml", BulletinPackageParts.styles),
            ("word/settings.xml", BulletinPackageParts.settings),
        ]
        if let chart { parts.append((BulletinChart.path, BulletinChart.xml(chart))) }
        parts += [
            ("docProps/core.xml", BulletinPackageParts.core(bulletin)),
            ("docProps/app.xml", BulletinPackageParts.app(bulletin)),
        ]
        return try OOXMLPackage(parts).data()
    }
}
