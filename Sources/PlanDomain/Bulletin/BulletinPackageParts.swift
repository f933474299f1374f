/// The parts of the bulletin's .docx other than the body: content types,
/// relationships, styles, settings and the document properties.
enum BulletinPackageParts {
    static let tableStyle = "BulletinTable"
    static let tableTextStyle = "TableText"
    static let header = SpreadsheetXML.header

    /// The chart's override only when the package has the chart part.
    static func contentTypes(chart: Bool) -> String {
        header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
            + (chart ? #"<Override PartName="/\#(BulletinChart.path)" ContentType="\#(BulletinChart.contentType)"/>"# : "")
            + "</Types>"
    }

    static let packageRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    /// Styles and settings, and the chart when the document has one.
    static func documentRelationships(chart: Bool) -> String {
        header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
            """
            + (chart ? #"<Relationship Id="\#(BulletinChart.relationshipID)" Type="\#(BulletinChart.relationshipType)" Target="\#(BulletinChart.target)"/>"# : "")
            + "</Relationships>"
    }

    /// Compatibility mode 15 keeps Word from opening the file in compatibility view.
    static let settings = header + #"<w:settings xmlns:w="\#(WordML.namespace)">"#
        + #"<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>"#
        + #"<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>"#
        + #"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#
        + "</w:compat></w:settings>"

    /// Body text in 仿宋 三号 (16pt) as official documents are set; the title in
    /// bold 宋体 二号 (22pt); 一、 headings in 黑体, （一） headings in bold 楷体;
    /// table text in 五号 (10.5pt).
    static let styles = header + #"<w:styles xmlns:w="\#(WordML.namespace)">"#
        + "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts(latin: "Times New Roman", eastAsia: "仿宋")
        + #"<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        + #"<w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#
        + #"<w:pPr><w:widowControl/><w:jc w:val="both"/></w:pPr></w:style>"#
        + paragraphStyle(id: "Title", name: "Title",
                         paragraph: #"<w:keepNext/><w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>"#,
                         run: fonts(latin: "SimSun", eastAsia: "宋体") + #"<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/>"#)
        + paragraphStyle(id: "Heading1", name: "heading 1",
                         paragraph: #"<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="0"/>"#,
                         run: fonts(latin: "SimHei", eastAsia: "黑体") + #"<w:sz w:val="32"/><w:szCs w:val="32"/>"#)
        + paragraphStyle(id: "Heading2", name: "heading 2",
                         paragraph: #"<w:keepNext/><w:spacing w:before="60" w:after="60"/><w:outlineLvl w:val="1"/>"#,
                         run: fonts(latin: "KaiTi", eastAsia: "楷体") + #"<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/>"#)
        + paragraphStyle(id: tableTextStyle, name: "Table Text",
                         paragraph: #"<w:spacing w:line="240" w:lineRule="auto"/>"#,
                         run: fonts(latin: "SimSun", eastAsia: "宋体") + #"<w:sz w:val="21"/><w:szCs w:val="21"/>"#)
        + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
        + #"<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>"#
        + #"<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>"#
        + #"<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        + #"<w:style w:type="table" w:styleId="\#(tableStyle)"><w:name w:val="Bulletin Table"/>"#
        + #"<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>"#
        + ["top", "left", "bottom", "right", "insideH", "insideV"]
        .map { #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"# }.joined()
        + "</w:tblBorders></w:tblPr></w:style></w:styles>"

    private static func fonts(latin: String, eastAsia: String) -> String {
        #"<w:rFonts w:ascii="\#(latin)" w:hAnsi="\#(latin)" w:eastAsia="\#(eastAsia)" w:cs="\#(latin)"/>"#
    }

    private static func paragraphStyle(id: String, name: String, paragraph: String, run: String) -> String {
        #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="Normal"/>"#
            + #"<w:next w:val="Normal"/><w:qFormat/><w:pPr>"# + paragraph + "</w:pPr><w:rPr>" + run
            + "</w:rPr></w:style>"
    }

    /// Title, subject, author and, when `issuedOn` is a date, created and
    /// modified at its midnight UTC; nothing from the clock, so the same
    /// bulletin always gives the same bytes.
    static func core(_ bulletin: Bulletin) -> String {
        let e = SpreadsheetXML.escape
        var out = header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
            + #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#
            + #" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>" + e(BulletinText.title(bulletin)) + "</dc:title>"
            + "<dc:subject>" + e(bulletin.kind.title + " " + bulletin.periodTitle) + "</dc:subject>"
            + "<dc:creator>" + e(bulletin.issuer) + "</dc:creator>"
            + "<cp:keywords>" + e(bulletin.kind.title) + "</cp:keywords>"
        if let date = BulletinText.isoDate(bulletin.issuedOn) {
            let stamp = BulletinText.iso(date) + "T00:00:00Z"
            out += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
                + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified>"#
        }
        return out + "</cp:coreProperties>"
    }

    static func app(_ bulletin: Bulletin) -> String {
        header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties""#
            + #" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>sciplan</Application><DocSecurity>0</DocSecurity>"
            + "<Company>" + SpreadsheetXML.escape(bulletin.issuer) + "</Company></Properties>"
    }
}
