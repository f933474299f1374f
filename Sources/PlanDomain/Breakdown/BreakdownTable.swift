import PlanText

/// The task breakdown table (任务分解表) of a plan: the plan office's working
/// copy of who does what by when, sent to units as a spreadsheet.
public struct BreakdownTable: Equatable, Sendable {
    /// The plan's title; "" when the plan has none.
    public var title: String
    public var issuers: [String]
    public var jurisdiction: String?
    public var year: Int?
    public var docNumber: String?
    public var issuedDate: String?
    /// Sections and tasks in plan order.
    public var rows: [BreakdownRow]

    public init(
        title: String, issuers: [String] = [], jurisdiction: String? = nil, year: Int? = nil,
        docNumber: String? = nil, issuedDate: String? = nil, rows: [BreakdownRow] = []
    ) {
        self.title = title
        self.issuers = issuers
        self.jurisdiction = jurisdiction
        self.year = year
        self.docNumber = docNumber
        self.issuedDate = issuedDate
        self.rows = rows
    }

    /// One row per node, in node order; a task's targets are those the plan
    /// ties to its node. Text is cleaned the way a spreadsheet cell keeps it, so
    /// that a table read back from its .xlsx is equal to this one.
    public init(plan: Plan) {
        var targets: [String: [String]] = [:]
        for target in plan.targets {
            guard let node = target.node else { continue }
            let text = CellText.line(target.text)
            if !text.isEmpty { targets[node, default: []].append(text) }
        }
        self.init(
            title: CellText.line(plan.title ?? ""), issuers: CellText.names(plan.issuers),
            jurisdiction: CellText.optional(plan.jurisdiction), year: plan.year,
            docNumber: CellText.optional(plan.docNumber), issuedDate: CellText.optional(plan.issuedDate),
            rows: plan.nodes.map { node in
                let number = CellText.line(node.id), task = CellText.line(node.title)
                // A section row carries only its number and title (see BreakdownRow).
                guard node.isTask else { return BreakdownRow(number: number, task: task, isTask: false) }
                return BreakdownRow(
                    number: number, task: task,
                    leadUnits: CellText.names(node.leadUnits),
                    responsibleUnits: CellText.names(node.responsibleUnits),
                    cooperatingUnits: CellText.names(node.cooperatingUnits),
                    leaders: CellText.names(node.leaders),
                    targets: targets[node.id] ?? [],
                    deadline: CellText.optional(node.deadline?.text))
            })
    }

    /// The rows one unit, one leader or one section is concerned with. `unit`
    /// matches any of the three unit roles; `section` is a node id and keeps
    /// that node and everything below it. The section rows above a kept task
    /// stay, so the table still reads as an outline.
    public func filtered(unit: String? = nil, leader: String? = nil, section: String? = nil) -> BreakdownTable {
        func keeps(_ row: BreakdownRow) -> Bool {
            if let section, !row.isWithin(section) { return false }
            if let unit, !row.names(unit: unit) { return false }
            if let leader, !row.leaders.contains(leader) { return false }
            return true
        }
        let kept = rows.filter { $0.isTask && keeps($0) }
        var wanted = Set(kept.map(\.number))
        for row in kept {
            var path = row.number
            while let slash = path.lastIndex(of: "/") {
                path = String(path[..<slash])
                wanted.insert(path)
            }
        }
        // With no unit or leader asked for, a section keeps its own rows even
        // when no task lies below them.
        if unit == nil, leader == nil, let section {
            for row in rows where row.isWithin(section) { wanted.insert(row.number) }
        }
        var table = self
        table.rows = rows.filter { wanted.contains($0.number) }
        return table
    }
}
