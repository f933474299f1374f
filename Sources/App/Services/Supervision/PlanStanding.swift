import Foundation
import PlanDomain

/// The health of a plan on a date: every task's, each section's and the
/// plan's, and each unit's standing. Pure: computed from `StandingInputs` by
/// the rules of PlanDomain (docs/supervision-rules.md).
struct PlanStanding {
    struct TaskStanding {
        var node: NodeRecord
        var units: [UUID]
        var health: TaskHealthResult
        var progress: Double?
        var weight: Double
        var periods: [PeriodTimeliness]
        /// Per unit and period key.
        var timeliness: [UUID: [String: Timeliness]]
        var targets: [(target: TargetRecord, assessment: TargetAssessment)]
        var completed: Bool
        var completionProposed: Bool
        var percent: Double?
    }

    var calendar: ReportingCalendar
    var today: CivilDate
    /// The date health is judged on: today, or the plan year's last day once it is over.
    var asOf: CivilDate
    var currentPeriod: ReportingPeriod?
    /// Periods whose deadline has passed, oldest first.
    var duePeriods: [ReportingPeriod]
    var tasks: [TaskStanding]
    var rollUps: [String: RollUp]
    var units: [UnitRanking.Entry]
    var thresholds: Thresholds

    var plan: RollUp { rollUps[""] ?? RollUp.of([]) }

    init(_ inputs: StandingInputs, today: CivilDate, now: Date) throws {
        let record = inputs.loaded.record
        let year = record.reportingYear(today: today)
        let calendar = try inputs.settings.calendar(year: year)
        let yearEnd = CivilDate(year: year, month: 12, day: 31)
        let yearStart = CivilDate(year: year, month: 1, day: 1)
        self.calendar = calendar
        self.today = today
        self.thresholds = inputs.settings.thresholds
        let asOf = min(today, yearEnd)
        self.asOf = asOf
        currentPeriod = calendar.collectingPeriod(on: today)
        let owed = calendar.owedPeriods(publishedAt: record.publishedAt)
        let duePeriods = owed.filter { calendar.deadline(for: $0) < today }
        self.duePeriods = duePeriods
        let started = owed.filter { $0.firstDay <= today }

        struct Key: Hashable { var node: UUID, unit: UUID, period: String }
        var reportsByKey: [Key: ReportRow] = [:]
        for report in inputs.reports {
            reportsByKey[Key(node: report.nodeID, unit: report.unitID, period: report.period)] = report
        }
        var valuesByReport: [UUID: [UUID: Double]] = [:]
        for value in inputs.values { valuesByReport[value.reportID, default: [:]][value.targetID] = value.value }
        let reportsByNode = Dictionary(grouping: inputs.reports) { $0.nodeID }

        var tasks: [TaskStanding] = []
        var counts: [UUID: UnitCounts] = [:]
        for node in inputs.loaded.nodes where node.isTask {
            guard let nodeID = node.id else { continue }
            let units = inputs.loaded.reportingUnits(of: node, fallback: inputs.issuerUnits)
            var timeliness: [UUID: [String: Timeliness]] = [:]
            var periods: [PeriodTimeliness] = []
            for period in started {
                let periodKey = period.key
                var worst: Timeliness?
                for unit in units {
                    let fact = reportsByKey[Key(node: nodeID, unit: unit, period: periodKey)]?.fact
                    let t = calendar.timeliness(of: fact, for: period, now: now)
                    timeliness[unit, default: [:]][periodKey] = t
                    if worst.map({ Self.rank(t) > Self.rank($0) }) ?? true { worst = t }
                }
                if let worst { periods.append(PeriodTimeliness(period: period, timeliness: worst, calendar: calendar)) }
            }
            let nodeReports = (reportsByNode[nodeID] ?? []).sorted { ($0.period, $0.updatedAt ?? .distantPast) < ($1.period, $1.updatedAt ?? .distantPast) }
            let accepted = nodeReports.filter { $0.state == .accepted }
            let handedIn = nodeReports.filter { $0.state == .accepted || $0.state == .submitted }
            var actual: [UUID: Double] = [:]
            for report in accepted { actual.merge(valuesByReport[report.id] ?? [:]) { _, new in new } }
            let completed = inputs.completed.contains(nodeID)
            // Several units on one task: the task is as far as the slowest of them.
            var latestByUnit: [UUID: Double] = [:]
            for report in accepted { if let p = report.percent { latestByUnit[report.unitID] = p } }
            let percent = latestByUnit.values.min()
            let targets = inputs.loaded.targets(of: node).map { target in
                (target: target, assessment: assess(
                    TargetCheck(
                        value: target.value, max: target.max, comparator: target.comparator,
                        actual: target.id.flatMap { actual[$0] }, cumulative: Self.isCumulative(target)),
                    on: asOf, profile: inputs.settings.profile, thresholds: inputs.settings.thresholds))
            }
            let facts = TaskFacts(
                yearStart: yearStart, yearEnd: yearEnd,
                deadline: node.deadlineDate.flatMap(CivilDate.init(iso:)), completed: completed,
                completionProposed: handedIn.last?.completionProposed ?? false, percent: percent,
                selfAssessed: handedIn.last?.selfStatus, targets: targets.map(\.assessment), periods: periods)
            let health = taskHealth(facts, on: asOf, thresholds: inputs.settings.thresholds)
            let progress: Double? = completed ? 1 : percent.map { min(max($0, 0), 100) / 100 }
            tasks.append(TaskStanding(
                node: node, units: units, health: health, progress: progress, weight: 1, periods: periods,
                timeliness: timeliness, targets: targets, completed: completed,
                completionProposed: facts.completionProposed && !completed, percent: percent))
            for unit in units {
                var c = counts[unit] ?? UnitCounts()
                c.tasks += 1
                if completed { c.completed += 1 }
                c.progressSum += progress ?? 0
                for period in duePeriods {
                    c.due += 1
                    switch timeliness[unit]?[period.key] {
                    case .onTime?: c.onTime += 1
                    case .late?: c.late += 1
                    case .returned?: c.returned += 1
                    default: c.missing += 1
                    }
                }
                counts[unit] = c
            }
        }
        self.tasks = tasks
        let taskByID = Dictionary(tasks.compactMap { t in t.node.id.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        rollUps = rollUpTree(nodes: inputs.loaded.nodes.compactMap { node in
            guard let id = node.id else { return nil }
            let task = taskByID[id]
            return RollUpNode(
                id: id.uuidString, parent: node.parentID?.uuidString, isTask: node.isTask, weight: node.isTask ? (task?.weight ?? 1) : nil,
                health: task?.health.health ?? .noData, progress: task?.progress)
        })
        units = UnitRanking.rank(counts.map { (key: $0.key.uuidString, name: inputs.unitNames[$0.key] ?? "未知单位", counts: $0.value) })
    }

    /// Worse timeliness wins when several units report on one task.
    static func rank(_ t: Timeliness) -> Int {
        switch t {
        case .onTime: return 0
        case .pending: return 1
        case .late: return 2
        case .returned: return 3
        case .missing: return 4
        }
    }

    /// A percentage (R&D intensity, a share) is a level judged against the
    /// year's target all year; counts and amounts accumulate through the year.
    static func isCumulative(_ target: TargetRecord) -> Bool {
        !(target.unit.contains("%") || target.unit.contains("‰") || target.unit.contains("％"))
    }

    func task(_ id: UUID) -> TaskStanding? { tasks.first { $0.node.id == id } }
}
