import Testing
@testable import PlanDomain

@Suite struct EvaluationTests {
    /// Item a (60 points): 广水 2.0, 随县 1.5, 曾都 3.0 — best 3.0: 40, 30, 60.
    /// Item b (40 points): 广水 10, 随县 20, 曾都 none — best 20: 20, 40, 0.
    /// Totals: 广水 60, 随县 70, 曾都 60.
    let results = Evaluation.evaluate(
        items: [EvaluationItem(code: "a", weight: 60), EvaluationItem(code: "b", weight: 40)],
        places: [
            (code: "421381", name: "广水市", values: ["a": 2.0, "b": 10]),
            (code: "421321", name: "随县", values: ["a": 1.5, "b": 20]),
            (code: "421303", name: "曾都区", values: ["a": 3.0]),
        ])

    @Test func theBestValueScoresTheFullWeightAndOthersInProportion() {
        let byCode = Dictionary(uniqueKeysWithValues: results.map { ($0.code, $0) })
        #expect(byCode["421381"]?.points == ["a": 40, "b": 20])
        #expect(byCode["421321"]?.points == ["a": 30, "b": 40])
        #expect(byCode["421303"]?.points == ["a": 60, "b": 0])
        #expect(byCode["421303"]?.values == ["a": 3.0])
    }

    @Test func placesAreRankedByTotalWithTiesSharing() {
        // 随县 70 first; 广水 and 曾都 60 share second (广 sorts before 曾), so no third.
        #expect(results.map(\.name) == ["随县", "广水市", "曾都区"])
        #expect(results.map(\.total) == [70, 60, 60])
        #expect(results.map(\.rank) == [1, 2, 2])
    }

    @Test func nobodyScoresWhenTheBestIsNotPositive() {
        let results = Evaluation.evaluate(
            items: [EvaluationItem(code: "a", weight: 10)],
            places: [(code: "x", name: "甲", values: ["a": 0]), (code: "y", name: "乙", values: ["a": -2])])
        #expect(results.map(\.total) == [0, 0])
        #expect(results.map(\.rank) == [1, 1])
    }

    @Test func aNegativeValueScoresZeroNotBelow() {
        let results = Evaluation.evaluate(
            items: [EvaluationItem(code: "g", weight: 10)],
            places: [(code: "x", name: "甲", values: ["g": 5]), (code: "y", name: "乙", values: ["g": -5])])
        #expect(results.map(\.total) == [10, 0])
    }

    @Test func theSuizhouItemsScoreRealRatios() {
        // R&D institution coverage 60 % vs 40 %, R&D intensity 2 % vs 2.5 %, everything else equal (1):
        // 甲 15 + 20 × 2 / 2.5 + 65 = 96; 乙 15 × 40 / 60 + 20 + 65 = 95.
        let items = IndicatorDefaults.evaluationItems
        var first = Dictionary(uniqueKeysWithValues: items.map { ($0.code, 1.0) })
        var second = first
        first["rd_institution.coverage"] = 60
        first["rd.gdp_share"] = 2
        second["rd_institution.coverage"] = 40
        second["rd.gdp_share"] = 2.5
        let results = Evaluation.evaluate(items: items, places: [
            (code: "x", name: "甲", values: first), (code: "y", name: "乙", values: second),
        ])
        #expect(results.map(\.code) == ["x", "y"])
        #expect(near(results.first?.total, 96))
        #expect(near(results.last?.total, 95))
    }
}
