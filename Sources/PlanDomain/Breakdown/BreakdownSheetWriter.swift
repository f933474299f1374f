/// The two worksheet parts of the breakdown workbook.
enum BreakdownSheetWriter {
    /// Widths in characters of 序号 … 完成时限: the task and target columns get
    /// the room, units enough for two or three names a line.
    static let widths: [Double] = [12, 48, 18, 24, 20, 12, 40, 16]

    static func tableSheet(_ table: BreakdownTable) -> String {
        let columns = BreakdownColumn.allCases
        let lastColumn = SpreadsheetXML.column(columns.count - 1)
        let lastRow = max(2, table.rows.count + 2)
        let title = table.title.isEmpty ? BreakdownWorkbook.tableSheetName
            : table.title + " " + BreakdownWorkbook.tableSheetName
        var rows = [
            SpreadsheetXML.row(1, cells: [SpreadsheetXML.cell(title, column: 0, row: 1, style: .title)], height: 36),
            SpreadsheetXML.row(2, cells: columns.map {
                SpreadsheetXML.cell($0.title, column: $0.rawValue, row: 2, style: .header)
            }),
        ]
        for (i, row) in table.rows.enumerated() {
            let number = i + 3
            let style: CellStyle = row.isTask ? .data : .group
            rows.append(SpreadsheetXML.row(number, cells: columns.map {
                SpreadsheetXML.cell(text(of: row, $0), column: $0.rawValue, row: number, style: style)
            }))
        }
        return SpreadsheetXML.header
            + #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            + #"<dimension ref="A1:\#(lastColumn)\#(lastRow)"/>"#
            + #"<sheetViews><sheetView tabSelected="1" workbookViewId="0">"#
            + #"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
            + SpreadsheetXML.columns(widths)
            + "<sheetData>" + rows.joined() + "</sheetData>"
            + #"<autoFilter ref="A2:\#(lastColumn)\#(lastRow)"/>"#
            + #"<mergeCells count="1"><mergeCell ref="A1:\#(lastColumn)1"/></mergeCells>"#
            + #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="landscape"/>"#
            + "</worksheet>"
    }

    static func text(of row: BreakdownRow, _ column: BreakdownColumn) -> String {
        switch column {
        case .number: row.number
        case .task: row.task
        case .leadUnits: row.leadUnits.joined(separator: "、")
        case .responsibleUnits: row.responsibleUnits.joined(separator: "、")
        case .cooperatingUnits: row.cooperatingUnits.joined(separator: "、")
        case .leaders: row.leaders.joined(separator: "、")
        case .targets: row.targets.joined(separator: "\n")
        case .deadline: row.deadline ?? ""
        }
    }

    /// The labels of the 计划信息 sheet, in order.
    static let planFields = ["标题", "发文单位", "行政区划", "年度", "文号", "发文日期"]

    static func planSheet(_ table: BreakdownTable) -> String {
        let values = [
            table.title, table.issuers.joined(separator: "、"), table.jurisdiction ?? "",
            table.year.map(String.init) ?? "", table.docNumber ?? "", table.issuedDate ?? "",
        ]
        var rows = [SpreadsheetXML.row(1, cells: [
            SpreadsheetXML.cell("项目", column: 0, row: 1, style: .header),
            SpreadsheetXML.cell("内容", column: 1, row: 1, style: .header),
        ])]
        for (i, (label, value)) in zip(planFields, values).enumerated() {
            rows.append(SpreadsheetXML.row(i + 2, cells: [
                SpreadsheetXML.cell(label, column: 0, row: i + 2, style: .group),
                SpreadsheetXML.cell(value, column: 1, row: i + 2, style: .data),
            ]))
        }
        return SpreadsheetXML.header
            + #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            + #"<dimension ref="A1:B\#(planFields.count + 1)"/>"#
            + #"<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
            + SpreadsheetXML.columns([12, 60])
            + "<sheetData>" + rows.joined() + "</sheetData>"
            + #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + "</worksheet>"
    }
}
