import Foundation

/// Why a file could not be read as a plan. Messages are in Chinese because the
/// plan office reads them, and each says what to do next.
public enum PlanTextError: Error, Equatable, Sendable {
    /// Recognised, but not a format we read: .doc, .wps, .pdf, images, spreadsheets …
    case unsupportedFormat(name: String)
    case empty
    /// Bytes that are neither text in a known encoding nor a known document.
    case unknownFormat
    case corruptDocx(reason: String)
    /// A .docx whose parts would expand past the limit (zip bomb or a huge file).
    case docxTooLarge(limitBytes: Int)
    /// A part of a .docx or .xlsx unpacks to far more than its compressed size.
    case compressionRatioRefused(maxRatio: Int)
    /// DOCTYPE/ENTITY declarations: never in a real .docx, the route of entity tricks.
    case xmlEntityRefused
    case inputTooLarge(limitBytes: Int)
    /// A zip that is not an Excel workbook, given where a workbook was expected.
    case notWorkbook(name: String)
    case corruptWorkbook(reason: String)
    /// A workbook whose parts would expand past the limit (zip bomb or a huge file).
    case workbookTooLarge(limitBytes: Int)
    /// A sheet with more rows or columns than a task breakdown table can have.
    case sheetTooLarge(maxRows: Int, maxColumns: Int)
}

extension PlanTextError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unsupportedFormat(let name):
            return "不支持的文件格式：\(name)。请在 Word 或 WPS 中“另存为” .docx 文档或纯文本（.txt）后再导入。"
        case .empty:
            return "文件是空的：没有可读取的内容。"
        case .unknownFormat:
            return "无法识别的文件：既不是文本文件，也不是 .docx 文档。请另存为 .docx 或纯文本（UTF-8 或 GB18030 编码）后再导入。"
        case .corruptDocx(let reason):
            return "文件已损坏，无法作为 .docx 读取（\(reason)）。请在 Word 或 WPS 中打开并重新保存为 .docx 后再导入。"
        case .docxTooLarge(let limit):
            return "文档解压后超过 \(limit / 1_048_576) MB 的上限，已拒绝读取（可能是压缩炸弹或异常文件）。请检查文件，或另存为纯文本后再导入。"
        case .compressionRatioRefused(let ratio):
            return "文件中有部分解压后超过压缩前的 \(ratio) 倍，已拒绝读取（可能是压缩炸弹或异常文件）。请检查文件，或另存为纯文本后再导入。"
        case .xmlEntityRefused:
            return "文档中含有 XML 实体声明（DOCTYPE/ENTITY），正常的 Word 文档不会有，已拒绝读取。请在 Word 中重新保存后再导入。"
        case .inputTooLarge(let limit):
            return "文件超过 \(limit / 1_048_576) MB 的上限，已拒绝读取。"
        case .notWorkbook(let name):
            return "这不是 Excel 工作簿（.xlsx），而是\(name)。请在 Excel 或 WPS 表格中打开任务分解表，“另存为” .xlsx 后再导入。"
        case .corruptWorkbook(let reason):
            return "文件已损坏，无法作为 .xlsx 工作簿读取（\(reason)）。请在 Excel 或 WPS 表格中打开并重新保存为 .xlsx 后再导入。"
        case .workbookTooLarge(let limit):
            return "工作簿解压后超过 \(limit / 1_048_576) MB 的上限，已拒绝读取（可能是压缩炸弹或异常文件）。请删除无关的工作表或内容后重新保存再导入。"
        case .sheetTooLarge(let rows, let columns):
            return "工作表超过 \(rows) 行或 \(columns) 列的上限，已拒绝读取。请只保留任务分解表的内容（删除多余的行、列或工作表）后再导入。"
        }
    }
}
