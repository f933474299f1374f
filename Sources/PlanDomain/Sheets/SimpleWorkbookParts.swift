/// The package parts of a `SimpleWorkbook` other than the sheets: content
/// types, relationships and the workbook listing the sheets, and the styles.
enum SimpleWorkbookParts {
    private static let worksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

    static func contentTypes(sheetCount: Int) -> String {
        var overrides = ""
        for index in 1...max(1, sheetCount) {
            overrides += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="\#(worksheetType)"/>"#
        }
        return SpreadsheetXML.header
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + overrides
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + "</Types>"
    }

    /// Sheet n is relationship rIdn; the styles come after the sheets.
    static func workbookRelationships(sheetCount: Int) -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var out = SpreadsheetXML.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(1, sheetCount) {
            out += #"<Relationship Id="rId\#(index)" Type="\#(type)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        out += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(type)/styles" Target="styles.xml"/>"#
        return out + "</Relationships>"
    }

    /// `sheetNames` must already be valid and unique (`SheetNames.unique`).
    static func workbook(sheetNames: [String]) -> String {
        var sheets = ""
        for (index, name) in sheetNames.enumerated() {
            sheets += #"<sheet name="\#(SpreadsheetXML.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return SpreadsheetXML.header
            + #"<workbook xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"# + sheets + "</sheets></workbook>"
    }

    /// Cell formats (`SimpleStyle`): 0 plain, 1 the bold header on light blue,
    /// 2 text that wraps (for cells with line breaks).
    static let styles = SpreadsheetXML.header
        + #"<styleSheet xmlns="\#(SpreadsheetXML.mainNamespace)">"#
        + #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"</fonts><fills count="3"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>"#
        + #"</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">"#
        + #"<alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">"#
        + #"<alignment vertical="top" wrapText="1"/></xf>"#
        + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}

/// Indices into `SimpleWorkbookParts.styles`' cell formats.
enum SimpleStyle: Int {
    case plain = 0
    case header = 1
    case wrapped = 2
}
