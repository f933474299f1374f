import Foundation
import PlanText

/// The rows under a scheme sheet's header, each read into an item or into
/// the reasons it cannot be one.
struct SchemeSheetReader {
    let columns: [SchemeColumn: Int]
    let indicators: [IndicatorDefinition]
    let maxProblems: Int

    struct Result {
        var items: [SchemeItem] = []
        var problems: [ImportProblem] = []
        var unlistedProblems = 0
    }

    /// Columns whose text makes a row an item; a row with none of them filled
    /// (only 序号 and a name: a group heading such as 一、创新投入) is passed over.
    private static let itemColumns: [SchemeColumn] = [.category, .code, .points, .rule, .parameters]
    private static let totalNames: Set<String> = ["合计", "总计", "小计", "总分", "基本分合计", "分值合计"]
    private static let footnoteStarts = ["注", "说明", "备注", "附注"]

    func read(_ sheet: Sheet, headerRow: Int) -> Result {
        var result = Result()
        var keyRows: [String: Int] = [:]
        var position = 0
        for (index, cells) in sheet.rows.enumerated().dropFirst(headerRow + 1) {
            let row = index + 1
            func cell(_ column: SchemeColumn) -> String {
                guard let k = columns[column], k < cells.count else { return "" }
                return column == .note ? cells[k].trimmingCharacters(in: .whitespacesAndNewlines) : CellText.line(cells[k])
            }
            guard Self.itemColumns.contains(where: { !cell($0).isEmpty }), !Self.isFootnote(cells),
                  !(Self.totalNames.contains(SchemeWords.key(cell(.name))) && cell(.rule).isEmpty) else { continue }
            var reasons: [String] = []
            defer {
                for reason in reasons {
                    if result.problems.count < maxProblems {
                        result.problems.append(ImportProblem(row: row, reason: reason))
                    } else {
                        result.unlistedProblems += 1
                    }
                }
            }
            position += 1
            let key = columns[.key] == nil ? String(position) : OutlinePaths.label(cell(.key))
            guard let item = item(key: key, cell: cell, reasons: &reasons) else { continue }
            reasons += item.problems
            if let first = keyRows[item.key], !item.key.isEmpty {
                reasons.append("序号“\(item.key)”与第 \(first) 行重复，每个考评项目的序号应唯一")
            }
            guard reasons.isEmpty else { continue }
            keyRows[item.key] = row
            result.items.append(item)
        }
        return result
    }

    /// The item a row describes, or nil with the reasons it does not describe one.
    private func item(key: String, cell: (SchemeColumn) -> String, reasons: inout [String]) -> SchemeItem? {
        let categoryText = cell(.category)
        let category = SchemeWords.Category(categoryText)
        if !categoryText.isEmpty, category == nil {
            reasons.append("类别“\(categoryText)”无法识别，应为 指标、任务、手工（或 加分项、减分项）")
        }
        let code = cell(.code)
        var definition: IndicatorDefinition?
        var source: ItemSource?
        switch category {
        case .task:
            source = .taskGroup(key: code)
        case .manual:
            if code.isEmpty { source = .manual } else { reasons.append("类别为手工时指标代码应留空（手工录入的数值没有指标代码）") }
        case .indicator where code.isEmpty:
            source = .indicator(code: "")
        case .indicator, .bonus, .deduction, nil:
            if code.isEmpty {
                source = .manual
            } else if let found = indicator(code) {
                definition = found
                source = .indicator(code: found.code)
            } else {
                reasons.append("未知指标代码“\(code)”，请填写指标目录中的代码（如 rd.gdp_share）或指标名称")
            }
        }

        let ruleText = cell(.rule)
        var kind = SchemeWords.Rule(ruleText)
        if ruleText.isEmpty {
            switch category {
            case .bonus: kind = .bonus
            case .deduction: kind = .deduction
            default: reasons.append("缺少计分方法（如是分组标题行，请删去其分值等内容）")
            }
        } else if kind == nil {
            reasons.append("计分方法“\(ruleText)”无法识别，应为 \(SchemeWords.ruleList) 之一")
        }
        if category == .bonus, let kind, kind != .bonus { reasons.append("类别为加分项，计分方法应为“加分”") }
        if category == .deduction, let kind, kind != .deduction { reasons.append("类别为减分项，计分方法应为“减分”") }

        let isAdjustment = kind == .bonus || kind == .deduction
        let pointsText = cell(.points)
        var points: Double?
        switch FigureText.number(pointsText, unit: "分") {
        case .value(let value): points = value
        case .empty:
            if isAdjustment { points = 0 } else if kind != nil { reasons.append("缺少分值") }
        case .refused, .wrongUnit:
            reasons.append("分值“\(pointsText)”应为数字（如 20）")
        }

        let unit = cell(.unit).isEmpty ? definition?.unit ?? "" : cell(.unit)
        var rule: ScoringRule?
        if let kind {
            var isTask = false
            if case .taskGroup = source { isTask = true }
            do {
                rule = try RuleParameters.rule(kind, cell(.parameters), points: points, unit: unit, isTask: isTask)
            } catch {
                reasons.append(error.reason)
            }
        }
        guard reasons.isEmpty, let source, let points, let rule else { return nil }
        return SchemeItem(key: key, name: cell(.name), source: source, points: points, rule: rule, unit: unit,
                          note: cell(.note))
    }

    /// By code, else by the catalogue name (offices often know the name, not the code).
    private func indicator(_ text: String) -> IndicatorDefinition? {
        indicators.first { $0.code == text } ?? indicators.first { $0.name == text }
    }

    private static func isFootnote(_ cells: [String]) -> Bool {
        let filled = cells.map(CellText.line).filter { !$0.isEmpty }
        guard filled.count == 1, let text = filled.first else { return false }
        return footnoteStarts.contains { text.hasPrefix($0) }
    }
}
