import Foundation
import PlanText
import Testing
@testable import PlanDomain

@Suite struct TargetHealthTests {
    let midYear = day("2025-07-02")  // day 183 of 365: almost exactly half

    func check(_ value: Double, actual: Double?, comparator: String = ">=", baseline: Double = 0,
               cumulative: Bool = true) -> TargetCheck {
        TargetCheck(value: value, comparator: comparator, baseline: baseline, actual: actual, cumulative: cumulative)
    }

    @Test func noFigureIsNoDataButTheExpectationIsStillGiven() {
        let result = assess(check(20, actual: nil), on: day("2025-12-31"))
        #expect(result.health == .noData)
        #expect(result.expected == 20)
        #expect(result.ratio == nil)
    }

    @Test func cumulativeTargetsAreJudgedAgainstTheShareOfTheYear() {
        let expected = 20.0 * 183 / 365
        let onTrack = assess(check(20, actual: expected * 0.951), on: midYear)
        #expect(abs(onTrack.expected - expected) < 1e-9)
        #expect(onTrack.health == .onTrack)
        #expect(assess(check(20, actual: expected * 0.949), on: midYear).health == .behind)
        #expect(assess(check(20, actual: expected * 0.851), on: midYear).health == .behind)
        #expect(assess(check(20, actual: expected * 0.849), on: midYear).health == .atRisk)
    }

    @Test func ratiosAtTheThresholdsBelongToTheBetterState() {
        let t = Thresholds.standard
        #expect(t.health(forRatio: 0.95) == .onTrack)
        #expect(t.health(forRatio: 0.9499) == .behind)
        #expect(t.health(forRatio: 0.85) == .behind)
        #expect(t.health(forRatio: 0.8499) == .atRisk)
    }

    @Test func growthIsMeasuredFromTheBaseline() {
        // 技术合同成交额 from 40 to 55 (亿元): by mid-year about 47.5 is expected.
        let expected = 40 + 15.0 * 183 / 365
        let result = assess(check(55, actual: 46, baseline: 40), on: midYear)
        #expect(abs(result.expected - expected) < 1e-9)
        #expect(abs(result.ratio! - 6 / (expected - 40)) < 1e-9)
        #expect(result.health == .atRisk)  // 6 of 7.5 expected growth: 0.80
        #expect(assess(check(55, actual: 47.2, baseline: 40), on: midYear).health == .onTrack)
    }

    @Test func aLevelIsJudgedAgainstTheYearTargetAllYear() {
        // 研发投入强度达到2.5%: 2.4% in February is 0.96 of the target.
        let result = assess(check(2.5, actual: 2.4, cumulative: false), on: day("2025-02-01"))
        #expect(result.expected == 2.5)
        #expect(abs(result.ratio! - 0.96) < 1e-12)
        #expect(result.health == .onTrack)
        #expect(assess(check(2.5, actual: 2.0, cumulative: false), on: day("2025-02-01")).health == .atRisk)
    }

    @Test func nothingExpectedYetIsOnTrack() {
        // Seasonal share 0 in January: nothing is expected on 1 January.
        let profile = ExpectationProfile.seasonal([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        let result = assess(check(20, actual: 0), on: day("2025-01-01"), profile: profile)
        #expect(result.expected == 0)
        #expect(result.health == .onTrack)
        #expect(assess(check(0, actual: 0, cumulative: false), on: midYear).health == .onTrack)
        #expect(assess(check(0, actual: -1, cumulative: false), on: midYear).health == .atRisk)
    }

    @Test func aCeilingIsOnTrackUpToItAndAtRiskAbove() {
        let at = assess(check(5, actual: 5, comparator: "<="), on: day("2025-03-01"))
        #expect(at.health == .onTrack)
        #expect(at.expected == 5)
        #expect(at.ratio == 1)
        let above = assess(check(5, actual: 6, comparator: "<="), on: day("2025-03-01"))
        #expect(above.health == .atRisk)
        #expect(above.ratio == 5.0 / 6)
        #expect(assess(check(5, actual: 0, comparator: "<="), on: midYear).health == .onTrack)
    }

    @Test func aRangeIsJudgedByItsLowerBound() {
        let t = TargetCheck(value: 1, max: 2, comparator: .range, actual: 0.5)
        #expect(assess(t, on: midYear).health == .onTrack)
        #expect(assess(TargetCheck(value: 1, max: 2, comparator: .range, actual: 0.4), on: midYear).health == .atRisk)
    }

    @Test func aCumulativeTargetAlreadyReachedIsCompleted() {
        #expect(assess(check(20, actual: 20), on: midYear).health == .completed)
        #expect(assess(check(20, actual: 20, comparator: ">"), on: midYear).health == .onTrack)
        #expect(assess(check(20, actual: 21, comparator: ">"), on: midYear).health == .completed)
        // A level reached mid-year can still fall back: not completed.
        #expect(assess(check(2.5, actual: 2.6, cumulative: false), on: midYear).health == .onTrack)
    }

    @Test func customThresholdsMoveTheLines() throws {
        let strict = try Thresholds(onTrack: 1.0, behind: 0.9)
        let expected = 20.0 * 183 / 365
        #expect(assess(check(20, actual: expected * 0.97), on: midYear, thresholds: strict).health == .behind)
        #expect(assess(check(20, actual: expected * 0.97), on: midYear).health == .onTrack)
    }

    @Test func thresholdsAreValidated() {
        #expect(throws: SupervisionError.self) { try Thresholds(onTrack: 0.8, behind: 0.9) }
        #expect(throws: SupervisionError.self) { try Thresholds(onTrack: 0.9, behind: 0) }
        #expect(throws: SupervisionError.self) { try Thresholds(onTrack: 1.6, behind: 0.9) }
        #expect((try? Thresholds(onTrack: 1.5, behind: 1.5)) != nil)
        #expect(Thresholds() == Thresholds.standard)
        #expect(Thresholds.standard.onTrack == 0.95)
        #expect(Thresholds.standard.behind == 0.85)
    }

    @Test func healthOrdersBySeverityAndNoDataNeverWins() {
        #expect(Health.worst([.noData, .completed]) == .completed)
        #expect(Health.worst([.onTrack, .noData, .behind]) == .behind)
        #expect(Health.worst([.atRisk, .overdue]) == .overdue)
        #expect(Health.worst([]) == .noData)
        #expect(Health.allCases.sorted() == [.noData, .completed, .onTrack, .behind, .atRisk, .missed, .overdue])
        #expect(Health.allCases.map(\.title) == ["已完成", "正常", "滞后", "风险", "逾期", "暂无数据", "未达成"])
    }
}
