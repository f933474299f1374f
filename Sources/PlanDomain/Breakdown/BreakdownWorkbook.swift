import Foundation
import PlanText

/// The task breakdown table as an Excel workbook: sheet 任务分解表 with the
/// rows, sheet 计划信息 with the plan's fields. Writing is deterministic (fixed
/// dates, fixed part order), so the same table always gives the same bytes.
public enum BreakdownWorkbook {
    public static let tableSheetName = "任务分解表"
    public static let planSheetName = "计划信息"

    public static func xlsx(_ table: BreakdownTable) throws -> Data {
        let lastRow = max(2, table.rows.count + 2)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", WorkbookPackageParts.contentTypes),
            ("_rels/.rels", WorkbookPackageParts.packageRelationships),
            ("xl/workbook.xml", WorkbookPackageParts.workbook(filterRange: "$A$2:$H$\(lastRow)")),
            ("xl/_rels/workbook.xml.rels", WorkbookPackageParts.workbookRelationships),
            ("xl/styles.xml", WorkbookPackageParts.styles),
            ("xl/worksheets/sheet1.xml", BreakdownSheetWriter.tableSheet(table)),
            ("xl/worksheets/sheet2.xml", BreakdownSheetWriter.planSheet(table)),
        ]
        return try OOXMLPackage(parts).data()
    }

    /// A task breakdown table read from a workbook: ours, or one an office made
    /// (header anywhere in the first ten rows, columns in any order, header
    /// names as offices write them, extra columns ignored).
    public static func read(_ data: Data) throws -> BreakdownTable {
        let workbook = try WorkbookReader.read(data)
        guard let sheet = workbook.sheet(named: tableSheetName) ?? workbook.sheets.first else {
            throw BreakdownError.noSheets
        }
        var table = try BreakdownSheetReader.table(sheet)
        if let info = workbook.sheet(named: planSheetName) { BreakdownSheetReader.readPlanFields(info, into: &table) }
        return table
    }
}
