import Foundation
import Testing
import PlanText
@testable import PlanDomain

/// Stocks (高新技术企业总数) move on from last year's year-end; levels (ratios,
/// stocks without a baseline) are judged as they stand.
@Suite struct StockForecastTests {
    @Test func aStockIsProjectedFromLastYearsYearEnd() {
        // b = 100, target 130, 110 on 30 June 2025 (linear f = 181 / 365):
        // projected 100 + 10 / f = 100 + 10 × 365 / 181 = 120.17 < 130, at risk.
        let seen = observations([("2025-06-30", 110)])
        let f = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen,
                                    accumulation: .stock(baseline: 100))
        #expect(near(f.projected, 100 + 10 * 365 / 181.0))
        #expect(near(f.attainment, (100 + 10 * 365 / 181.0) / 130))
        #expect(f.actual == 110)
        #expect(f.status == .atRisk)
        #expect(f.redSince == day("2025-06-30"))
        // The same 110 taken as a flow would project 110 × 365 / 181 = 221.8, on track: the bug stocks fix.
        let asFlow = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen)
        #expect(asFlow.status == .onTrack)
        // 116 by then: 100 + 16 × 365 / 181 = 132.27, on track.
        let ahead = Forecaster.forecast(target: 130, comparator: .atLeast, observations: observations([("2025-06-30", 116)]),
                                        accumulation: .stock(baseline: 100))
        #expect(near(ahead.projected, 100 + 16 * 365 / 181.0))
        #expect(ahead.status == .onTrack)
    }

    @Test func expectedByADateStartsFromTheBaseline() {
        // 序时应达 on 30 June: flow 130 × 181 / 365; stock 100 + 30 × 181 / 365 = 114.88; level the target.
        let june = day("2025-06-30")
        #expect(near(Forecaster.expected(target: 130, at: june), 130 * 181 / 365.0))
        #expect(near(Forecaster.expected(target: 130, at: june, accumulation: .stock(baseline: 100)),
                     100 + 30 * 181 / 365.0))
        #expect(Forecaster.expected(target: 130, at: june, accumulation: .level) == 130)
        #expect(Forecaster.expected(target: 130, at: day("2025-12-31"), accumulation: .stock(baseline: 100)) == 130)
    }

    @Test func aStocksPacesStartFromTheBaseline() {
        // Equal months, b = 100: 102, 106, 109 at the ends of January to March.
        // Paces 2 ÷ 1/12 = 24, 4 ÷ 1/12 = 48, 3 ÷ 1/12 = 36; mean 36, s² = (144 + 144 + 0) / 2, s = 12.
        // Projected 100 + 9 / 0.25 = 136; sd = 0.75 × 12 / √3 = 5.19615;
        // P(≥ 130) = ½ erfc((130 − 136) / (5.19615 √2)) = 0.875893.
        let seen = observations([("2025-01-31", 102), ("2025-02-28", 106), ("2025-03-31", 109)])
        let f = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen, profile: equalMonths,
                                    accumulation: .stock(baseline: 100))
        #expect(near(f.projected, 136))
        #expect(near(f.probability, 0.875893, within: 1e-6))
        #expect(f.status == .onTrack)
        let path = Forecaster.path(observations: seen, profile: equalMonths, accumulation: .stock(baseline: 100))
        #expect(path.count == 3)
        #expect(zip(path.map(\.projected), [124.0, 136, 136]).allSatisfy { near($0, $1) })
    }

    @Test func aStockThatFallsIsProjectedToFallFurther() {
        // 95 by 31 March from 100 (equal months): 100 − 5 / 0.25 = 80.
        let f = Forecaster.forecast(target: 110, comparator: .atLeast, observations: observations([("2025-03-31", 95)]),
                                    profile: equalMonths, accumulation: .stock(baseline: 100))
        #expect(near(f.projected, 80))
        #expect(f.status == .atRisk)
        // Already at 131 of 130: reached, certain.
        let reached = Forecaster.forecast(target: 130, comparator: .atLeast,
                                          observations: observations([("2025-03-31", 131)]),
                                          accumulation: .stock(baseline: 100))
        #expect(reached.status == .reached)
        #expect(reached.probability == 1)
    }

    @Test func aLevelIsJudgedAsItStands() {
        // R&D intensity 2.6 % in June against 2.5 %: on track (never "reached" before the year is out).
        let up = observations([("2025-03-31", 2.3), ("2025-06-30", 2.6)])
        let f = Forecaster.forecast(target: 2.5, comparator: .atLeast, observations: up, accumulation: .level)
        #expect(f.projected == 2.6)
        #expect(near(f.attainment, 2.6 / 2.5))
        #expect(f.status == .onTrack)
        #expect(f.probability == nil)
        // Falling to 2.3 in June: at risk since June.
        let down = observations([("2025-03-31", 2.6), ("2025-06-30", 2.3), ("2025-05-31", 2.4)])
        let red = Forecaster.forecast(target: 2.5, comparator: .atLeast, observations: down, accumulation: .level)
        #expect(red.status == .atRisk)
        #expect(red.redSince == day("2025-05-31"))
        #expect(Forecaster.path(observations: down, accumulation: .level).map(\.projected) == [2.6, 2.4, 2.3])
        // A ceiling level: 3 against at most 2.5 is at risk, attainment 2.5 / 3.
        let over = Forecaster.forecast(target: 2.5, comparator: .atMost, observations: observations([("2025-06-30", 3)]),
                                       accumulation: .level)
        #expect(over.status == .atRisk)
        #expect(near(over.attainment, 2.5 / 3))
    }

    @Test func aStockWithoutABaselineIsALevel() {
        // 110 of 130 with no year-end known: projected 110, at risk, no probability.
        let hte = definition("hte.total")
        #expect(Accumulation.of(hte, baseline: nil) == .level)
        let f = Forecaster.forecast(target: 130, comparator: .atLeast, observations: observations([("2025-06-30", 110)]),
                                    accumulation: .of(hte, baseline: nil))
        #expect(f.projected == 110)
        #expect(near(f.attainment, 110 / 130.0))
        #expect(f.status == .atRisk)
        #expect(f.probability == nil)
    }

    @Test func accumulationFollowsTheDefinition() {
        #expect(Accumulation.of(definition("hte.total"), baseline: 100) == .stock(baseline: 100))
        #expect(Accumulation.of(definition("platform.total"), baseline: 40) == .stock(baseline: 40))
        #expect(Accumulation.of(definition("hte.total"), baseline: .nan) == .level)
        #expect(Accumulation.of(definition("hte.new"), baseline: 100) == .flow)
        #expect(Accumulation.of(definition("tech_contract.turnover"), baseline: nil) == .flow)
        #expect(Accumulation.of(definition("rd.gdp_share"), baseline: 2.1) == .level)
        #expect(Accumulation.of(definition("rd.growth"), baseline: nil) == .level)
    }
}
