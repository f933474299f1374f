/// What a sheet of actual values gave: the figures of its good rows and the
/// problems of the others. The caller refuses the whole file when there is any
/// problem, so a statistics office fixes its sheet once instead of finding
/// half of it imported.
public struct ActualsImport: Sendable, Equatable {
    /// The sheet the figures were read from.
    public var sheet: String
    /// The rows without a problem, in sheet order.
    public var actuals: [ImportedActual]
    /// At most `ActualsWorkbook.maxProblems`, in sheet order.
    public var problems: [ImportProblem]
    /// Problems found beyond those listed (a sheet with a wrong column can have thousands).
    public var unlistedProblems: Int

    public init(sheet: String, actuals: [ImportedActual], problems: [ImportProblem], unlistedProblems: Int = 0) {
        self.sheet = sheet
        self.actuals = actuals
        self.problems = problems
        self.unlistedProblems = unlistedProblems
    }

    public var hasProblems: Bool { !problems.isEmpty || unlistedProblems > 0 }
}

/// One figure from the sheet: an indicator's value at a place at the end of a month.
public struct ImportedActual: Sendable, Equatable {
    /// The sheet row, as Excel numbers it.
    public var row: Int
    /// GB/T 2260 code of the place.
    public var jurisdiction: String
    /// The indicator's code.
    public var indicator: String
    public var year: Int
    /// 1…12; 12 (the year end) when the sheet leaves 月份 empty, as base data does.
    public var month: Int
    /// For a flow the year to date, for a stock its level at the month end, as typed.
    public var value: Double
    public var note: String

    public init(row: Int, jurisdiction: String, indicator: String, year: Int, month: Int, value: Double,
                note: String = "") {
        self.row = row
        self.jurisdiction = jurisdiction
        self.indicator = indicator
        self.year = year
        self.month = month
        self.value = value
        self.note = note
    }
}

/// Something wrong with one row of the sheet; a row can have several.
public struct ImportProblem: Sendable, Equatable {
    /// The sheet row, as Excel numbers it.
    public var row: Int
    /// What is wrong and what to do, in Chinese, without the row (未知地区「荆州」).
    public var reason: String

    public init(row: Int, reason: String) {
        self.row = row
        self.reason = reason
    }

    /// The reason with its row: 第 5 行：月份应为 1–12。
    public var message: String { "第 \(row) 行：\(reason)" }
}
