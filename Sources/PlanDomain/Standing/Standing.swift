import Foundation

/// The health of a plan on a date: every task's, each section's and the
/// plan's, and each unit's standing (docs/supervision-rules.md).
public struct Standing: Sendable {
    public struct Task: Sendable {
        public var id: UUID
        /// The units that report on it (`ReportingUnits`), leads first.
        public var units: [UUID]
        /// Who compiles its report: the leads, or every reporting unit where no lead is named.
        public var lead: [UUID]
        /// Responsible units beside a lead, reporting their own part.
        public var partners: [UUID]
        public var health: TaskHealthResult
        /// 0…1; a confirmed task is 1; nil when nobody has said.
        public var progress: Double?
        public var weight: Double
        public var periods: [PeriodTimeliness]
        /// Per unit and period key.
        public var timeliness: [UUID: [String: Timeliness]]
        public var targets: [(target: StandingTarget, assessment: TargetAssessment)]
        public var completed: Bool
        /// A unit proposed completion and the office has not confirmed it yet.
        public var completionProposed: Bool
        /// The slowest unit's latest accepted percentage.
        public var percent: Double?
    }

    public var calendar: ReportingCalendar
    public var today: CivilDate
    /// The date health is judged on: today, or the plan year's last day once it is over.
    public var asOf: CivilDate
    public var currentPeriod: ReportingPeriod?
    /// Periods whose deadline has passed, oldest first.
    public var duePeriods: [ReportingPeriod]
    public var tasks: [Task]
    /// By node id (uuidString); "" is the whole plan.
    public var rollUps: [String: RollUp]
    public var units: [UnitRanking.Entry]
    public var thresholds: Thresholds

    public var plan: RollUp { rollUps[""] ?? RollUp.of([]) }

