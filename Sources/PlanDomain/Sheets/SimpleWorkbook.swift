import Foundation

/// Plain tables as an .xlsx workbook, for the exports (assessment ranking,
/// jurisdiction comparison, roll-up): one sheet per table, header row bold and
/// frozen so it stays in view while scrolling, numbers as numbers.
///
/// Text is written as inline strings, escaped, with the control characters XML
/// forbids dropped. Sheet names are made acceptable to Excel, which refuses
/// the whole file otherwise: at most 31 characters, none of []:*?/\ (replaced
/// by _), not empty, unique ignoring case. The bytes are deterministic (fixed
/// entry dates and part order), like `BreakdownWorkbook`'s.
public enum SimpleWorkbook {
    public static func xlsx(_ sheets: [SheetTable]) throws -> Data {
        // A workbook without a sheet is not a valid file; write one empty sheet.
        let tables = sheets.isEmpty ? [SheetTable(name: "", header: [], rows: [])] : sheets
        let names = SheetNames.unique(tables.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", SimpleWorkbookParts.contentTypes(sheetCount: tables.count)),
            ("_rels/.rels", WorkbookPackageParts.packageRelationships),
            ("xl/workbook.xml", SimpleWorkbookParts.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", SimpleWorkbookParts.workbookRelationships(sheetCount: tables.count)),
            ("xl/styles.xml", SimpleWorkbookParts.styles),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", SimpleSheetWriter.sheet(table, selected: index == 0)))
        }
        return try OOXMLPackage(parts).data()
    }
}
