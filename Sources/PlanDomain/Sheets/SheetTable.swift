/// One cell of an exported table.
public enum SheetCell: Sendable, Equatable {
    case text(String)
    /// Written as a number so Excel can sum and sort it; NaN and infinities are left empty.
    case number(Double)
    case empty
}

/// One worksheet of an export: a header row and rows under it.
public struct SheetTable: Sendable {
    /// The tab name; made valid for Excel when written (see `SimpleWorkbook`).
    public var name: String
    public var header: [String]
    public var rows: [[SheetCell]]
    /// Widths in characters, first column first; nil (or a missing entry) sizes
    /// the column to its longest text, counting a Chinese character as two.
    public var columnWidths: [Double]?

    public init(name: String, header: [String], rows: [[SheetCell]], columnWidths: [Double]? = nil) {
        self.name = name
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }
}