    public init(_ facts: StandingFacts, calendar: ReportingCalendar, profile: ExpectationProfile = .linear,
                thresholds: Thresholds = .standard, today: CivilDate, now: Date) {
        let year = calendar.year
        let yearEnd = CivilDate(year: year, month: 12, day: 31)
        let yearStart = CivilDate(year: year, month: 1, day: 1)
        self.calendar = calendar
        self.today = today
        self.thresholds = thresholds
        let asOf = min(today, yearEnd)
        self.asOf = asOf
        let yearIsOver = today > yearEnd
        currentPeriod = calendar.collectingPeriod(on: today)
        let owed = calendar.owedPeriods(publishedAt: facts.publishedAt)
        let duePeriods = owed.filter { calendar.deadline(for: $0) < today }
        self.duePeriods = duePeriods
        let started = owed.filter { $0.firstDay <= today }

        struct Key: Hashable { var node: UUID, unit: UUID, period: String }
        var reportsByKey: [Key: StandingReport] = [:]
        for report in facts.reports { reportsByKey[Key(node: report.node, unit: report.unit, period: report.period)] = report }
        let reportsByNode = Dictionary(grouping: facts.reports) { $0.node }
        let nodesByID = Dictionary(facts.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var tasks: [Task] = []
        var counts: [UUID: UnitCounts] = [:]
        for node in facts.nodes where node.isTask {
            let reporters = ReportingUnits.reporters(
                of: node, in: nodesByID, fallback: facts.issuerUnits, partnersReport: facts.partnersReport)
            let units = reporters.all
            var timeliness: [UUID: [String: Timeliness]] = [:]
            var periods: [PeriodTimeliness] = []
            // A task that joined the plan later (a meeting's decision, a task
            // added after publication) owes only the periods after it joined.
            let owedByTask = started.filter { calendar.isOwed($0, joinedOn: node.joinedOn) }
            for period in owedByTask {
                var worst: Timeliness?
                var missing: [String] = []
                for unit in units {
                    let fact = reportsByKey[Key(node: node.id, unit: unit, period: period.key)]?.fact
                    let t = calendar.timeliness(of: fact, for: period, now: now)
                    timeliness[unit, default: [:]][period.key] = t
                    if t == .missing { missing.append(facts.unitNames[unit] ?? "未知单位") }
                    if worst.map({ Self.rank(t) > Self.rank($0) }) ?? true { worst = t }
                }
                // Name who is missing only when others did report: "nobody" needs no list.
                if missing.count == units.count { missing = [] }
                if let worst {
                    periods.append(PeriodTimeliness(period: period, timeliness: worst, calendar: calendar, missingUnits: missing))
                }
            }
            let nodeReports = (reportsByNode[node.id] ?? []).sorted {
                ($0.period, $0.updatedAt ?? .distantPast) < ($1.period, $1.updatedAt ?? .distantPast)
            }
            let accepted = nodeReports.filter { $0.state == .accepted }
            let handedIn = nodeReports.filter { $0.state.isHandedIn }
            // The lead's compiled report speaks for the task; a partner's
            // figures count only where no lead has given one.
            let byLead = accepted.filter { reporters.lead.contains($0.unit) }
            let byPartners = accepted.filter { !reporters.lead.contains($0.unit) }
            // The latest accepted value of each target counts.
            var actual: [UUID: Double] = [:]
            for report in byLead { actual.merge(report.values) { _, new in new } }
            var partnerActual: [UUID: Double] = [:]
            for report in byPartners { partnerActual.merge(report.values) { _, new in new } }
            actual.merge(partnerActual) { lead, _ in lead }
            let completed = facts.completed.contains(node.id)
            // Several units writing the task's report: the task is as far as
            // the slowest of them; partners' own percentages only when no
            // lead has reported one.
            func slowest(_ reports: [StandingReport]) -> Double? {
                var latestByUnit: [UUID: Double] = [:]
                for report in reports { if let p = report.percent { latestByUnit[report.unit] = p } }
                return latestByUnit.values.min()
            }
            let percent = slowest(byLead) ?? slowest(byPartners)
            let targets = node.targets.map { target in
                (target: target, assessment: assess(
                    TargetCheck(value: target.value, max: target.max, comparator: target.comparator,
                                actual: actual[target.id], cumulative: target.isCumulative, path: target.path(planYear: year)),
                    on: asOf, profile: profile, thresholds: thresholds, yearIsOver: yearIsOver))
            }
            let taskFacts = TaskFacts(
                yearStart: yearStart, yearEnd: yearEnd, deadline: node.deadline, completed: completed,
                completionProposed: handedIn.last?.completionProposed ?? false, percent: percent,
                selfAssessed: handedIn.last?.selfStatus, targets: targets.map(\.assessment), periods: periods)
            let health = taskHealth(taskFacts, on: asOf, thresholds: thresholds)
            let progress: Double? = completed ? 1 : percent.map { min(max($0, 0), 100) / 100 }
            tasks.append(Task(
                id: node.id, units: units, lead: reporters.lead, partners: reporters.partners, health: health, progress: progress, weight: node.weight ?? 1, periods: periods,
                timeliness: timeliness, targets: targets, completed: completed,
                completionProposed: taskFacts.completionProposed && !completed, percent: percent))
            for unit in units {
                var c = counts[unit] ?? UnitCounts()
                c.tasks += 1
                if completed { c.completed += 1 }
                c.progressSum += progress ?? 0
                for period in duePeriods where calendar.isOwed(period, joinedOn: node.joinedOn) {
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
        let taskByID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        rollUps = rollUpTree(nodes: facts.nodes.map { node in
            let task = taskByID[node.id]
            return RollUpNode(
                id: node.id.uuidString, parent: node.parent?.uuidString, isTask: node.isTask,
                weight: node.isTask ? (task?.weight ?? node.weight ?? 1) : node.weight,
                health: task?.health.health ?? .noData, progress: task?.progress)
        })
        units = UnitRanking.rank(counts.map { (key: $0.key.uuidString, name: facts.unitNames[$0.key] ?? "未知单位", counts: $0.value) })
    }

    /// Worse timeliness wins when several units report on one task.
    public static func rank(_ t: Timeliness) -> Int {
        switch t {
        case .onTime: return 0
        case .pending: return 1
        case .late: return 2
        case .returned: return 3
        case .missing: return 4
        }
    }

    public func task(_ id: UUID) -> Task? { tasks.first { $0.id == id } }
}
