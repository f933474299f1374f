import Foundation
import Testing
@testable import PlanDomain

/// March 2025 with the defaults: due on the 25th, deadline the 28th; the
/// reminder window opens on the 22nd; chases on the 29th, 1 April, 4 April.
@Suite struct EscalationTests {
    let calendar = monthlyCalendar()

    func rec(_ m: Int, _ timeliness: Timeliness, _ health: Health = .onTrack, year: Int = 2025) -> PeriodRecord {
        PeriodRecord(period: month(m, year), timeliness: timeliness, health: health)
    }

    func run(_ history: [PeriodRecord], _ today: String, calendar: ReportingCalendar? = nil,
             policy: EscalationPolicy = .standard) -> [EscalationAction] {
        escalations(policy: policy, calendar: calendar ?? self.calendar, history: history, today: day(today))
    }

    func notices(_ actions: [EscalationAction]) -> [NoticeLevel] {
        actions.compactMap { if case .notice(let level, _, _) = $0 { return level } else { return nil } }
    }

    // MARK: Reminders

    @Test func theReminderWindowOpensRemindDaysBeforeTheDueDay() {
        let history = [rec(2, .onTime), rec(3, .pending)]
        #expect(run(history, "2025-03-21").isEmpty)
        #expect(run(history, "2025-03-22") == [.remind(month(3))])
        #expect(run(history, "2025-03-25") == [.remind(month(3))])
        #expect(run(history, "2025-03-28") == [.remind(month(3))])
    }

    @Test func aReturnedReportIsRemindedAndAHandedInOneIsNot() {
        #expect(run([rec(3, .returned)], "2025-03-26") == [.remind(month(3))])
        #expect(run([rec(3, .onTime)], "2025-03-26").isEmpty)
    }

    // MARK: Chasing

    @Test func noChaseOnTheDeadlineDayAndTheFirstChaseTheDayAfter() {
        #expect(run([rec(2, .onTime), rec(3, .pending)], "2025-03-28") == [.remind(month(3))])
        let after = run([rec(2, .onTime), rec(3, .missing)], "2025-03-29")
        #expect(after.first == .chase(month(3), round: 1))
    }

    @Test func chaseRoundsComeEveryThreeDaysUpToThree() {
        let history = [rec(3, .missing)]
        func round(_ today: String) -> Int? {
            for action in run(history, today) { if case .chase(_, let n) = action { return n } }
            return nil
        }
        #expect(round("2025-03-29") == 1)
        #expect(round("2025-03-31") == 1)
        #expect(round("2025-04-01") == 2)
        #expect(round("2025-04-03") == 2)
        #expect(round("2025-04-04") == 3)
        #expect(round("2025-04-20") == 3)
        let never = try! EscalationPolicy(maxChases: 0)
        #expect(run(history, "2025-03-29", policy: never).allSatisfy { if case .chase = $0 { false } else { true } })
    }

    @Test func onlyTheLatestPassedPeriodIsChased() {
        let actions = run([rec(2, .missing), rec(3, .onTime)], "2025-03-29")
        #expect(!actions.contains { if case .chase = $0 { true } else { false } })
        #expect(actions.isEmpty)
    }

    // MARK: Notices

    @Test func oneMissedReportIsBlue() {
        let actions = run([rec(2, .onTime), rec(3, .missing, .overdue)], "2025-03-29")
        #expect(notices(actions) == [.blue])
        #expect(actions.last == .notice(.blue, period: month(3), reasons: ["2025年3月进展未报送"]))
    }

    @Test func twoConsecutiveMissedReportsAreRed() {
        let actions = run([rec(2, .missing), rec(3, .missing)], "2025-03-29")
        #expect(notices(actions) == [.red])
        #expect(actions.last?.dedupeKey == "notice:red:2025-03")
        if case .notice(_, _, let reasons) = actions.last {
            #expect(reasons.first == "连续2期未报送（2025年2月、2025年3月）")
        }
    }

