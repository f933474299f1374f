import Foundation

/// One period's outcome for one task, as escalation history.
public struct PeriodRecord: Sendable, Equatable, Hashable {
    public var period: ReportingPeriod
    public var timeliness: Timeliness
    /// The task's health as judged for that period.
    public var health: Health

    public init(period: ReportingPeriod, timeliness: Timeliness, health: Health) {
        self.period = period
        self.timeliness = timeliness
        self.health = health
    }
}

/// Something the system should do for one task of one unit.
public enum EscalationAction: Hashable, Sendable {
    /// 报送提醒: the report is due soon.
    case remind(ReportingPeriod)
    /// 催报: the report is past its deadline; `round` counts from 1.
    case chase(ReportingPeriod, round: Int)
    /// 督办通知 at a level, with the Chinese reasons.
    case notice(NoticeLevel, period: ReportingPeriod, reasons: [String])

    /// "remind:2025-03", "chase:2025-03:2", "notice:yellow:2025-03". The app
    /// stores it (with task and unit) under a unique constraint, so each
    /// action happens exactly once however often and on however many
    /// servers the rules run. Reasons are not part of it: a notice already
    /// sent is not sent again because its wording changed.
    public var dedupeKey: String {
        switch self {
        case .remind(let p): return "remind:\(p.key)"
        case .chase(let p, let round): return "chase:\(p.key):\(round)"
        case .notice(let level, let p, _): return "notice:\(level.key):\(p.key)"
        }
    }

    public var period: ReportingPeriod {
        switch self {
        case .remind(let p), .chase(let p, _), .notice(_, let p, _): return p
        }
    }

    public var title: String {
        switch self {
        case .remind: return "报送提醒"
        case .chase(_, let round): return "催报（第\(round)次）"
        case .notice(let level, _, _): return level.title
        }
    }

    public var message: String {
        switch self {
        case .remind(let p):
            return "请在报送截止日前报送\(p.title)的工作进展。"
        case .chase(let p, _):
            return "\(p.title)的工作进展已过报送截止日仍未报送，请尽快补报。"
        case .notice(_, let p, let reasons):
            return "\(p.title)：\(reasons.joined(separator: "；"))。请认真落实，按要求整改并及时报送进展。"
        }
    }
}

/// What to do today for one task of one unit.
///
/// `history` holds a record for every period the task owes a report for, up
/// to and including the current one (a period with no report is recorded
/// as `pending` or `missing`, as `timeliness(of: nil, …)` says). A period
/// without a record is not owed — a task added in June owes nothing for
/// March — and is never reminded, chased or counted.
///
/// - Remind: the current period's report is not handed in (pending or
///   returned) and today lies in [due date − `remindDaysBefore`, deadline].
/// - Chase: the latest period whose deadline has passed is missing, and
///   today ≥ deadline + `chaseAfterDays`; round n is due from
///   (n − 1) × `chaseEveryDays` days later, up to `maxChases`. Only the
///   latest due round is returned, and only for that latest period: older
///   misses are the notices' business, not chased forever.
/// - Notice: judged at the latest period whose deadline has passed; the
///   highest level reached, or none when that period is fine.
///   - blue: `blueAfterMissed` consecutive missed reports, or
///     `blueAfterAtRiskPeriods` consecutive periods at risk;
///   - yellow: `yellowAfterBehindPeriods` consecutive periods behind or
///     worse (a miss counts), or a miss that makes `yellowAfterMissedInYear`
///     in the year;
///   - red: `redAfterMissedReports` consecutive missed reports, or a period
///     at risk ending in `redAtRiskFromMonth` or later.
///   A missed period's health is not read as risk: its miss is already
///   counted, and a miss must not jump straight to red in October.
public func escalations(policy: EscalationPolicy = .standard, calendar: ReportingCalendar,
                        history: [PeriodRecord], today: CivilDate) -> [EscalationAction] {
    var byPeriod: [ReportingPeriod: PeriodRecord] = [:]
    for record in history where record.period.kind == calendar.kind { byPeriod[record.period] = record }
    var actions: [EscalationAction] = []

    if let current = calendar.currentPeriod(on: today), let record = byPeriod[current],
       record.timeliness == .pending || record.timeliness == .returned,
       today >= calendar.dueDate(for: current).adding(days: -policy.remindDaysBefore),
       today <= calendar.deadline(for: current) {
        actions.append(.remind(current))
    }

    let passed = byPeriod.values.filter { calendar.deadline(for: $0.period) < today }
    guard let latest = passed.max(by: { $0.period < $1.period }) else { return actions }

    if latest.timeliness == .missing, policy.maxChases > 0 {
        let firstChase = calendar.deadline(for: latest.period).adding(days: policy.chaseAfterDays)
        if today >= firstChase {
            let round = min(policy.maxChases, firstChase.days(to: today) / policy.chaseEveryDays + 1)
            actions.append(.chase(latest.period, round: round))
        }
    }

    if let notice = notice(policy: policy, history: byPeriod, at: latest) {
        actions.append(notice)
    }
    return actions
}

