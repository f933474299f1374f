import PlanText

extension BreakdownTable {
    /// The plan this table describes, for a table read from a spreadsheet: the
    /// outline from the 序号 paths, units and deadlines from their columns, and
    /// each line of 目标 read again for its number, unit, comparator and
    /// indicator. There is no source text, so every span is empty.
    public func plan(file: String) -> Plan {
        let none = SourceSpan(start: 0, end: 0)
        var plan = Plan(
            file: file, title: title.isEmpty ? nil : title, issuers: issuers, jurisdiction: jurisdiction,
            year: year, docNumber: docNumber, issuedDate: issuedDate)
        for row in rows {
            let parts = row.number.split(separator: "/", omittingEmptySubsequences: false)
            let parent = parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil
            plan.nodes.append(PlanNode(
                id: row.number, title: row.task, leadUnits: row.leadUnits, responsibleUnits: row.responsibleUnits,
                cooperatingUnits: row.cooperatingUnits, leaders: row.leaders, label: String(parts.last ?? ""),
                level: parts.count, parent: parent, isTask: row.isTask, span: none, titleSpan: none,
                deadline: row.deadline.map { Deadline(text: $0, date: PlanParser.deadlineDate($0, year: year), span: none) }))
            plan.targets += row.targets.map { Self.target($0, node: row.number, year: year) }
        }
        return plan
    }

    /// A 目标 line as one target: the first number stated in it, with the line
    /// as its text so the table reads the same once rebuilt. A line that states
    /// no number (全面完成年度任务) stays a target with value 0 and no unit, for
    /// the plan office to see and correct.
    static func target(_ line: String, node: String, year: Int?) -> Target {
        let none = SourceSpan(start: 0, end: 0)
        guard var read = PlanParser.targets(in: line, node: node, year: year).first else {
            return Target(node: node, text: line, metric: line, indicator: nil, value: 0, unit: "",
                          comparator: .atLeast, year: year, span: none)
        }
        read.text = line
        read.span = none
        return read
    }
}
