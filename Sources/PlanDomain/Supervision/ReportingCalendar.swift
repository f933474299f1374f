import Foundation

/// When units report on one plan year: how often, on which day of the
/// period's last month (报送日), and how many days of grace (宽限天数) the
/// office allows before a report counts as missing.
///
/// The due day sits in the period's *last* month (March for Q1) because a
/// report describes the period it closes; the deadline is the due date plus
/// the grace days and may fall in the next month or the next year.
public struct ReportingCalendar: Hashable, Codable, Sendable {
    public let year: Int
    public let kind: PeriodKind
    /// 1…31; clamped to the month's length, so 31 means "the last day".
    public let dueDay: Int
    /// 0…30.
    public let graceDays: Int

    public init(year: Int, kind: PeriodKind = .monthly, dueDay: Int = 25, graceDays: Int = 3) throws {
        guard (1...9998).contains(year) else {
            throw SupervisionError.invalidCalendar("年度“\(year)”无效。")
        }
        guard (1...31).contains(dueDay) else {
            throw SupervisionError.invalidCalendar("报送日应为每月 1 至 31 日之间，当前为 \(dueDay)。")
        }
        guard (0...30).contains(graceDays) else {
            throw SupervisionError.invalidCalendar("宽限天数应为 0 至 30 天，当前为 \(graceDays)。")
        }
        self.year = year
        self.kind = kind
        self.dueDay = dueDay
        self.graceDays = graceDays
    }

    /// The periods of the year, in order.
    public var periods: [ReportingPeriod] {
        (1...kind.periodsPerYear).map { ReportingPeriod(kind: kind, year: year, index: $0) }
    }

    /// The due day in the period's last month, clamped: due day 30 is
    /// 29 February 2024 and 28 February 2025; due day 31 is 30 April.
    public func dueDate(for period: ReportingPeriod) -> CivilDate {
        let days = CivilDate.daysIn(month: period.lastMonth, year: period.year)
        return CivilDate(year: period.year, month: period.lastMonth, day: min(dueDay, days))
    }

    /// The last day a report counts as on time: due date plus grace days.
    public func deadline(for period: ReportingPeriod) -> CivilDate {
        dueDate(for: period).adding(days: graceDays)
    }

    /// The period whose report is being collected on `date`: the earliest
    /// period of the year whose deadline is on or after `date`, provided that
    /// period has begun. Nil before the year, after the last deadline, and in
    /// the gap between a deadline and the start of the next period (with the
    /// defaults, 29–31 March: March is closed for on-time reports, April has
    /// not begun).
    public func currentPeriod(on date: CivilDate) -> ReportingPeriod? {
        guard let period = periods.first(where: { date <= deadline(for: $0) }), date >= period.firstDay else {
            return nil
        }
        return period
    }

    /// Periods a unit may report into on `date`: every period that has begun.
    /// The caller removes the ones the office has closed.
    public func openPeriods(on date: CivilDate) -> [ReportingPeriod] {
        periods.filter { $0.firstDay <= date }
    }

    /// Whether a unit may hand in a report for `period` on `date`. A late
    /// report is allowed (it is marked late); only the office closing the
    /// period stops it.
    public func submissionCheck(for period: ReportingPeriod, on date: CivilDate,
                                closed: Set<ReportingPeriod>) -> SubmissionCheck {
        if period.year != year || period.kind != kind { return .otherYear }
        if date < period.firstDay { return .notStarted }
        if closed.contains(period) { return .closed }
        return .allowed
    }

    // MARK: Codable, validated, with the defaults for missing keys

    private enum CodingKeys: String, CodingKey { case year, kind, dueDay, graceDays }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(year: c.decode(Int.self, forKey: .year),
                      kind: c.decodeIfPresent(PeriodKind.self, forKey: .kind) ?? .monthly,
                      dueDay: c.decodeIfPresent(Int.self, forKey: .dueDay) ?? 25,
                      graceDays: c.decodeIfPresent(Int.self, forKey: .graceDays) ?? 3)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(kind, forKey: .kind)
        try c.encode(dueDay, forKey: .dueDay)
        try c.encode(graceDays, forKey: .graceDays)
    }
}

/// The answer to "may this unit report into this period now?".
public enum SubmissionCheck: Equatable, Sendable {
    case allowed
    /// The period has not begun.
    case notStarted
    /// The office closed the period (关闭报送).
    case closed
    /// The period belongs to another year or reporting cycle.
    case otherYear

    /// What the unit reads when refused; nil when allowed.
    public var message: String? {
        switch self {
        case .allowed: return nil
        case .notStarted: return "该报送期尚未开始，请在报送期开始后再报送。"
        case .closed: return "该报送期已关闭，需由办公室重新开放后才能报送。"
        case .otherYear: return "该报送期不属于本计划的报送日历（年度或报送周期不符），请选择本年度的报送期。"
        }
    }
}
