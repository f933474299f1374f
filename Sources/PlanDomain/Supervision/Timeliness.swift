import Foundation

/// Where one progress report stands in the review loop.
public enum ReportState: String, Codable, CaseIterable, Sendable {
    /// Saved by the unit, not sent; the office does not see it.
    case draft
    /// Sent, waiting for review.
    case submitted
    /// Sent back by the office to be corrected.
    case returned
    /// Reviewed and taken into the figures.
    case accepted

    public var title: String {
        switch self {
        case .draft: return "草稿"
        case .submitted: return "已报送"
        case .returned: return "已退回"
        case .accepted: return "已采纳"
        }
    }

    /// Whether the unit has handed the report in (the office holds it).
    public var isHandedIn: Bool { self == .submitted || self == .accepted }
}

/// What the app knows about one task's report for one period.
public struct ReportFact: Sendable, Equatable, Hashable {
    public var state: ReportState
    /// The first time the unit sent it; kept through returns, because
    /// timeliness is judged on it.
    public var firstSubmittedAt: Date?
    public var lastSubmittedAt: Date?

    public init(state: ReportState, firstSubmittedAt: Date? = nil, lastSubmittedAt: Date? = nil) {
        self.state = state
        self.firstSubmittedAt = firstSubmittedAt
        self.lastSubmittedAt = lastSubmittedAt
    }
}

/// Whether a unit reported on time for one period (报送及时性).
public enum Timeliness: String, Codable, CaseIterable, Sendable {
    case onTime, late, missing, pending, returned

    public var title: String {
        switch self {
        case .onTime: return "按时"
        case .late: return "迟报"
        case .missing: return "未报"
        case .pending: return "待报"
        case .returned: return "退回待改"
        }
    }
}

extension ReportingCalendar {
    /// Judges one report against the period's deadline, the deadline day
    /// ending at midnight in Shanghai.
    ///
    /// - Handed in (submitted or accepted): on time when the *first*
    ///   submission was on or before the deadline day, else late. Judging the
    ///   first one means a unit that reported on time and was sent back by
    ///   the office is not punished for the office's return.
    /// - Returned and not yet resubmitted: `returned` until the deadline day
    ///   is over, then `missing` — the office holds nothing usable.
    /// - A draft, or no report: `pending` until the deadline day is over,
    ///   then `missing`.
    ///
    /// Closing a period does not change any of this. A handed-in report with
    /// no recorded time is judged at `lastSubmittedAt`, then at `now` (the
    /// latest it can have been sent).
    public func timeliness(of fact: ReportFact?, for period: ReportingPeriod, now: Date) -> Timeliness {
        let lastDay = deadline(for: period)
        guard let fact else { return lastDay.hasEnded(at: now) ? .missing : .pending }
        switch fact.state {
        case .submitted, .accepted:
            let sent = fact.firstSubmittedAt ?? fact.lastSubmittedAt ?? now
            return lastDay.isOnOrBefore(sent) ? .onTime : .late
        case .returned:
            return lastDay.hasEnded(at: now) ? .missing : .returned
        case .draft:
            return lastDay.hasEnded(at: now) ? .missing : .pending
        }
    }
}
