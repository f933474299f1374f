import Testing
@testable import PlanDomain

/// Rules at their edges, on small schemes built in code.
@Suite struct EvaluationSchemeRuleEdgeTests {
    func scheme(_ rule: ScoringRule, points: Double = 10) -> EvaluationScheme {
        EvaluationScheme(name: "测试", items: [SchemeItem(key: "1", name: "项目", source: .manual, points: points, rule: rule)])
    }

    func places(_ inputs: [ItemInput]) -> [PlaceInputs] {
        ["甲", "乙", "丙", "丁"].prefix(inputs.count).enumerated().map { index, name in
            PlaceInputs(code: "\(index)", name: name, inputs: ["1": inputs[index]])
        }
    }

    @Test func equalValuesShareTheBetterRank() {
        // 5, 5, 3: ranks 1, 1, 3 → 10, 10, 10 − 2×2 = 6; the place without a value is not ranked.
        let results = scheme(.rank(step: 2, floor: 0))
            .score(places([ItemInput(value: 5), ItemInput(value: 5), ItemInput(value: 3), ItemInput()]))
        // Equal totals go by name: 乙 (U+4E59) before 甲 (U+7532).
        #expect(results.map(\.name) == ["乙", "甲", "丙", "丁"])
        #expect(results.map(\.total) == [10, 10, 6, 0])
        #expect(results.map(\.rank) == [1, 1, 3, 4])
        #expect(results[0].items[0].explanation == "实际 5，排名第 1（并列），得满分 10 分")
        #expect(results[2].items[0].explanation == "实际 3，排名第 3，10 分 − 2 × 2 分 = 6.00 分")
        #expect(results[3].items[0].explanation == "无数据，不参与排名，得 0 分")
    }

    @Test func equalTotalsShareARankAndSortByName() {
        // 乙 and 甲 both reach their target: 10 each, rank 1, 1, in name order (乙 U+4E59 before 甲 U+7532).
        let results = scheme(.reached(lowerIsBetter: false))
            .score(places([ItemInput(value: 3, target: 2), ItemInput(value: 2, target: 2), ItemInput(value: 1, target: 2)]))
        #expect(results.map(\.name) == ["乙", "甲", "丙"])
        #expect(results.map(\.rank) == [1, 1, 3])
    }

    @Test func growthWithoutGrowthOrLastYearScoresNothing() {
        // 甲 +25% is the best growth → 10; 乙 −10% → 0; 丙 has no last year; 丁 last year 0.
        let results = scheme(.growth(cap: 1.2)).score(places([
            ItemInput(value: 125, lastYear: 100), ItemInput(value: 90, lastYear: 100), ItemInput(value: 5),
            ItemInput(value: 5, lastYear: 0),
        ]))
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0.items[0]) })
        #expect(byName["甲"]?.points == 10)
        #expect(byName["甲"]?.explanation == "本年 125、上年 100，增幅 25%，为各地最高，得满分 10 分")
        #expect(byName["乙"]?.explanation == "本年 90、上年 100，增幅 -10%，未增长，得 0 分")
        #expect(byName["丙"]?.explanation == "无上年数据，无法计算增幅，得 0 分")
        #expect(byName["丁"]?.explanation == "上年 0 不为正，无法计算增幅，得 0 分")
        #expect(results.map(\.total) == [10, 0, 0, 0])
    }

    @Test func bestScoresNobodyWhenTheBestIsNotPositive() {
        let results = scheme(.best).score(places([ItemInput(value: 0), ItemInput(value: -2)]))
        #expect(results.map(\.total) == [0, 0])
        #expect(results[0].items[0].explanation == "各地最高值 0 不为正，得 0 分")
    }

    @Test func proportionalWithoutAPositiveTargetScoresNothing() {
        // 甲 target 0; 乙 6 of 8 → 75% → 7.5 points (no cap given means 100%).
        let results = scheme(.proportional(cap: 1)).score(places([ItemInput(value: 5, target: 0), ItemInput(value: 6, target: 8)]))
        #expect(results.map(\.name) == ["乙", "甲"])
        #expect(results.map(\.total) == [7.5, 0])
        #expect(results[1].items[0].explanation == "目标值 0 不为正，得 0 分")
    }

    @Test func aDeductionWithinItsCapTakesItAllOff() {
        // 2 × 1.5 = 3 ≤ 5: total −3.
        let results = scheme(.deduction(perUnit: 1.5, max: 5), points: 0).score(places([ItemInput(value: 2)]))
        #expect(results[0].total == -3)
        #expect(results[0].deduction == 3)
        #expect(results[0].items[0].explanation == "减分项：2 × 1.5 分 = 3.00 分，从总分中扣除")
    }
}
