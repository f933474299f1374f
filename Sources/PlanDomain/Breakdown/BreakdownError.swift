import Foundation

/// Why a spreadsheet could not be read as a task breakdown table. The file
/// itself being unreadable is a `PlanTextError`; these are about its content.
public enum BreakdownError: Error, Equatable, Sendable {
    case noSheets
    case emptySheet(name: String)
    /// No row among the first ten names the task column and another column.
    case headerNotFound(sheet: String)
    /// A header row, but no task under it.
    case noRows(sheet: String)
    /// The same 序号 twice; `row` is the sheet's row number as Excel shows it.
    case duplicateNumber(String, row: Int)
}

extension BreakdownError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .noSheets:
            return "工作簿中没有工作表。请打开任务分解表所在的文件，确认其中有名为“任务分解表”的工作表后再导入。"
        case .emptySheet(let name):
            return "工作表“\(name)”是空的。请把任务分解表放在第一个工作表（或名为“任务分解表”的工作表）中再导入。"
        case .headerNotFound(let sheet):
            let expected = BreakdownColumn.allCases.map(\.title).joined(separator: "、")
            return "在工作表“\(sheet)”的前 10 行中没有找到表头。表头应包含“任务”（或“重点任务”“工作任务”）列，"
                + "以及\(expected)等列中的至少一列。请补上表头行后再导入。"
        case .noRows(let sheet):
            return "工作表“\(sheet)”有表头，但表头下面没有任务。请在表头下逐行填写任务后再导入。"
        case .duplicateNumber(let number, let row):
            return "序号“\(number)”重复出现（第 \(row) 行）。每个任务的序号应唯一，请修改后再导入。"
        }
    }
}
