import Foundation

extension ReportingCalendar {
    /// The period a unit is reporting on today: the one being collected, or,
    /// between a deadline and the next period's start, the month (quarter…)
    /// the date is in, whose report is then late.
    public func collectingPeriod(on date: CivilDate) -> ReportingPeriod? {
        if let current = currentPeriod(on: date) { return current }
        guard date.year == year else { return nil }
        return ReportingPeriod(kind: kind, containing: date)
    }

    /// The periods a plan owes reports for: from the period it was published
    /// in (a plan published in March owes nothing for January); none when it
    /// was published after its year, all when before or never recorded.
    public func owedPeriods(publishedAt: Date?) -> [ReportingPeriod] {
        guard let publishedAt else { return periods }
        let day = CivilDate(publishedAt, in: .shanghai)
        if day.year < year { return periods }
        if day.year > year { return [] }
        let first = ReportingPeriod(kind: kind, containing: day)
        return periods.filter { $0 >= first }
    }

    /// Whether a task that joined the plan on `joinedOn` owes `period`'s
    /// report: only periods whose deadline is after that day — a decision
    /// taken on 10 March owes March (deadline 28 March), one taken on
    /// 28 March owes from April. Nil: joined with the plan, owes them all.
    public func isOwed(_ period: ReportingPeriod, joinedOn: CivilDate?) -> Bool {
        guard let joinedOn else { return true }
        return deadline(for: period) > joinedOn
    }
}

/// Which period a unit's 本期报送 opens on for a plan, when the unit did not
/// ask for one: the period being collected; else, once a plan's year is over
/// or between periods, the latest period it still owes — a report returned
/// for correction, or one missing past its deadline — so a unit with overdue
/// or returned work is never told there is nothing to do. Nil when nothing is
/// owed and nothing is being collected.
public enum OpeningPeriod {
    public static func choose(collecting: ReportingPeriod?, returned: [ReportingPeriod], missing: [ReportingPeriod]) -> ReportingPeriod? {
        if let collecting { return collecting }
        return (returned + missing).max()
    }
}
