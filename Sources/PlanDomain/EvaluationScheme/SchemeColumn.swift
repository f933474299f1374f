/// The columns of a scheme sheet, with the header names offices use for them.
/// Only 考评项目, 分值 and 计分方法 are needed to know the header row; the
/// others may be left out (no 序号: items are numbered in order; no 类别: an
/// item with an indicator code is an indicator item, one without is manual).
enum SchemeColumn: CaseIterable {
    case key, name, category, code, unit, points, rule, parameters, note

    /// The header the export writes.
    var title: String {
        switch self {
        case .key: "序号"
        case .name: "考评项目"
        case .category: "类别"
        case .code: "指标代码"
        case .unit: "单位"
        case .points: "分值"
        case .rule: "计分方法"
        case .parameters: "参数"
        case .note: "说明"
        }
    }

    /// Header names read as this column, after `SheetHeader.normalized` (分值（分） reads as 分值).
    var names: Set<String> {
        switch self {
        case .key: ["序号", "编号", "项目序号", "序"]
        case .name: ["考评项目", "项目", "项目名称", "指标名称", "指标", "考评指标", "考评内容", "考核项目", "考核指标",
                     "评价指标", "考评项目名称"]
        case .category: ["类别", "类型", "指标类别", "项目类别", "分类", "指标类型"]
        // A task item names its plan section here (二/（一）), so the column is also read under those names.
        case .code: ["指标代码", "指标编码", "代码", "任务序号", "对应任务", "指标代码/任务序号", "指标或任务代码"]
        case .unit: ["单位", "计量单位"]
        case .points: ["分值", "权重", "满分", "分数", "标准分", "基本分", "分值权重"]
        case .rule: ["计分方法", "评分办法", "计分规则", "评分方法", "计分办法", "评分规则", "考评方法", "计分方式", "评分标准",
                     "考核方法", "评分方式"]
        case .parameters: ["参数", "计分参数", "规则参数", "评分参数"]
        case .note: ["说明", "备注", "考评说明", "指标说明", "指标解释"]
        }
    }

    static func named(_ header: String) -> SchemeColumn? {
        let name = SheetHeader.normalized(header)
        return allCases.first { $0.names.contains(name) }
    }

    static func isHeader(_ columns: [SchemeColumn: Int]) -> Bool {
        columns[.name] != nil && columns[.points] != nil && columns[.rule] != nil
    }

    /// The columns a header must have, as the error message lists them.
    static let required = "考评项目、分值、计分方法"
}
