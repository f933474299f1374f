import PlanText

/// A sheet of cell text read as a task breakdown table: find the header, map
/// its columns, read one row per task, rebuild the outline from the 序号.
enum BreakdownSheetReader {
    static func table(_ sheet: Sheet) throws -> BreakdownTable {
        guard sheet.rows.contains(where: { $0.contains { !CellText.line($0).isEmpty } }) else {
            throw BreakdownError.emptySheet(name: sheet.name)
        }
        guard let (headerRow, columns) = header(sheet) else { throw BreakdownError.headerNotFound(sheet: sheet.name) }
        func cell(_ row: [String], _ column: BreakdownColumn) -> String {
            guard let index = columns[column], index < row.count else { return "" }
            return row[index]
        }
        var rows: [BreakdownRow] = []
        var sheetRows: [Int] = []
        for (index, cells) in sheet.rows.enumerated().dropFirst(headerRow + 1) {
            let row = BreakdownRow(
                number: OutlinePaths.label(cell(cells, .number)), task: CellText.line(cell(cells, .task)),
                leadUnits: CellText.split(cell(cells, .leadUnits)),
                responsibleUnits: CellText.split(cell(cells, .responsibleUnits)),
                cooperatingUnits: CellText.split(cell(cells, .cooperatingUnits)),
                leaders: CellText.split(cell(cells, .leaders)), targets: CellText.lines(cell(cells, .targets)),
                deadline: CellText.optional(cell(cells, .deadline)))
            guard !row.task.isEmpty || !row.number.isEmpty else { continue }
            rows.append(row)
            sheetRows.append(index + 1)
        }
        guard !rows.isEmpty else { throw BreakdownError.noRows(sheet: sheet.name) }
        try OutlinePaths.assign(&rows, sheetRows: sheetRows)
        return BreakdownTable(title: title(sheet, above: headerRow), rows: rows)
    }

    /// The first row among the first ten that names the task column and at
    /// least one other, with each column's index (the first of two alike).
    static func header(_ sheet: Sheet) -> (Int, [BreakdownColumn: Int])? {
        SheetHeader.find(in: sheet, column: BreakdownColumn.named) { $0[.task] != nil && $0.count >= 2 }
    }

    /// The title line above the header, without the words 任务分解表 that the
    /// sheet adds to the plan's title.
    static func title(_ sheet: Sheet, above headerRow: Int) -> String {
        for cells in sheet.rows.prefix(headerRow) {
            guard let text = cells.lazy.map(CellText.line).first(where: { !$0.isEmpty }) else { continue }
            var title = text
            for suffix in ["任务分解表", "任务分解"] where title.hasSuffix(suffix) {
                title = CellText.line(String(title.dropLast(suffix.count)))
                break
            }
            return title
        }
        return ""
    }

    /// The 计划信息 sheet: label in the first column, value in the second.
    static func readPlanFields(_ sheet: Sheet, into table: inout BreakdownTable) {
        for cells in sheet.rows where cells.count >= 2 {
            let value = CellText.line(cells[1])
            switch SheetHeader.normalized(cells[0]) {
            case "标题": table.title = value
            case "发文单位": table.issuers = CellText.split(cells[1])
            case "行政区划": table.jurisdiction = value.isEmpty ? nil : value
            case "年度": table.year = Int(value.prefix { $0.isASCII && $0.isNumber })
            case "文号": table.docNumber = value.isEmpty ? nil : value
            case "发文日期": table.issuedDate = value.isEmpty ? nil : value
            default: break
            }
        }
    }
}
