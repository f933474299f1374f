import Foundation
import ZIPFoundation

/// Builds .docx (and other zip) files in memory for the tests.
enum Fixture {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func zip(_ entries: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: compression
            ) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
        return archive.data ?? Data()
    }

    static func zip(_ entries: [(String, String)], compression: CompressionMethod = .deflate) throws -> Data {
        try zip(entries.map { ($0.0, Array($0.1.utf8)) }, compression: compression)
    }

    /// A minimal but complete package: content types, package relationships,
    /// the main document and, when given, numbering and styles parts.
    static func docx(
        body: String, numbering: String? = nil, styles: String? = nil, extra: [(String, String)] = []
    ) throws -> Data {
        var entries: [(String, String)] = [
            ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """),
            ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            officeDocument" Target="word/document.xml"/></Relationships>
            """),
            ("word/document.xml", document(body)),
        ]
        if let numbering {
            entries.append(("word/numbering.xml", part("numbering", numbering)))
        }
        if let styles {
            entries.append(("word/styles.xml", part("styles", styles)))
        }
        return try zip(entries + extra)
    }

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    static func part(_ root: String, _ content: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:\(root) xmlns:w="\(wordNamespace)" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\(content)</w:\(root)>
        """
    }

    /// `<w:p>` with one run, optional numbering and style.
    static func p(_ text: String, numId: Int? = nil, level: Int? = nil, style: String? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if numId != nil || level != nil {
            properties += "<w:numPr>"
            if let level { properties += "<w:ilvl w:val=\"\(level)\"/>" }
            if let numId { properties += "<w:numId w:val=\"\(numId)\"/>" }
            properties += "</w:numPr>"
        }
        let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func level(_ ilvl: Int, format: String, text: String, start: Int = 1, extra: String = "") -> String {
        """
        <w:lvl w:ilvl="\(ilvl)"><w:start w:val="\(start)"/><w:numFmt w:val="\(format)"/>\
        <w:lvlText w:val="\(text)"/>\(extra)<w:lvlJc w:val="left"/></w:lvl>
        """
    }

    /// The scheme of Chinese work plans: 一、 / （一） / 1. / （1）.
    static let planLevels = level(0, format: "chineseCounting", text: "%1、")
        + level(1, format: "chineseCounting", text: "（%2）")
        + level(2, format: "decimal", text: "%3.")
        + level(3, format: "decimal", text: "（%4）")

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid/>" + rows.map { row in
            "<w:tr>" + row.map { "<w:tc><w:tcPr/>\($0)</w:tc>" }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    /// Replaces every occurrence of `from` by `to` (same length) in `data`.
    static func patch(_ data: Data, _ from: [UInt8], _ to: [UInt8]) -> Data {
        var bytes = [UInt8](data)
        var at = 0
        while at + from.count <= bytes.count {
            if bytes[at..<(at + from.count)].elementsEqual(from) {
                bytes.replaceSubrange(at..<(at + from.count), with: to)
                at += from.count
            } else {
                at += 1
            }
        }
        return Data(bytes)
    }
}
