/// The columns of a task breakdown table, with the header names offices use
/// for them (tables are typed by hand, each office its own way).
enum BreakdownColumn: Int, CaseIterable {
    case number, task, leadUnits, responsibleUnits, cooperatingUnits, leaders, targets, deadline

    /// The header written to a sheet.
    var title: String {
        switch self {
        case .number: "序号"
        case .task: "任务"
        case .leadUnits: "牵头单位"
        case .responsibleUnits: "责任单位"
        case .cooperatingUnits: "配合单位"
        case .leaders: "分管领导"
        case .targets: "目标"
        case .deadline: "完成时限"
        }
    }

    /// Header names read as this column, after `normalized`.
    var names: Set<String> {
        switch self {
        case .number: ["序号", "编号"]
        case .task: ["任务", "工作任务", "重点任务", "任务内容", "主要任务", "具体任务"]
        case .leadUnits: ["牵头单位", "牵头部门", "牵头科室"]
        case .responsibleUnits: ["责任单位", "责任部门", "责任科室"]
        case .cooperatingUnits: ["配合单位", "配合部门", "协办单位", "配合科室"]
        case .leaders: ["分管领导", "责任领导", "分管市领导", "分管局领导"]
        case .targets: ["目标", "目标任务", "指标"]
        case .deadline: ["完成时限", "完成时间", "时间节点"]
        }
    }

    static func named(_ header: String) -> BreakdownColumn? {
        let name = SheetHeader.normalized(header)
        return allCases.first { $0.names.contains(name) }
    }
}
