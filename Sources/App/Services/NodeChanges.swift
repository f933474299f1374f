import Fluent
import Foundation
import PlanDomain
import PlanText

/// A change to one node, from a form or a JSON body; nil fields stay as they are.
struct NodeChanges: Codable, Sendable, APIRequestBody {
    static let formatHint = "JSON 字段均可选：label、title、leadUnits、responsibleUnits、cooperatingUnits、leaders（字符串数组）、deadline、deadlineDate、weight（0–100 的数字）、clearWeight。"

    var label: String?
    var title: String?
    var leadUnits: [String]?
    var responsibleUnits: [String]?
    var cooperatingUnits: [String]?
    var leaders: [String]?
    var deadline: String?
    var deadlineDate: String?
    /// The office's weight (考核权重, `Weight`); `clearWeight` puts it back to equal weights.
    var weight: Double?
    var clearWeight: Bool?

    /// Unit lists as typed in a form: split on 、，,；; and new lines.
    static func list(_ text: String?) -> [String]? {
        text.map { value in
            value.split(whereSeparator: { "、，,；;\n\r".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// Longest title a node may have (`Outline.titleLimit`).
    static let titleLimit = Outline.titleLimit

    func validate() throws {
        if let title, title.trimmingCharacters(in: .whitespaces).isEmpty { throw AppError.badRequest("条目标题不能为空。") }
        if let title, title.count > Self.titleLimit { throw AppError.badRequest("条目标题不能超过 \(Self.titleLimit) 字，现为 \(title.count) 字。") }
        if let label, label.count > 40 { throw AppError.badRequest("编号不能超过 40 字。") }
        if let deadline, deadline.count > 200 { throw AppError.badRequest("完成时限不能超过 200 字。") }
        if let label, label.trimmingCharacters(in: .whitespaces).isEmpty || label.contains("/") {
            throw AppError.badRequest("编号不能为空，也不能含“/”。")
        }
        if let date = deadlineDate, !date.isEmpty, !Self.isISODate(date) {
            throw AppError.badRequest("完成日期“\(date)”不是有效日期，请写成 2025-06-30 的形式。")
        }
        if let weight, let problem = Weight.problem(weight) { throw AppError.badRequest(problem) }
        for list in [leadUnits, responsibleUnits, cooperatingUnits, leaders].compactMap({ $0 }) where list.contains(where: { $0.count > 100 }) {
            throw AppError.badRequest("单位或领导名称过长（超过 100 字）。")
        }
    }

    /// A date of the years a plan can be about (1990–2100): 0001-01-01 and
    /// 9999-12-31 are typing slips or probes, not deadlines.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, (1990...2100).contains(y), (1...12).contains(m) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// Applies the change and says what changed, for the version record.
    func apply(to node: NodeRecord, planID: UUID, directory: UnitDirectory, on db: any Database) async throws -> [String] {
        try validate()
        var said: [String] = []
        if let label = label?.trimmingCharacters(in: .whitespaces), label != node.label {
            said.append("编号 \(node.label) → \(label)")
            node.label = label
        }
        if let title = title?.trimmingCharacters(in: .whitespaces), title != node.title {
            said.append("标题“\(node.title)” → “\(title)”")
            node.title = title
        }
        if let leaders, leaders != node.leaders {
            said.append("分管领导 → \(leaders.joined(separator: "、"))")
            node.leaders = leaders
        }
        if let deadline {
            let text = deadline.trimmingCharacters(in: .whitespaces)
            let value: String? = text.isEmpty ? nil : text
            if value != node.deadlineText {
                said.append("完成时限 → \(value ?? "无")")
                node.deadlineText = value
                node.deadlineStart = nil
                node.deadlineEnd = nil
            }
        }
        if let deadlineDate {
            let value: String? = deadlineDate.isEmpty ? nil : deadlineDate
            if value != node.deadlineDate {
                said.append("完成日期 → \(value ?? "无")")
                node.deadlineDate = value
            }
        }
        let weight = clearWeight == true ? nil : (self.weight ?? node.weight)
        if weight != node.weight {
            said.append("权重 → \(weight.map(Format.number) ?? "默认")")
            node.weight = weight
        }
        try await node.save(on: db)
        let nodeID = try node.requireID()
        for (role, names) in [(Assignment.Role.lead, leadUnits), (.responsible, responsibleUnits), (.cooperating, cooperatingUnits)] {
            guard let names else { continue }
            let current = try await Assignment.query(on: db).filter(\.$node.$id == nodeID).filter(\.$role == role)
                .sort(\.$position).all()
            guard current.map(\.unitName) != names else { continue }
            let resolved = Dictionary(current.map { ($0.unitName, $0.$unit.id) }, uniquingKeysWith: { a, _ in a })
            try await Assignment.query(on: db).filter(\.$node.$id == nodeID).filter(\.$role == role).delete()
            for (index, name) in names.enumerated() {
                let unitID = (resolved[name] ?? nil) ?? directory.unitID(for: name)
                try await Assignment(planID: planID, nodeID: nodeID, role: role, position: index, unitName: name, unitID: unitID).create(on: db)
            }
            said.append("\(role.title)单位 → \(names.isEmpty ? "无" : names.joined(separator: "、"))")
        }
        return said
    }
}

/// A change to one target; nil fields stay as they are.
struct TargetChanges: Codable, Sendable, APIRequestBody {
    static let formatHint = "JSON 字段均可选：text、metric、indicator、value、max、clearMax、unit、comparator、year、clearYear。"

    var text: String?
    var metric: String?
    var indicator: String?
    var value: Double?
    var max: Double?
    var clearMax: Bool?
    var unit: String?
    var comparator: String?
    var year: Int?
    var clearYear: Bool?

    func validate() throws {
        if let text, text.trimmingCharacters(in: .whitespaces).isEmpty { throw AppError.badRequest("目标原文不能为空。") }
        if let text, text.count > 1_000 { throw AppError.badRequest("目标原文不能超过 1000 字。") }
        if let value, value.isFinite, abs(value) > 1e12 { throw AppError.badRequest("目标值过大。") }
        if let comparator, Comparator(rawValue: comparator) == nil {
            throw AppError.badRequest("比较方式“\(comparator)”无效，应为 >=、>、~、<= 或 range。")
        }
        if let value, !value.isFinite { throw AppError.badRequest("目标值必须是数字。") }
        if let year, !(1990...2100).contains(year) { throw AppError.badRequest("年份 \(year) 不在 1990–2100 之间。") }
        if comparator == "range", max == nil { throw AppError.badRequest("区间目标需要填写上限。") }
    }

    func apply(to target: TargetRecord) throws -> [String] {
        try validate()
        var said: [String] = []
        func set<T: Equatable>(_ value: T?, _ keyPath: ReferenceWritableKeyPath<TargetRecord, T>, _ name: String) {
            guard let value, target[keyPath: keyPath] != value else { return }
            said.append("\(name) → \(value)")
            target[keyPath: keyPath] = value
        }
        set(text?.trimmingCharacters(in: .whitespaces), \.text, "原文")
        set(metric, \.metric, "指标名称")
        set(value, \.value, "目标值")
        set(unit, \.unit, "单位")
        set(comparator, \.comparator, "比较方式")
        if let indicator, indicator != (target.indicator ?? "") {
            target.indicator = indicator.isEmpty ? nil : indicator
            said.append("指标代码 → \(indicator.isEmpty ? "无" : indicator)")
        }
        if clearMax == true, target.max != nil { target.max = nil; said.append("上限 → 无") }
        if let max, target.max != max { target.max = max; said.append("上限 → \(max)") }
        if clearYear == true, target.year != nil { target.year = nil; said.append("年份 → 无") }
        if let year, target.year != year { target.year = year; said.append("年份 → \(year)") }
        return said
    }
}
