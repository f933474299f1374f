/// An Excel workbook (.xlsx) read as plain cell text: what a reader sees in
/// each cell, without formatting, formulas or merged areas.
public struct Workbook: Sendable, Equatable {
    /// In the order of the workbook's tabs.
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }
}

public struct Sheet: Sendable, Equatable {
    public var name: String
    /// Rows from row 1 on, each from column A on; a cell that is not in the file
    /// is "". Empty cells at the end of a row and empty rows at the end of the
    /// sheet are left out.
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }
}

/// How much of a sheet is read before it is refused: a task breakdown table has
/// hundreds of rows and a dozen columns, so these bounds only stop junk and
/// bombs (a single cell at row 1,048,576 would otherwise make a million rows).
public struct SheetLimits: Sendable, Equatable {
    public var maxRows: Int
    public var maxColumns: Int
    /// Cells including the empty ones that fill gaps, over all sheets.
    public var maxCells: Int

    public init(maxRows: Int = 100_000, maxColumns: Int = 200, maxCells: Int = 4_000_000) {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCells = maxCells
    }

    public static let standard = SheetLimits()
}
