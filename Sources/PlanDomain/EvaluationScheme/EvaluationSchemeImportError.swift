import Foundation
import PlanText

/// Why a spreadsheet did not give a scheme. Nothing is imported when any row
/// is bad, so an office fixes its sheet once instead of finding half a
/// scheme scored.
public enum EvaluationSchemeImportError: Error, Equatable, Sendable {
    /// Not an .xlsx, damaged, too large, a zip bomb, XML entities: PlanText's reader refused it.
    case unreadable(PlanTextError)
    /// No sheet has a header (考评项目, 分值, 计分方法) among its first ten rows.
    case headerNotFound
    /// A header, but no item under it.
    case noRows(sheet: String)
    /// Every bad row with its reasons, in sheet order (at most
    /// `EvaluationSchemeWorkbook.maxProblems`; `unlisted` counts the rest).
    case badRows([ImportProblem], unlisted: Int)
}

extension EvaluationSchemeImportError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unreadable(.notWorkbook(let name)):
            return "这不是 Excel 工作簿（.xlsx），而是\(name)。请在 Excel 或 WPS 表格中打开考评方案，“另存为” .xlsx 后再导入。"
        case .unreadable(let error):
            return error.errorDescription
        case .headerNotFound:
            return "在工作簿各工作表的前 \(SheetHeader.searchRows) 行中没有找到表头。表头应包含\(SchemeColumn.required)等列"
                + "（可先导出一份考评方案对照）。请补上表头行后再导入。"
        case .noRows(let sheet):
            return "工作表“\(sheet)”有表头，但表头下面没有考评项目。请在表头下逐行填写后再导入。"
        case .badRows(let problems, let unlisted):
            let more = unlisted > 0 ? "\n另有 \(unlisted) 处问题未列出。" : ""
            return "考评方案有 \(problems.count + unlisted) 处问题，整个方案未导入。请改正后重新导入：\n"
                + problems.map(\.message).joined(separator: "\n") + more
        }
    }
}
