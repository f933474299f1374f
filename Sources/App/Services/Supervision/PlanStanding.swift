import Foundation
import PlanDomain

/// The standing of a stored plan: PlanDomain's `Standing` over the plan's
/// rows, with each task's and target's record beside its result so pages
/// can show them. No rule lives here.
struct PlanStanding {
    struct TaskStanding {
        var node: NodeRecord
        var units: [UUID]
        /// Who compiles the task's report (`Standing.Task.lead`).
        var lead: [UUID]
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
        let calendar = try inputs.settings.calendar(year: inputs.loaded.record.reportingYear(today: today))
        let standing = Standing(
            inputs.facts, calendar: calendar, profile: inputs.settings.profile,
            thresholds: inputs.settings.thresholds, today: today, now: now)
        let targetsByID = Dictionary(inputs.loaded.targets.compactMap { t in t.id.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        self.calendar = standing.calendar
        self.today = standing.today
        asOf = standing.asOf
        currentPeriod = standing.currentPeriod
        duePeriods = standing.duePeriods
        rollUps = standing.rollUps
        units = standing.units
        thresholds = standing.thresholds
        tasks = standing.tasks.compactMap { task in
            guard let node = inputs.loaded.nodeByID[task.id] else { return nil }
            return TaskStanding(
                node: node, units: task.units, lead: task.lead, health: task.health, progress: task.progress, weight: task.weight,
                periods: task.periods, timeliness: task.timeliness,
                targets: task.targets.compactMap { pair in targetsByID[pair.target.id].map { (target: $0, assessment: pair.assessment) } },
                completed: task.completed, completionProposed: task.completionProposed, percent: task.percent)
        }
    }

    func task(_ id: UUID) -> TaskStanding? { tasks.first { $0.node.id == id } }
}

extension TargetRecord {
    /// The target as PlanDomain's rules read it; nil before it is stored.
    var standingTarget: StandingTarget? {
        id.map { StandingTarget(id: $0, value: value, max: max, comparator: comparator, unit: unit, dueYear: year) }
    }

    /// Counts and amounts accumulate through the year; shares do not (`StandingTarget`).
    var isCumulative: Bool { StandingTarget.isCumulative(unit: unit) }
}
