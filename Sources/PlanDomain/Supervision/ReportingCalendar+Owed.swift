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
}
