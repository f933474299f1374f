import Foundation
import Testing
@testable import PlanDomain

@Suite struct AssessmentTests {
    let scheme = AssessmentScheme.standard

    /// 甲局: 0.9 × 30 + 1.0 × 20 + 0.8 × 30 + (1 − 0.1) × 10 + 8 (office) = 27 + 20 + 24 + 9 + 8 = 88.
    var unitA: UnitAssessment {
        Assessment.assess(key: "a", name: "甲局", scheme: scheme,
                          measures: UnitMeasures(completionRate: 0.9, onTimeRate: 1, targetAttainment: 0.8, returnRate: 0.1),
                          manual: ["innovation": ManualScore(selfScore: 10, finalScore: 8, evidence: "牵头建成中试基地"),
                                   "timeliness": ManualScore(selfScore: 20)])
    }

    /// 乙局: 1.0 × 30 + 0.75 × 20 + 0.9 × 30 + (1 − 0.2) × 10 + 6 = 30 + 15 + 27 + 8 + 6 = 86.
    var unitB: UnitAssessment {
        Assessment.assess(key: "b", name: "乙局", scheme: scheme,
                          measures: UnitMeasures(completionRate: 1, onTimeRate: 0.75, targetAttainment: 0.9, returnRate: 0.2),
                          manual: ["innovation": ManualScore(finalScore: 6)])
    }

    /// 丙局: 0.8 × 30 + 0.9 × 20 = 18 → the office sets 20 (a late report excused)
    /// + 1.0 × 30 + (1 − 0) × 10 + 4 = 24 + 20 + 30 + 10 + 4 = 88, level with 甲局.
    var unitC: UnitAssessment {
        Assessment.assess(key: "c", name: "丙局", scheme: scheme,
                          measures: UnitMeasures(completionRate: 0.8, onTimeRate: 0.9, targetAttainment: 1, returnRate: 0),
                          manual: ["innovation": ManualScore(selfScore: 12, finalScore: 4),
                                   "timeliness": ManualScore(finalScore: 20)])
    }

    @Test func theStandardSchemeIsOneHundredPointsInThreeGroups() throws {
        #expect(scheme.total == 100)
        #expect(scheme.groups == ["工作落实", "目标任务", "加分与特色"])
        #expect(scheme.items.map(\.points) == [30, 20, 30, 10, 10])
        #expect(try scheme.validated() == scheme)
    }

    @Test func itemsEarnPointsTimesRate() {
        let a = unitA
        #expect(a.items.map(\.computed) == [27, 20, 24, 9, nil])
        #expect(a.items.map(\.finalScore) == [27, 20, 24, 9, 8])
        #expect(a.finalTotal == 88)
        #expect(a.items[4].evidence == "牵头建成中试基地")
        #expect(a.rank == 0)
        #expect(unitB.finalTotal == 86)
    }

    @Test func theOfficesFinalScoreOverridesTheComputedOne() {
        let c = unitC
        #expect(c.items[1].computed == 18)
        #expect(c.items[1].finalScore == 20)
        #expect(c.finalTotal == 88)
    }

    @Test func selfTotalsUseComputedScoresWhereNoSelfScoreIsGiven() {
        // 甲局 claims 20 for timeliness and 10 for innovation: 27 + 20 + 24 + 9 + 10 = 90.
        #expect(unitA.selfTotal == 90)
        // 丙局 claims 12 of 10 for innovation, clamped to 10: 24 + 18 + 30 + 10 + 10 = 92
        // (its timeliness self score is the computed 18; the office's 20 is not its claim).
        #expect(unitC.selfTotal == 92)
        #expect(unitC.items[4].selfScore == 10)
        #expect(unitB.selfTotal == nil)
    }

    @Test func equalTotalsShareARankAndTheNextOneSkips() {
        // 甲局 88 and 丙局 88 share first place (丙 sorts before 甲 by name), 乙局 86 is third.
        let ranked = Assessment.rank([unitB, unitA, unitC])
        #expect(ranked.map(\.name) == ["丙局", "甲局", "乙局"])
        #expect(ranked.map(\.rank) == [1, 1, 3])
    }

