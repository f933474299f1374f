import Testing
@testable import PlanDomain

@Suite struct EvaluationSchemeParameterTests {
    func rule(_ kind: SchemeWords.Rule, _ text: String, points: Double? = nil, isTask: Bool = false) -> ScoringRule? {
        try? RuleParameters.rule(kind, text, points: points, unit: "", isTask: isTask)
    }

    @Test func parametersReadAsOfficesWriteThem() {
        #expect(rule(.proportional, "") == .proportional(cap: 1))
        #expect(rule(.proportional, "封顶 120%") == .proportional(cap: 1.2))
        #expect(rule(.proportional, "１１５％") == .proportional(cap: 1.15))
        #expect(rule(.growth, "最高1.5倍") == .growth(cap: 1.5))
        #expect(rule(.rank, "每降一名减2分，最低得5分") == .rank(step: 2, floor: 5))
        #expect(rule(.rank, "每名次扣0.5分") == .rank(step: 0.5, floor: 0))
        #expect(rule(.benchmark, "基准值90%", isTask: true) == .benchmark(value: 0.9))
        #expect(rule(.benchmark, "2.5") == .benchmark(value: 2.5))
        #expect(rule(.bonus, "每个加0.5分；最高不超过3分") == .bonus(perUnit: 0.5, max: 3))
        #expect(rule(.bonus, "每项加1分", points: 4) == .bonus(perUnit: 1, max: 4))
        #expect(rule(.reached, "越低越好") == .reached(lowerIsBetter: true))
    }

    @Test func unclearParametersAreRefused() {
        #expect(rule(.proportional, "不封顶") == nil)
        #expect(rule(.rank, "最低5分") == nil)
        #expect(rule(.best, "封顶120%") == nil)
        #expect(rule(.bonus, "每项加1分") == nil)
        #expect(rule(.benchmark, "约2.5") == nil)
        #expect(rule(.reached, "较好") == nil)
    }

    @Test func percentagesMoveTheDecimalPointWithoutRounding() {
        #expect(DecimalText.percent(1.15) == "115")
        #expect(DecimalText.percent(1.255) == "125.5")
        #expect(DecimalText.percent(0.05) == "5")
        #expect(DecimalText.ratio("115") == 1.15)
        #expect(DecimalText.ratio("5") == 0.05)
        #expect(DecimalText.ratio("125.5") == 1.255)
    }
}
