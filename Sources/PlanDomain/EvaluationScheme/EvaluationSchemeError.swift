import Foundation

/// A scheme that cannot be scored with. Each case says in Chinese what to
/// change, since only the office can fix it.
public enum EvaluationSchemeError: Error, Equatable, Sendable {
    case emptyName
    case noItems
    /// Two items with the same 序号: scores are keyed by it.
    case duplicateKey(String)
    /// What is wrong with one item (分值, 指标代码, a rule's parameter), in Chinese.
    case invalidItem(key: String, name: String, reason: String)
}

extension EvaluationSchemeError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .emptyName:
            return "考评方案没有名称。请填写方案名称后再保存。"
        case .noItems:
            return "考评方案中没有考评项目。请至少添加一项（序号、考评项目、分值和计分方法）后再保存。"
        case .duplicateKey(let key):
            return "序号“\(key)”重复出现。每个考评项目的序号应唯一，请修改后再保存。"
        case .invalidItem(let key, let name, let reason):
            let label = key.isEmpty ? "考评项目“\(name)”" : "第 \(key) 项“\(name)”"
            return "\(label)：\(reason)。"
        }
    }
}
