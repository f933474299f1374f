import Foundation
import PlanDomain
import PlanText

/// What the plan dashboard shows, built once from a `PlanStanding` for the
/// page and the API alike. Filters narrow the task lists (a leader's tasks, a
/// unit's tasks); sections and units are always the whole plan's.
struct Dashboard {
    struct Section {
        var id: UUID
        var key: String
        var title: String
        var level: Int
        var tasks: Int
        var rollUp: RollUp
        /// Its weight in its parent: the office's, or (nil) the sum of its tasks'.
        var weight: Double?
        /// Its tasks by status: a section is 滞后 by the mean of its tasks'
        /// scores (one 逾期 among 正常 ones), so the page shows which tasks make it so.
        var taskCounts: [Health: Int]
    }

    struct TaskLine {
        var id: UUID
        var key: String
        var title: String
        var units: String
        var health: Health
        var reasons: [String]
        var progress: Double?
        /// 分管领导 as the plan prints them.
        var leaders: [String]
    }

    struct TargetSeries {
        var nodeID: UUID
        var nodeKey: String
        var text: String
        var unit: String
        /// The year-end point the chart draws: the target, or this year's
        /// share of a target due later.
        var target: Double
        /// The target as the plan states it, and the year it is due in.
        var value: Double
        var comparator: PlanText.Comparator
        var dueYear: Int
        var expected: [Double]
        var actual: [Double?]
        var assessment: TargetAssessment
        /// The year end at the pace so far, against `target` (this year's
        /// point): 预计全年 and 预计完成率 (docs/numbers.md).
        var forecast: Forecast
        /// The task's responsible units and its 分管领导, as printed.
        var units: String
        var leaders: [String]

        /// 完成率: 实际 ÷ 目标 as the plan states it.
        var completionRate: Double? { CompletionRate.of(actual: assessment.actual, target: value) }

        /// Will be missed: the year is over and it was not reached, or the
        /// forecast falls short.
        var forecastMissed: Bool {
            TargetOutlook.willBeMissed(health: assessment.health, forecast: forecast.status)
        }
    }

    var standing: PlanStanding
    var counts: [Health: Int]
    var sections: [Section]
    var late: [TaskLine]
    var atRisk: [TaskLine]
    var behind: [TaskLine]
    var targets: [TargetSeries]
    var leaders: [String]
    var leader: String?
    var unitFilter: UUID?

    init(_ inputs: StandingInputs, standing: PlanStanding, leader: String?, unit: UUID?) {
        self.standing = standing
        self.leader = leader
        self.unitFilter = unit
        leaders = Array(Set(inputs.loaded.nodes.flatMap(\.leaders))).sorted()
        let shown = standing.tasks.filter { task in
            (leader.map { task.node.leaders.contains($0) } ?? true) && (unit.map { task.units.contains($0) } ?? true)
        }
        var counts: [Health: Int] = [:]
        for task in shown { counts[task.health.health, default: 0] += 1 }
        self.counts = counts
        sections = inputs.loaded.nodes.filter { !$0.isTask && $0.level <= 2 }.compactMap { node in
            guard let id = node.id, let rollUp = standing.rollUps[id.uuidString] else { return nil }
            let tasks = standing.tasks.filter { $0.node.key.hasPrefix(node.key + "/") }
            var taskCounts: [Health: Int] = [:]
            for task in tasks { taskCounts[task.health.health, default: 0] += 1 }
            return Section(id: id, key: node.key, title: node.title, level: node.level, tasks: tasks.count, rollUp: rollUp, weight: node.weight, taskCounts: taskCounts)
        }
        func line(_ task: PlanStanding.TaskStanding) -> TaskLine {
            TaskLine(
                id: task.node.id ?? UUID(), key: task.node.key, title: task.node.title,
                units: task.units.compactMap { inputs.unitNames[$0] }.joined(separator: "、"),
                health: task.health.health, reasons: task.health.reasons, progress: task.progress, leaders: task.node.leaders)
        }
        late = shown.filter { $0.health.health == .overdue }.map(line)
        atRisk = shown.filter { $0.health.health == .atRisk }.map(line)
        behind = shown.filter { $0.health.health == .behind }.map(line)
        targets = Self.series(inputs, standing: standing, tasks: shown)
    }