    @Test func twoMissesInTheYearThatAreNotConsecutiveAreYellow() {
        let actions = run([rec(1, .missing), rec(2, .onTime), rec(3, .missing)], "2025-03-29")
        #expect(notices(actions) == [.yellow])
        if case .notice(_, _, let reasons) = actions.last {
            #expect(reasons.contains("本年度已有2期未报送"))
        }
        // Last year's misses do not count towards this year.
        #expect(notices(run([rec(12, .missing, year: 2024), rec(2, .onTime), rec(3, .missing)], "2025-03-29"))
            == [.blue])
    }

    @Test func twoConsecutivePeriodsBehindAreYellowOneIsNothing() {
        #expect(notices(run([rec(2, .onTime), rec(3, .onTime, .behind)], "2025-03-29")).isEmpty)
        #expect(notices(run([rec(2, .onTime, .behind), rec(3, .onTime, .behind)], "2025-03-29")) == [.yellow])
        #expect(notices(run([rec(2, .missing), rec(3, .late, .behind)], "2025-03-29")) == [.yellow])
        #expect(notices(run([rec(1, .onTime, .behind), rec(2, .onTime), rec(3, .onTime, .behind)], "2025-03-29")).isEmpty)
    }

    @Test func atRiskIsBlueInSeptemberAndRedInOctober() {
        #expect(notices(run([rec(9, .onTime, .atRisk)], "2025-09-29")) == [.blue])
        #expect(notices(run([rec(10, .onTime, .atRisk)], "2025-10-29")) == [.red])
        // A missed October report is counted as a miss, not as risk.
        #expect(notices(run([rec(10, .missing, .overdue)], "2025-10-29")) == [.blue])
    }

    @Test func noNoticeWhenTheLatestPeriodIsFineDespiteEarlierTrouble() {
        #expect(run([rec(1, .missing), rec(2, .missing), rec(3, .onTime)], "2025-03-29").isEmpty)
    }

    @Test func periodsWithoutARecordAreNotOwed() {
        #expect(run([], "2025-03-29").isEmpty)
        #expect(run([rec(3, .missing)], "2025-03-10").isEmpty)  // March's deadline has not passed
    }

    // MARK: Year end and leap day

    @Test func decembersDeadlineInJanuaryIsRemindedAndChasedAcrossTheYear() throws {
        let calendar = try ReportingCalendar(year: 2025, dueDay: 25, graceDays: 10)
        #expect(run([rec(12, .pending)], "2026-01-04", calendar: calendar) == [.remind(month(12))])
        let after = run([rec(11, .onTime), rec(12, .missing)], "2026-01-05", calendar: calendar)
        #expect(after == [.chase(month(12), round: 1),
                          .notice(.blue, period: month(12), reasons: ["2025年12月进展未报送"])])
    }

    @Test func aDueDayOnTheTwentyNinthOfFebruary() throws {
        let calendar = try ReportingCalendar(year: 2024, dueDay: 31, graceDays: 0)
        let pending = [rec(2, .pending, year: 2024)]
        #expect(run(pending, "2024-02-25", calendar: calendar).isEmpty)
        #expect(run(pending, "2024-02-26", calendar: calendar) == [.remind(month(2, 2024))])
        #expect(run(pending, "2024-02-29", calendar: calendar) == [.remind(month(2, 2024))])
        let missed = run([rec(2, .missing, year: 2024)], "2024-03-01", calendar: calendar)
        #expect(missed.first == .chase(month(2, 2024), round: 1))
    }

    @Test func closingAPeriodDoesNotChangeItsTimelinessOrItsEscalation() {
        let closed: Set = [month(3)]
        #expect(calendar.submissionCheck(for: month(3), on: day("2025-03-29"), closed: closed) == .closed)
        let timeliness = calendar.timeliness(of: nil, for: month(3), now: shanghai("2025-03-29 08:00:00"))
        #expect(timeliness == .missing)
        let actions = run([rec(3, timeliness)], "2025-03-29")
        #expect(actions.first == .chase(month(3), round: 1))
        #expect(notices(actions) == [.blue])
    }

    // MARK: Keys, words, policy

    @Test func dedupeKeysNameKindPeriodAndRoundOrLevel() {
        #expect(EscalationAction.remind(month(3)).dedupeKey == "remind:2025-03")
        #expect(EscalationAction.chase(month(3), round: 2).dedupeKey == "chase:2025-03:2")
        #expect(EscalationAction.notice(.yellow, period: month(3), reasons: ["x"]).dedupeKey == "notice:yellow:2025-03")
        #expect(EscalationAction.notice(.yellow, period: month(3), reasons: ["y"]).dedupeKey == "notice:yellow:2025-03")
    }

    @Test func titlesAndMessagesAreChinese() {
        #expect(NoticeLevel.allCases.map(\.title) == ["蓝色督办", "黄色督办", "红色督办"])
        #expect(NoticeLevel.blue < .red)
        #expect(EscalationAction.remind(month(3)).title == "报送提醒")
        #expect(EscalationAction.chase(month(3), round: 2).title == "催报（第2次）")
        #expect(EscalationAction.chase(month(3), round: 2).message.contains("2025年3月"))
        let notice = EscalationAction.notice(.red, period: month(3), reasons: ["甲", "乙"])
        #expect(notice.title == "红色督办")
        #expect(notice.message.hasPrefix("2025年3月：甲；乙。"))
    }

    @Test func policyIsValidatedAndDecodesWithDefaults() throws {
        #expect(throws: SupervisionError.self) { try EscalationPolicy(chaseEveryDays: 0) }
        #expect(throws: SupervisionError.self) { try EscalationPolicy(redAtRiskFromMonth: 13) }
        #expect(throws: SupervisionError.self) { try EscalationPolicy(chaseAfterDays: 0) }
        #expect(try EscalationPolicy(maxChases: 3) == EscalationPolicy.standard)
        let decoded = try JSONDecoder().decode(EscalationPolicy.self, from: Data(#"{"maxChases":5}"#.utf8))
        #expect(decoded.maxChases == 5)
        #expect(decoded.remindDaysBefore == 3)
        #expect(decoded.redAtRiskFromMonth == 10)
        do {
            _ = try EscalationPolicy(maxChases: 11)
            Issue.record("accepted 11 chases")
        } catch {
            #expect(error.localizedDescription.contains("最多催报次数"))
        }
    }
}
