import Foundation

/// One period's timeliness for a task, as history for its health.
public struct PeriodTimeliness: Sendable, Equatable, Hashable {
    public var period: ReportingPeriod
    public var timeliness: Timeliness
    /// The period's deadline (`ReportingCalendar.deadline(for:)`). Give it:
    /// without it, whether the deadline has passed is read from the
    /// timeliness alone (missing, late and on time count as passed), which
    /// mistakes a report handed in early for a period that is over.
    public var deadline: CivilDate?
    /// On a task several units report on: the names of those whose report
    /// is missing, so the health says who (empty: say no name).
    public var missingUnits: [String]

    public init(period: ReportingPeriod, timeliness: Timeliness, deadline: CivilDate? = nil, missingUnits: [String] = []) {
        self.period = period
        self.timeliness = timeliness
        self.deadline = deadline
        self.missingUnits = missingUnits
    }

    public init(period: ReportingPeriod, timeliness: Timeliness, calendar: ReportingCalendar, missingUnits: [String] = []) {
        self.init(period: period, timeliness: timeliness, deadline: calendar.deadline(for: period), missingUnits: missingUnits)
    }

    func deadlinePassed(on date: CivilDate) -> Bool {
        if let deadline { return date > deadline }
        return [.missing, .late, .onTime].contains(timeliness)
    }
}

/// Everything the app knows about one task on one day.
public struct TaskFacts: Sendable, Equatable {
    /// The task's completion deadline (完成时限); nil means the year's end.
    public var deadline: CivilDate?
    /// The office accepted the task as done (办结).
    public var completed: Bool
    /// The unit asked for the task to be accepted as done and the office has
    /// not decided yet.
    public var completionProposed: Bool
    /// Latest accepted progress, 0…100.
    public var percent: Double?
    /// The unit's own view in its latest report.
    public var selfAssessed: Health?
    public var targets: [TargetAssessment]
    public var periods: [PeriodTimeliness]
    public var yearStart: CivilDate
    public var yearEnd: CivilDate

    public init(yearStart: CivilDate, yearEnd: CivilDate, deadline: CivilDate? = nil, completed: Bool = false,
                completionProposed: Bool = false, percent: Double? = nil, selfAssessed: Health? = nil,
                targets: [TargetAssessment] = [], periods: [PeriodTimeliness] = []) {
        self.yearStart = yearStart
        self.yearEnd = yearEnd
        self.deadline = deadline
        self.completed = completed
        self.completionProposed = completionProposed
        self.percent = percent
        self.selfAssessed = selfAssessed
        self.targets = targets
        self.periods = periods
    }

    /// The plan year as 1 January … 31 December.
    public init(year: Int, deadline: CivilDate? = nil, completed: Bool = false, completionProposed: Bool = false,
                percent: Double? = nil, selfAssessed: Health? = nil, targets: [TargetAssessment] = [],
                periods: [PeriodTimeliness] = []) {
        self.init(yearStart: CivilDate(year: year, month: 1, day: 1), yearEnd: CivilDate(year: year, month: 12, day: 31),
                  deadline: deadline, completed: completed, completionProposed: completionProposed, percent: percent,
                  selfAssessed: selfAssessed, targets: targets, periods: periods)
    }
}

/// A task's health with the sentences that explain it.
public struct TaskHealthResult: Sendable, Equatable {
    public var health: Health
    /// Chinese, one per cause, worst first: "2025年3月进展未报送", "目标“…”完成率 82%".
    public var reasons: [String]
    /// The share of the task's time that is over, as a percent.
    public var expectedPercent: Double?
    /// Reported percent over expected percent; nil without a reported percent.
    public var percentRatio: Double?

    public init(health: Health, reasons: [String] = [], expectedPercent: Double? = nil, percentRatio: Double? = nil) {
        self.health = health
        self.reasons = reasons
        self.expectedPercent = expectedPercent
        self.percentRatio = percentRatio
    }
}