    /// Issue 17: a unit given no numeric target is not scored 0 of 30 for
    /// 目标达成. 甲局's records without a target: 27 + 20 + 9 + 8 = 64 of the
    /// 70 points that apply, scaled to 100: 64 × 100 / 70 = 91.43 — ahead of
    /// 乙局's 86, where the old rule put it last with 64.
    @Test func anItemAUnitHasNothingToBeJudgedOnIsLeftOutAndTheRestScaled() {
        let noTarget = Assessment.assess(key: "a", name: "甲局", scheme: scheme,
                                         measures: UnitMeasures(completionRate: 0.9, onTimeRate: 1, returnRate: 0.1),
                                         manual: ["innovation": ManualScore(finalScore: 8)])
        #expect(noTarget.items.map(\.applies) == [true, true, false, true, true])
        #expect(abs(noTarget.scale! - 100.0 / 70) < 1e-12)
        #expect(abs(noTarget.finalTotal - 91.428_571_428_571) < 1e-9)
        #expect(Assessment.rank([unitB, noTarget]).map(\.name) == ["甲局", "乙局"])
        // All items apply: nothing is scaled.
        #expect(unitA.scale == 1 && unitA.items.allSatisfy(\.applies))
        // The office scoring the item makes it apply again, at what it gave.
        let scored = Assessment.assess(key: "a", name: "甲局", scheme: scheme,
                                       measures: UnitMeasures(completionRate: 0.9, onTimeRate: 1, returnRate: 0.1),
                                       manual: ["innovation": ManualScore(finalScore: 8), "targets": ManualScore(finalScore: 15)])
        #expect(scored.scale == 1 && scored.finalTotal == 79)
    }

    @Test func withNothingKnownOnlyManualItemsApply() {
        // 丁局: no records at all. Only 创新工作 (manual, 10 points) applies, unscored: 0.
        let d = Assessment.assess(key: "d", name: "丁局", scheme: scheme, measures: UnitMeasures(), manual: [:])
        #expect(d.items.allSatisfy { $0.computed == nil })
        #expect(d.items.map(\.applies) == [false, false, false, false, true])
        #expect(d.finalTotal == 0)
        #expect(d.selfTotal == nil)
        // A scheme of computed items only, none known: nothing applies, no scale, total 0.
        let computedOnly = AssessmentScheme(items: Array(scheme.items.prefix(4)))
        let none = Assessment.assess(key: "d", name: "丁局", scheme: computedOnly, measures: UnitMeasures(), manual: [:])
        #expect(none.scale == nil && none.finalTotal == 0)
        // Scores outside 0…points are clamped; rates above 1 count as 1. 戊局:
        // 任务完成 30 (rate 1.4 → 1), 退回情况 scored −3 → 0, 创新工作 15 → 10;
        // 报送及时 and 目标达成 do not apply: 40 of 50 points, scaled ×2 = 80.
        let e = Assessment.assess(key: "e", name: "戊局", scheme: scheme, measures: UnitMeasures(completionRate: 1.4),
                                  manual: ["returns": ManualScore(finalScore: -3), "innovation": ManualScore(finalScore: 15)])
        #expect(e.items.map(\.finalScore) == [30, 0, 0, 0, 10])
        #expect(e.items.map(\.applies) == [true, false, false, true, true])
        #expect(e.scale == 2 && e.finalTotal == 80)
    }
}

@Suite struct AssessmentSchemeValidationTests {
    func item(_ id: String, _ name: String, _ points: Double) -> AssessmentItem {
        AssessmentItem(id: id, group: "工作落实", name: name, points: points, measure: .manual)
    }

    @Test func aSchemeWithoutItemsIsRefused() {
        #expect(throws: AssessmentError.noItems) { try AssessmentScheme(items: []).validated() }
    }

    @Test func duplicateIdsAreRefused() {
        let scheme = AssessmentScheme(items: [item("x", "一", 10), item("x", "二", 10)])
        #expect(throws: AssessmentError.duplicateID("x")) { try scheme.validated() }
    }

    @Test func negativeOrNonFinitePointsAreRefused() {
        #expect(throws: AssessmentError.invalidPoints(name: "一")) {
            try AssessmentScheme(items: [item("x", "一", -1)]).validated()
        }
        #expect(throws: AssessmentError.invalidPoints(name: "二")) {
            try AssessmentScheme(items: [item("y", "二", .nan)]).validated()
        }
    }

    @Test func emptyNamesAndIdsAreRefused() {
        #expect(throws: AssessmentError.emptyName(position: 2)) {
            try AssessmentScheme(items: [item("x", "一", 1), item("y", "  ", 1)]).validated()
        }
        #expect(throws: AssessmentError.emptyID(name: "一")) {
            try AssessmentScheme(items: [item("", "一", 1)]).validated()
        }
    }

    @Test func messagesSayWhatToFixInChinese() {
        let message = AssessmentError.duplicateID("returns").localizedDescription
        #expect(message.contains("“returns”重复"))
        #expect(AssessmentError.noItems.errorDescription?.contains("没有考核项") == true)
    }
}
