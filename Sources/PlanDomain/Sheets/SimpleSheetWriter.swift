/// One `SheetTable` as a worksheet part.
enum SimpleSheetWriter {
    static func sheet(_ table: SheetTable, selected: Bool) -> String {
        let hasHeader = !table.header.isEmpty
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        var rows: [String] = []
        if hasHeader {
            rows.append(SpreadsheetXML.row(1, cells: table.header.enumerated().map { column, title in
                cell(.text(title), column: column, row: 1, style: .header)
            }))
        }
        let firstDataRow = hasHeader ? 2 : 1
        for (index, values) in table.rows.enumerated() {
            let number = firstDataRow + index
            rows.append(SpreadsheetXML.row(number, cells: values.enumerated().map { column, value in
                cell(value, column: column, row: number, style: nil)
            }))
        }
        let lastRow = max(1, firstDataRow + table.rows.count - 1)
        let dimension = columnCount == 0 ? "A1" : "A1:\(SpreadsheetXML.column(columnCount - 1))\(lastRow)"
        let tab = selected ? #" tabSelected="1""# : ""
        let view = hasHeader
            ? #"<sheetView\#(tab) workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>"#
            : #"<sheetView\#(tab) workbookViewId="0"/>"#
        let widths = self.widths(table, columnCount: columnCount)
        return SpreadsheetXML.header
            + #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            + #"<dimension ref="\#(dimension)"/>"#
            + "<sheetViews>" + view + "</sheetViews>"
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
            + (widths.isEmpty ? "" : SpreadsheetXML.columns(widths))
            + "<sheetData>" + rows.joined() + "</sheetData>"
            + #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + "</worksheet>"
    }

    /// An inline-string or number cell; nothing for an empty cell, empty text or
    /// a number Excel cannot store (NaN, infinities).
    static func cell(_ value: SheetCell, column: Int, row: Int, style: SimpleStyle?) -> String {
        let ref = SpreadsheetXML.reference(column: column, row: row)
        switch value {
        case .empty:
            return ""
        case .number(let number):
            guard number.isFinite else { return "" }
            let s = style.map { #" s="\#($0.rawValue)""# } ?? ""
            return #"<c r="\#(ref)"\#(s)><v>\#(numberText(number))</v></c>"#
        case .text(let text):
            guard !text.isEmpty else { return "" }
            let chosen = style ?? (text.contains("\n") ? .wrapped : .plain)
            let s = chosen == .plain ? "" : #" s="\#(chosen.rawValue)""#
            return #"<c r="\#(ref)"\#(s) t="inlineStr"><is><t xml:space="preserve">"#
                + SpreadsheetXML.escape(text) + "</t></is></c>"
        }
    }

    /// Whole numbers without ".0"; others in Swift's shortest round-trip form,
    /// which is also a valid xsd:double (1e-05, 121.66666666666667).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Given widths, else each column sized to its longest line (a wide
    /// character counts two), between 8 and 60 characters.
    static func widths(_ table: SheetTable, columnCount: Int) -> [Double] {
        (0..<columnCount).map { column in
            if let given = table.columnWidths, column < given.count, given[column].isFinite, given[column] > 0 {
                return min(255, given[column])
            }
            var longest = column < table.header.count ? displayWidth(table.header[column]) : 0
            for row in table.rows where column < row.count {
                switch row[column] {
                case .text(let text): longest = max(longest, displayWidth(text))
                case .number(let number): longest = max(longest, numberText(number).count)
                case .empty: break
                }
            }
            return Double(min(60, max(8, longest + 2)))
        }
    }

    private static func displayWidth(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        }.max() ?? 0
    }
}
