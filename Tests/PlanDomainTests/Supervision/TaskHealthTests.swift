import Foundation
import Testing
@testable import PlanDomain

@Suite struct TaskHealthTests {
    let calendar = monthlyCalendar()

    func record(_ m: Int, _ timeliness: Timeliness) -> PeriodTimeliness {
        PeriodTimeliness(period: month(m), timeliness: timeliness, calendar: calendar)
    }

    func target(_ health: Health, ratio: Double? = nil, name: String? = nil) -> TargetAssessment {
        TargetAssessment(expected: 10, actual: 8, ratio: ratio, health: health, name: name)
    }

    @Test func acceptedAsDoneIsCompletedWhateverElseIsKnown() {
        let facts = TaskFacts(year: 2025, deadline: day("2025-03-31"), completed: true, percent: 10,
                              targets: [target(.atRisk)], periods: [record(3, .missing)])
        #expect(taskHealth(facts, on: day("2025-06-01")).health == .completed)
    }

    @Test func overdueTheDayAfterTheCompletionDeadline() {
        let facts = TaskFacts(year: 2025, deadline: day("2025-06-30"), percent: 100)
        #expect(taskHealth(facts, on: day("2025-06-30")).health == .onTrack)
        let after = taskHealth(facts, on: day("2025-07-01"))
        #expect(after.health == .overdue)
        #expect(after.reasons.first?.hasPrefix("已过完成时限") == true)
    }

    @Test func aPendingCompletionRequestHoldsOffOverdue() {
        let facts = TaskFacts(year: 2025, deadline: day("2025-06-30"), completionProposed: true, percent: 100)
        let result = taskHealth(facts, on: day("2025-07-01"))
        #expect(result.health == .onTrack)
        #expect(result.reasons.contains("已申请办结，待办公室确认"))
    }

    @Test func theLatestPassedPeriodMissingIsOverdue() {
        let facts = TaskFacts(year: 2025, percent: 50, periods: [record(2, .onTime), record(3, .missing)])
        let result = taskHealth(facts, on: day("2025-04-02"))
        #expect(result.health == .overdue)
        #expect(result.reasons == ["2025年3月进展未报送"])
    }

    @Test func anOlderMissDoesNotMarkTheTaskOverdueOnceReportingResumes() {
        let facts = TaskFacts(year: 2025, percent: 40, periods: [record(3, .missing), record(4, .late)])
        #expect(taskHealth(facts, on: day("2025-05-10")).health == .onTrack)
    }

    @Test func aReportHandedInEarlyForTheNextPeriodDoesNotHideAMiss() {
        // April handed in early, but April's deadline (28th) has not passed: March is the latest.
        let facts = TaskFacts(year: 2025, percent: 30, periods: [record(3, .missing), record(4, .onTime)])
        #expect(taskHealth(facts, on: day("2025-04-10")).health == .overdue)
    }

    @Test func percentIsJudgedAgainstTheElapsedShareOfTheTasksTime() {
        // 1 Jan – 30 Jun is 181 days; on 31 Mar 90 of them are over.
        let expected = 90.0 / 181 * 100
        let facts = TaskFacts(year: 2025, deadline: day("2025-06-30"), percent: expected * 0.9)
        let result = taskHealth(facts, on: day("2025-03-31"))
        #expect(abs(result.expectedPercent! - expected) < 1e-9)
        #expect(abs(result.percentRatio! - 0.9) < 1e-9)
        #expect(result.health == .behind)
        #expect(result.reasons == ["进度 45%，按时间应达 50%"])
    }

    @Test func withoutADeadlineTheYearEndIsUsed() {
        let facts = TaskFacts(year: 2025, percent: 50)
        let result = taskHealth(facts, on: day("2025-07-02"))
        #expect(abs(result.expectedPercent! - 183.0 / 365 * 100) < 1e-9)
        #expect(result.health == .onTrack)
    }

    @Test func theWorstTargetDecides() {
        let facts = TaskFacts(year: 2025, percent: 60,
                              targets: [target(.onTrack, ratio: 1.1), target(.atRisk, ratio: 0.82, name: "新增高新技术企业")])
        let result = taskHealth(facts, on: day("2025-06-01"))
        #expect(result.health == .atRisk)
        #expect(result.reasons == ["目标“新增高新技术企业”完成率 82%"])
    }

    @Test func theUnitsOwnViewCanOnlyMakeThingsWorse() {
        let worse = TaskFacts(year: 2025, percent: 60, selfAssessed: .behind)
        #expect(taskHealth(worse, on: day("2025-06-01")).health == .behind)
        #expect(taskHealth(worse, on: day("2025-06-01")).reasons == ["单位自评为“滞后”"])
        let better = TaskFacts(year: 2025, percent: 10, selfAssessed: .onTrack)
        #expect(taskHealth(better, on: day("2025-06-01")).health == .atRisk)
    }

    @Test func aMetTargetDoesNotCompleteTheTask() {
        let facts = TaskFacts(year: 2025, targets: [target(.completed)])
        #expect(taskHealth(facts, on: day("2025-06-01")).health == .onTrack)
    }

    @Test func nothingKnownIsNoData() {
        let facts = TaskFacts(year: 2025, selfAssessed: .noData, targets: [target(.noData)],
                              periods: [record(3, .onTime)])
        let result = taskHealth(facts, on: day("2025-06-01"))
        #expect(result.health == .noData)
        #expect(result.reasons.isEmpty)
        #expect(result.percentRatio == nil)
    }

    @Test func withoutDeadlinesTimelinessAloneSaysWhichPeriodsArePast() {
        let facts = TaskFacts(year: 2025, percent: 50, periods: [
            PeriodTimeliness(period: month(3), timeliness: .missing),
            PeriodTimeliness(period: month(4), timeliness: .pending),
        ])
        #expect(taskHealth(facts, on: day("2025-04-10")).health == .overdue)
    }
}