    /// Month-end expected values and the accepted actual of each month, per
    /// numeric target of the shown tasks that has been reported on at least once.
    static func series(_ inputs: StandingInputs, standing: PlanStanding, tasks: [PlanStanding.TaskStanding]) -> [TargetSeries] {
        let year = standing.calendar.year
        // The month's figure is the one the standing counts: the latest accepted
        // report's, in the order (period, last change), a lead's compiled
        // report before its partners' (`Standing`).
        let accepted = inputs.facts.reports.filter { $0.state == .accepted }
            .sorted { ($0.period, $0.updatedAt ?? .distantPast) < ($1.period, $1.updatedAt ?? .distantPast) }
        let leadOf = Dictionary(tasks.compactMap { t in t.node.id.map { ($0, Set(t.lead)) } }, uniquingKeysWith: { a, _ in a })
        var actualByTarget: [UUID: [Int: Double]] = [:]
        var byPartners: [UUID: [Int: Double]] = [:]
        for report in accepted {
            guard let period = ReportingPeriod(key: report.period), period.year == year else { continue }
            let fromLead = leadOf[report.node]?.contains(report.unit) ?? true
            for (target, value) in report.values {
                if fromLead { actualByTarget[target, default: [:]][period.lastMonth] = value }
                else { byPartners[target, default: [:]][period.lastMonth] = value }
            }
        }
        // As in the standing: a partner's figures count only for a target no lead has given.
        for (target, months) in byPartners where actualByTarget[target] == nil { actualByTarget[target] = months }
        var out: [TargetSeries] = []
        for task in tasks {
            for (target, assessment) in task.targets {
                guard let id = target.id, let months = actualByTarget[id], !months.isEmpty else { continue }
                let cumulative = target.isCumulative
                // A target due in a later year (到2027年) is charted against this year's share of its path.
                let path = target.standingTarget?.path(planYear: year)
                func share(at end: CivilDate) -> Double {
                    path?.fraction(at: end, profile: inputs.settings.profile) ?? fractionOfYear(at: end, profile: inputs.settings.profile)
                }
                let expected = (1...12).map { month -> Double in
                    let end = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
                    return cumulative ? target.value * share(at: end) : target.value
                }
                let yearTarget = cumulative && path != nil ? target.value * share(at: CivilDate(year: year, month: 12, day: 31)) : target.value
                let text = target.metric.isEmpty ? target.text : target.metric
                let observations = (1...12).compactMap { month in
                    months[month].map { Observation(date: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)), value: $0) }
                }
                let forecast = standing.today.year > year
                    ? TargetOutlook.final(actual: assessment.actual, target: yearTarget, health: assessment.health, asOf: observations.last?.date)
                    : Forecaster.forecast(
                        target: yearTarget, comparator: PlanText.Comparator(rawValue: target.comparator) ?? .atLeast, observations: observations,
                        profile: inputs.settings.profile, accumulation: cumulative ? .flow : .level)
                out.append(TargetSeries(
                    nodeID: task.node.id ?? UUID(), nodeKey: task.node.key,
                    text: path.map { text + "（到\($0.dueYear)年\(Figure.text(target.value))\(target.unit)，本年应达）" } ?? text,
                    unit: target.unit, target: yearTarget, value: target.value,
                    comparator: PlanText.Comparator(rawValue: target.comparator) ?? .atLeast, dueYear: path?.dueYear ?? year,
                    expected: expected, actual: (1...12).map { months[$0] },
                    assessment: assessment, forecast: forecast,
                    units: task.units.compactMap { inputs.unitNames[$0] }.joined(separator: "、"), leaders: task.node.leaders))
            }
        }
        return out
    }
}
