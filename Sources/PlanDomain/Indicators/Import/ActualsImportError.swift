import Foundation
import PlanText

/// Why a file could not be read as a sheet of actual values at all. Problems
/// with single rows are not errors: they come back in `ActualsImport.problems`.
public enum ActualsImportError: Error, Equatable, Sendable {
    /// Not an .xlsx, damaged, too large, a zip bomb, XML entities: PlanText's reader refused it.
    case unreadable(PlanTextError)
    /// No sheet has a header row among its first ten rows.
    case headerNotFound
    /// A header, but no figure under it.
    case noRows(sheet: String)
}

extension ActualsImportError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unreadable(.notWorkbook(let name)):
            return "这不是 Excel 工作簿（.xlsx），而是\(name)。请在 Excel 或 WPS 表格中打开实际值表，“另存为” .xlsx 后再导入。"
        case .unreadable(.sheetTooLarge(let rows, let columns)):
            return "工作表超过 \(rows) 行或 \(columns) 列的上限，已拒绝读取。请只保留实际值表的内容（删除多余的行、列或工作表）后再导入。"
        case .unreadable(let error):
            return error.errorDescription
        case .headerNotFound:
            return "在工作簿各工作表的前 \(SheetHeader.searchRows) 行中没有找到表头。表头应包含\(ActualsColumn.required)等列"
                + "（可下载模板对照）。请补上表头行后再导入。"
        case .noRows(let sheet):
            return "工作表“\(sheet)”有表头，但表头下面没有数据。请在表头下逐行填写后再导入。"
        }
    }
}