/// A task's health on `date`, by these rules in order:
///
/// 1. Accepted as done: `completed`.
/// 2. The completion deadline is over and the task is not done: `overdue` —
///    unless the unit has asked for it to be accepted as done, which leaves
///    the decision with the office.
/// 3. The latest period whose deadline has passed has no report (from any
///    of the units reporting on the task, partners included, who are then
///    named): `overdue`. Only the latest counts, so a unit that missed March and reports again
///    from April is not marked overdue all year.
/// 4. Otherwise the worst of: each target's health; the reported percent
///    against the share of the task's time that is over (from `yearStart` to
///    the deadline or `yearEnd`, the day itself counted); and the unit's own
///    assessment, which can only make things worse. A met target or a unit
///    calling itself done gives `onTrack`, not `completed`: only the office's
///    acceptance completes a task. Nothing known: `noData`.
public func taskHealth(_ f: TaskFacts, on date: CivilDate, thresholds: Thresholds = .standard) -> TaskHealthResult {
    let end = f.deadline ?? f.yearEnd
    let expectedPercent = elapsedShare(from: f.yearStart, to: end, on: date) * 100
    let percentRatio = f.percent.flatMap { expectedPercent > 0 ? $0 / expectedPercent : nil }
    func result(_ health: Health, _ reasons: [String]) -> TaskHealthResult {
        TaskHealthResult(health: health, reasons: reasons, expectedPercent: expectedPercent, percentRatio: percentRatio)
    }

    if f.completed { return result(.completed, []) }
    var notes: [String] = []
    if date > end {
        if f.completionProposed {
            notes.append("已申请办结，待办公室确认")
        } else {
            return result(.overdue, ["已过完成时限（\(end.year)年\(end.month)月\(end.day)日）"])
        }
    }
    let passed = f.periods.filter { $0.deadlinePassed(on: date) }
    if let latest = passed.max(by: { $0.period < $1.period }), latest.timeliness == .missing {
        let who = latest.missingUnits.isEmpty ? "" : "（\(latest.missingUnits.joined(separator: "、"))）"
        return result(.overdue, ["\(latest.period.title)进展未报送\(who)"])
    }

    var found: [(health: Health, reason: String)] = []
    for (i, target) in f.targets.enumerated() where target.health != .noData {
        let label = target.name.map { "目标“\($0)”" } ?? "第\(i + 1)项目标"
        let reason: String
        if target.health == .missed {
            reason = "\(label)未达成" + (target.ratio.map { "，完成率 \(percentText($0 * 100))" } ?? "")
        } else if let ratio = target.ratio {
            reason = "\(label)完成率 \(percentText(ratio * 100))"
        } else {
            reason = "\(label)未达预期"
        }
        found.append((target.health, reason))
    }
    if let percent = f.percent {
        let health = percentRatio.map(thresholds.health(forRatio:)) ?? .onTrack
        found.append((health, "进度 \(percentText(percent))，按时间应达 \(percentText(expectedPercent))"))
    }
    if let own = f.selfAssessed, own != .noData {
        found.append((own, "单位自评为“\(own.title)”"))
    }

    // A target already met or a unit calling itself done does not make the
    // task done: only the office's acceptance does (rule 1).
    let worst = Health.worst(found.map(\.health))
    let health = worst == .completed ? .onTrack : worst
    let reasons = found.filter { $0.health >= .behind }.sorted { $0.health > $1.health }.map(\.reason)
    return result(health, reasons + notes)
}

/// The share of [start, end] that is over at the end of `date`, 0…1.
private func elapsedShare(from start: CivilDate, to end: CivilDate, on date: CivilDate) -> Double {
    if date < start { return 0 }
    if end < start || date >= end { return 1 }
    return Double(start.days(to: date) + 1) / Double(start.days(to: end) + 1)
}

private func percentText(_ value: Double) -> String {
    value.isFinite && abs(value) < 1e12 ? "\(Int(value.rounded()))%" : "—"
}
