/// One line of the task breakdown table (任务分解表): a task with who does it,
/// what number it must reach and by when, or a section heading above tasks.
public struct BreakdownRow: Equatable, Sendable {
    /// 序号: the node id path as in the plan, e.g. `二/（一）/1`.
    public var number: String
    /// 任务: the node title.
    public var task: String
    public var leadUnits: [String]
    public var responsibleUnits: [String]
    public var cooperatingUnits: [String]
    public var leaders: [String]
    /// 目标: the text of each target stated in the task, in order.
    public var targets: [String]
    /// 完成时限 as printed.
    public var deadline: String?
    /// False for a section row (a node with children): only 序号 and 任务 are filled.
    public var isTask: Bool

    public init(
        number: String, task: String, leadUnits: [String] = [], responsibleUnits: [String] = [],
        cooperatingUnits: [String] = [], leaders: [String] = [], targets: [String] = [],
        deadline: String? = nil, isTask: Bool = true
    ) {
        self.number = number
        self.task = task
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.cooperatingUnits = cooperatingUnits
        self.leaders = leaders
        self.targets = targets
        self.deadline = deadline
        self.isTask = isTask
    }

    /// Whether `unit` is named in any of the three unit roles.
    public func names(unit: String) -> Bool {
        leadUnits.contains(unit) || responsibleUnits.contains(unit) || cooperatingUnits.contains(unit)
    }

    /// Whether this row is the node `id` or lies below it.
    public func isWithin(_ id: String) -> Bool {
        number == id || number.hasPrefix(id + "/")
    }
}
