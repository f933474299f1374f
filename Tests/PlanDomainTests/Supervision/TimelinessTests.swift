import Foundation
import Testing
@testable import PlanDomain

@Suite struct TimelinessTests {
    let calendar = monthlyCalendar()  // March: due 25th, deadline 28th

    func sent(_ first: Date, state: ReportState = .submitted, last: Date? = nil) -> ReportFact {
        ReportFact(state: state, firstSubmittedAt: first, lastSubmittedAt: last ?? first)
    }

    @Test func onTimeAtTheLastSecondOfTheDeadlineDayInShanghai() {
        let fact = sent(shanghai("2025-03-28 23:59:59"))
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-04-10 09:00:00")) == .onTime)
    }

    @Test func lateAtMidnightAfterTheDeadlineDay() {
        let fact = sent(shanghai("2025-03-29 00:00:00"))
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-04-10 09:00:00")) == .late)
    }

    @Test func aUTCTimestampIsJudgedInShanghai() {
        // 16:30 UTC on the 28th is 00:30 on the 29th in Shanghai: late.
        let fact = sent(utc("2025-03-28T16:30:00Z"))
        #expect(calendar.timeliness(of: fact, for: month(3), now: utc("2025-04-01T00:00:00Z")) == .late)
        let earlier = sent(utc("2025-03-28T15:59:59Z"))
        #expect(calendar.timeliness(of: earlier, for: month(3), now: utc("2025-04-01T00:00:00Z")) == .onTime)
    }

    @Test func theFirstSubmissionCountsSoAnOfficeReturnIsNotPunished() {
        let fact = sent(shanghai("2025-03-20 10:00:00"), state: .accepted, last: shanghai("2025-04-05 10:00:00"))
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-04-10 09:00:00")) == .onTime)
    }

    @Test func returnedIsReturnedUntilTheDeadlineThenMissing() {
        let fact = sent(shanghai("2025-03-20 10:00:00"), state: .returned)
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-28 23:59:59")) == .returned)
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-29 00:00:00")) == .missing)
    }

    @Test func nothingOrADraftIsPendingUntilTheDeadlineThenMissing() {
        let draft = ReportFact(state: .draft)
        for fact in [nil, draft] {
            #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-28 23:59:59")) == .pending)
            #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-29 00:00:00")) == .missing)
        }
    }

    @Test func decembersDeadlineFallsInTheNextYear() throws {
        let calendar = try ReportingCalendar(year: 2025, dueDay: 25, graceDays: 10)
        let period = month(12)
        #expect(calendar.timeliness(of: nil, for: period, now: shanghai("2026-01-04 23:00:00")) == .pending)
        #expect(calendar.timeliness(of: nil, for: period, now: shanghai("2026-01-05 00:00:00")) == .missing)
        let fact = sent(shanghai("2026-01-04 23:59:59"))
        #expect(calendar.timeliness(of: fact, for: period, now: shanghai("2026-02-01 00:00:00")) == .onTime)
    }

    @Test func aDeadlineOnTheTwentyNinthOfFebruary() throws {
        let calendar = try ReportingCalendar(year: 2024, dueDay: 31, graceDays: 0)
        #expect(calendar.deadline(for: month(2, 2024)) == day("2024-02-29"))
        #expect(calendar.timeliness(of: sent(shanghai("2024-02-29 23:59:59")), for: month(2, 2024),
                                    now: shanghai("2024-03-10 00:00:00")) == .onTime)
        #expect(calendar.timeliness(of: sent(shanghai("2024-03-01 00:00:00")), for: month(2, 2024),
                                    now: shanghai("2024-03-10 00:00:00")) == .late)
    }

    @Test func aHandedInReportWithoutATimeIsJudgedAtNow() {
        let fact = ReportFact(state: .submitted)
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-27 12:00:00")) == .onTime)
        #expect(calendar.timeliness(of: fact, for: month(3), now: shanghai("2025-03-30 12:00:00")) == .late)
    }

    @Test func titlesAreChinese() {
        #expect(Timeliness.allCases.map(\.title) == ["按时", "迟报", "未报", "待报", "退回待改"])
        #expect(ReportState.allCases.map(\.title) == ["草稿", "已报送", "已退回", "已采纳"])
    }
}
