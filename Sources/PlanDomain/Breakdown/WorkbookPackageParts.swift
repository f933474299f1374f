/// The fixed parts of the workbook `BreakdownWorkbook` writes: content types,
/// relationships, the workbook with its two sheets, and the styles.
enum WorkbookPackageParts {
    static let contentTypes = SpreadsheetXML.header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = SpreadsheetXML.header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = SpreadsheetXML.header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// The workbook with the two sheets; the hidden `_xlnm._FilterDatabase`
    /// name is how Excel itself records the range of an autoFilter.
    static func workbook(filterRange: String) -> String {
        let sheet = SpreadsheetXML.escape(BreakdownWorkbook.tableSheetName)
        return SpreadsheetXML.header
            + #"<workbook xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
            + #"<sheet name="\#(sheet)" sheetId="1" r:id="rId1"/>"#
            + #"<sheet name="\#(SpreadsheetXML.escape(BreakdownWorkbook.planSheetName))" sheetId="2" r:id="rId2"/>"#
            + #"</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">"#
            + "'\(sheet)'!\(filterRange)</definedName></definedNames></workbook>"
    }

    /// Fonts: 0 body, 1 bold, 2 bold title. Fills: 2 the header's light blue.
    /// Cell formats follow `CellStyle`; data and group cells wrap and sit at the top.
    static let styles = SpreadsheetXML.header
        + #"<styleSheet xmlns="\#(SpreadsheetXML.mainNamespace)">"#
        + #"<fonts count="3">"#
        + #"<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"</fonts><fills count="3"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>"#
        + #"</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        + #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
        + #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#
        + #"</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#
        + #"<alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">"#
        + #"<alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">"#
        + #"<alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1">"#
        + #"<alignment vertical="top" wrapText="1"/></xf>"#
        + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
