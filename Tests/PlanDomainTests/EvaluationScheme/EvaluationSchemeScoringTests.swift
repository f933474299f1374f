import Foundation
import Testing
@testable import PlanDomain

/// The province scheme of `provinceSchemeSheet`, imported, then scored at three
/// places. Every number below was worked by hand.
@Suite struct EvaluationSchemeScoringTests {
    let scheme: EvaluationScheme
    let results: [PlaceScore]

    init() throws {
        scheme = try EvaluationSchemeWorkbook.read(try provinceSchemeSheet())
        results = scheme.score(provincePlaces)
    }

    func place(_ name: String) -> PlaceScore? { results.first { $0.name == name } }

    @Test func theSheetGivesEveryRuleKindWithItsParameters() {
        #expect(scheme.name == "某省2025年度市县科技创新综合考评方案")
        #expect(scheme.items.map(\.key) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(scheme.items.map(\.rule) == [
            .best, .proportional(cap: 1.2), .growth(cap: 1.2), .reached(lowerIsBetter: false),
            .rank(step: 3, floor: 5), .benchmark(value: 0.9), .reached(lowerIsBetter: true),
            .bonus(perUnit: 1, max: 5), .deduction(perUnit: 2, max: 6),
        ])
        #expect(scheme.items[5].source == .taskGroup(key: "二/（一）"))
        #expect(scheme.items[6].source == .manual)
        #expect(scheme.items[8].source == .manual)
        // Units come from the catalogue when the sheet has no 单位 column.
        #expect(scheme.items.map(\.unit) == ["%", "家", "亿元", "%", "家", "", "", "", ""])
        #expect(scheme.items[0].note == "统计部门年报")
        // 20 + 15 + 10 + 15 + 10 + 15 + 15; the bonus and deduction items are outside it.
        #expect(scheme.basePoints == 100)
    }

    @Test func eachPlaceEarnsTheHandWorkedPointsPerItem() {
        // 1 best (20): best 3.0 → 曾都 20×2.1/3 = 14, 广水 20, 随县 20×1.5/3 = 10.
        // 2 proportional cap 1.2 (15): 曾都 130/100 = 1.3 → 1.2 → 18; 广水 45/60 = 0.75 → 11.25; 随县 no target → 0.
        // 3 growth cap 1.2 (10): 曾都 (12−10)/10 = 20% vs target 16% → 1.25 → 1.2 → 12;
        //   广水 (9−8)/8 = 12.5% and 随县 (5.5−5)/5 = 10% have no target: against the best growth 20% →
        //   10×12.5/20 = 6.25 and 10×10/20 = 5.
        // 4 reached (15): 曾都 37.8 ≥ 35 → 15; 广水 40 < 50 → 0; 随县 no value → 0.
        // 5 rank step 3 floor 5 (10): 广水 150 first → 10; 曾都 120 second → 10 − 3 = 7; 随县 80 third → 4 → floor 5.
        // 6 benchmark 0.9 (15): 曾都 0.95 ≥ 0.9 → 15; 广水 15×0.81/0.9 = 13.5; 随县 15×0.6/0.9 = 10.
        // 7 reached, lower is better (15): 曾都 12 > 10 → 0; 广水 8 ≤ 10 → 15; 随县 10 ≤ 10 → 15.
        // 8 bonus 1 per unit, max 5: 曾都 3 → 3; 广水 7 → 5; 随县 none → 0.
        // 9 deduction 2 per unit, max 6: 曾都 none → 0; 广水 1 → −2; 随县 4 → 8 → −6.
        let expected: [String: [Double]] = [
            "曾都区": [14, 18, 12, 15, 7, 15, 0, 3, 0],
            "广水市": [20, 11.25, 6.25, 0, 10, 13.5, 15, 5, -2],
            "随县": [10, 0, 5, 0, 5, 10, 15, 0, -6],
        ]
        for (name, points) in expected {
            let got = place(name)?.items.map(\.points) ?? []
            #expect(got.count == points.count, "\(name)")
            for (index, value) in points.enumerated() where index < got.count {
                #expect(schemeNear(got[index], value), "\(name) item \(index + 1): \(got[index]) ≠ \(value)")
            }
        }
    }

    @Test func totalsAddBonusAndTakeOffDeductionsThenRank() {
        // 曾都 base 14+18+12+15+7+15+0 = 81, +3 → 84; 广水 20+11.25+6.25+0+10+13.5+15 = 76, +5 −2 → 79;
        // 随县 10+0+5+0+5+10+15 = 45, −6 → 39.
        #expect(results.map(\.name) == ["曾都区", "广水市", "随县"])
        #expect(results.map(\.rank) == [1, 2, 3])
        #expect(zip(results.map(\.base), [81.0, 76, 45]).allSatisfy(schemeNear))
        #expect(results.map(\.bonus) == [3, 5, 0])
        #expect(results.map(\.deduction) == [0, 2, 6])
        #expect(zip(results.map(\.total), [84.0, 79, 39]).allSatisfy(schemeNear))
    }

    @Test func everyScoreIsExplainedInWords() {
        func text(_ name: String, _ key: String) -> String? { place(name)?.score(of: key)?.explanation }
        #expect(text("曾都区", "1") == "实际 2.1% ÷ 最高 3% × 20 分 = 14.00 分")
        #expect(text("广水市", "1") == "实际 3% 为各地最高，得满分 20 分")
        #expect(text("曾都区", "2") == "实际 130家 ÷ 目标 100家 = 130%，超过封顶 120%，按 120% 计，× 15 分 = 18.00 分")
        #expect(text("广水市", "2") == "实际 45家 ÷ 目标 60家 = 75%，× 15 分 = 11.25 分")
        #expect(text("随县", "2") == "无目标值，得 0 分")
        #expect(text("曾都区", "3") == "本年 12亿元、上年 10亿元，增幅 20%；20% ÷ 目标增幅 16% = 125%，超过封顶 120%，"
            + "按 120% 计，× 10 分 = 12.00 分")
        #expect(text("广水市", "3") == "本年 9亿元、上年 8亿元，增幅 12.5% ÷ 最高增幅 20% × 10 分 = 6.25 分")
        #expect(text("曾都区", "4") == "达到目标 35%（实际 37.8%），得满分 15 分")
        #expect(text("广水市", "4") == "未达到目标 50%（实际 40%），得 0 分")
        #expect(text("随县", "4") == "无数据，得 0 分")
        #expect(text("广水市", "5") == "实际 150家，排名第 1，得满分 10 分")
        #expect(text("随县", "5") == "实际 80家，排名第 3，10 分 − 2 × 3 分 = 4.00 分，低于最低 5 分，得 5.00 分")
        #expect(text("曾都区", "6") == "实际 95% 达到基准值 90%，得满分 15 分")
        #expect(text("广水市", "6") == "实际 81% ÷ 基准值 90% × 15 分 = 13.50 分")
        #expect(text("曾都区", "7") == "高于目标 10（实际 12），得 0 分")
        #expect(text("广水市", "7") == "不高于目标 10（实际 8），得满分 15 分")
        #expect(text("曾都区", "8") == "加分项：3 × 1 分 = 3.00 分，在基本分之外加入总分")
        #expect(text("广水市", "8") == "加分项：7 × 1 分 = 7.00 分，超过上限 5 分，按 5.00 分在基本分之外加入总分")
        #expect(text("随县", "8") == "加分项：无数据，不加分")
        #expect(text("随县", "9") == "减分项：4 × 2 分 = 8.00 分，超过上限 6 分，按 6.00 分从总分中扣除")
    }
}
