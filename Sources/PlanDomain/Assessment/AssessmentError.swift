import Foundation

/// An assessment scheme the office typed that cannot be scored with. Each case
/// says in Chinese what to change, since only the office can fix it.
public enum AssessmentError: Error, Equatable, Sendable {
    case noItems
    /// `position` counts from 1, as the settings page lists the items.
    case emptyName(position: Int)
    case emptyID(name: String)
    case duplicateID(String)
    case invalidPoints(name: String)
}

extension AssessmentError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .noItems:
            return "考核方案中没有考核项。请至少添加一项（名称、分值和计分方式）后再保存。"
        case .emptyName(let position):
            return "第 \(position) 个考核项没有名称。请填写名称后再保存。"
        case .emptyID(let name):
            return "考核项“\(name)”没有编号。请填写编号后再保存。"
        case .duplicateID(let id):
            return "考核项编号“\(id)”重复出现。每个考核项的编号应唯一，请修改后再保存。"
        case .invalidPoints(let name):
            return "考核项“\(name)”的分值无效。分值应为不小于 0 的数字，请修改后再保存。"
        }
    }
}
