import PlanDomain
import Testing

@Suite struct UnitRankingTests {
    @Test func scoreWeighsTimelinessSixAndCompletionFour() {
        let counts = UnitCounts(tasks: 2, due: 10, onTime: 8, late: 1, missing: 1, completed: 1, progressSum: 1.5)
        #expect(counts.onTimeRate == 0.8)
        #expect(counts.completionRate == 0.75)
        #expect(abs(counts.score! - 78) < 1e-9)
    }

    @Test func aUnitWithNothingDueIsScoredOnCompletionAlone() {
        let counts = UnitCounts(tasks: 4, due: 0, onTime: 0, late: 0, missing: 0, completed: 0, progressSum: 1)
        #expect(counts.onTimeRate == nil)
        #expect(counts.score == 25)
        #expect(UnitCounts().score == nil)
    }

    @Test func equalScoresShareARankAndTheNextRankSkips() {
        let a = UnitCounts(tasks: 1, due: 2, onTime: 2, late: 0, missing: 0, completed: 1, progressSum: 1)
        let b = UnitCounts(tasks: 1, due: 2, onTime: 1, late: 1, missing: 0, completed: 0, progressSum: 0.5)
        let ranked = UnitRanking.rank([
            (key: "b", name: "乙局", counts: b), (key: "a2", name: "甲二局", counts: a),
            (key: "none", name: "丙局", counts: UnitCounts()), (key: "a1", name: "甲一局", counts: a),
        ])
        #expect(ranked.map(\.key) == ["a1", "a2", "b", "none"])
        #expect(ranked.map(\.rank) == [1, 1, 3, 4])
    }
}
