import Foundation
import PlanDomain
import Testing

/// Issue 17: a finished year judges reached or not reached, never 正常; a
/// target due in a later year is judged against its path, not this year.
@Suite struct YearEndAndPathTests {
    static let dec31 = CivilDate(year: 2022, month: 12, day: 31)

    @Test func aFinishedYearJudgesReachedOrMissed() {
        // 广水 2022: 高新技术企业 年底突破40家, 39.6 at the end of the year.
        let short = assess(TargetCheck(value: 40, actual: 39.6), on: Self.dec31, yearIsOver: true)
        #expect(short.health == .missed)
        #expect(abs(short.ratio! - 0.99) < 1e-12)
        // The same figure on the last day, the year not yet over: on track.
        #expect(assess(TargetCheck(value: 40, actual: 39.6), on: Self.dec31).health == .onTrack)
        #expect(assess(TargetCheck(value: 40, actual: 40), on: Self.dec31, yearIsOver: true).health == .completed)
        // 突破 (>): 40 itself does not break through.
        #expect(assess(TargetCheck(value: 40, comparator: ">", actual: 40), on: Self.dec31, yearIsOver: true).health == .missed)
        // A level: R&D intensity 2.4 % against 2.5 %.
        #expect(assess(TargetCheck(value: 2.5, actual: 2.4, cumulative: false), on: Self.dec31, yearIsOver: true).health == .missed)
        #expect(assess(TargetCheck(value: 2.5, actual: 2.6, cumulative: false), on: Self.dec31, yearIsOver: true).health == .completed)
        // A ceiling kept, and broken.
        #expect(assess(TargetCheck(value: 5, comparator: "<=", actual: 3), on: Self.dec31, yearIsOver: true).health == .completed)
        #expect(assess(TargetCheck(value: 5, comparator: "<=", actual: 6), on: Self.dec31, yearIsOver: true).health == .missed)
        // Nobody reported: still no data, not missed.
        #expect(assess(TargetCheck(value: 40), on: Self.dec31, yearIsOver: true).health == .noData)
        #expect(Health.missed.title == "未达成")
    }

    @Test func aTargetDueInALaterYearIsJudgedOnItsPath() {
        // 到2027年新增“专精特新”企业60家, in a plan of 2025: 2025's share is a third.
        let path = TargetPath(startYear: 2025, dueYear: 2027)
        let endOf2025 = assess(TargetCheck(value: 60, actual: 20, path: path), on: CivilDate(year: 2025, month: 12, day: 31), yearIsOver: true)
        #expect(abs(endOf2025.expected - 20) < 1e-9)
        #expect(endOf2025.health == .onTrack)          // on its path; 2025 being over does not close a 2027 target
        let short = assess(TargetCheck(value: 60, actual: 16, path: path), on: CivilDate(year: 2025, month: 12, day: 31), yearIsOver: true)
        #expect(abs(short.ratio! - 0.8) < 1e-9 && short.health == .atRisk)   // 16 of 20: below 0.85
        // 2 July 2026 (day 183 of 365): (1 + 183/365) / 3 of the path.
        let mid2026 = assess(TargetCheck(value: 60, actual: 30, path: path), on: CivilDate(year: 2026, month: 7, day: 2))
        #expect(abs(mid2026.expected - 60 * (1 + 183.0 / 365) / 3) < 1e-9)
        // In its own year, once over, it is reached or missed like any other.
        #expect(assess(TargetCheck(value: 60, actual: 58, path: path), on: CivilDate(year: 2027, month: 12, day: 31), yearIsOver: true).health == .missed)
        #expect(path.fraction(at: CivilDate(year: 2024, month: 6, day: 1), profile: .linear) == 0)
        #expect(path.fraction(at: CivilDate(year: 2028, month: 1, day: 1), profile: .linear) == 1)
    }

    @Test func aMissedTargetMakesTheTaskAndItsSectionShowIt() {
        let facts = TaskFacts(year: 2022, targets: [assess(TargetCheck(value: 40, actual: 39.6, name: "高新技术企业总数"),
                                                           on: Self.dec31, yearIsOver: true)])
        let task = taskHealth(facts, on: Self.dec31)
        #expect(task.health == .missed)
        #expect(task.reasons == ["目标“高新技术企业总数”未达成，完成率 99%"])
        // Nine tasks on track and one missed: the section is at least behind.
        let items = (0..<9).map { WeightedItem(id: "t\($0)", health: .onTrack) } + [WeightedItem(id: "m", health: .missed)]
        #expect(RollUp.of(items).health == .behind)
    }
}