private func notice(policy: EscalationPolicy, history: [ReportingPeriod: PeriodRecord],
                    at latest: PeriodRecord) -> EscalationAction? {
    func isMissing(_ r: PeriodRecord) -> Bool { r.timeliness == .missing }
    func isAtRisk(_ r: PeriodRecord) -> Bool { !isMissing(r) && r.health >= .atRisk }
    func isBehindOrWorse(_ r: PeriodRecord) -> Bool { isMissing(r) || r.health >= .behind }
    /// The periods, latest first, of the unbroken run ending at `latest`.
    func run(_ matches: (PeriodRecord) -> Bool) -> [ReportingPeriod] {
        var periods: [ReportingPeriod] = []
        var cursor: PeriodRecord? = latest
        while let record = cursor, matches(record) {
            periods.append(record.period)
            cursor = record.period.index == 1 && record.period.year == 1 ? nil : history[record.period.previous]
        }
        return periods
    }

    let missed = run(isMissing)
    let atRisk = run(isAtRisk)
    let behind = run(isBehindOrWorse)
    let missedInYear = isMissing(latest)
        ? history.values.filter { $0.period.year == latest.period.year && $0.period <= latest.period && isMissing($0) }.count
        : 0
    let lateInYear = isAtRisk(latest) && latest.period.lastMonth >= policy.redAtRiskFromMonth

    var level: NoticeLevel?
    if missed.count >= policy.blueAfterMissed || atRisk.count >= policy.blueAfterAtRiskPeriods { level = .blue }
    if behind.count >= policy.yellowAfterBehindPeriods || missedInYear >= policy.yellowAfterMissedInYear {
        level = .yellow
    }
    if missed.count >= policy.redAfterMissedReports || lateInYear { level = .red }
    guard let level else { return nil }

    func titles(_ periods: [ReportingPeriod]) -> String {
        periods.reversed().map(\.title).joined(separator: "、")
    }
    var reasons: [String] = []
    if missed.count == 1 { reasons.append("\(latest.period.title)进展未报送") }
    if missed.count > 1 { reasons.append("连续\(missed.count)期未报送（\(titles(missed))）") }
    if missedInYear > missed.count && missedInYear >= policy.yellowAfterMissedInYear {
        reasons.append("本年度已有\(missedInYear)期未报送")
    }
    if behind.count > missed.count && behind.count >= policy.yellowAfterBehindPeriods {
        reasons.append("连续\(behind.count)期滞后或未报送（\(titles(behind))）")
    }
    if isAtRisk(latest) {
        let late = lateInYear ? "，已临近年末" : ""
        reasons.append("\(latest.period.title)进展为“\(latest.health.title)”\(late)")
    }
    return .notice(level, period: latest.period, reasons: reasons)
}
