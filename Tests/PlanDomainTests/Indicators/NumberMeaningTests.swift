import PlanDomain
import Testing

/// docs/numbers.md, worked by hand.
@Suite struct NumberMeaningTests {
    @Test func completionRateIsActualOverTarget() {
        // 指标总览 showed 108.2 % (the projection) and 地区对比 99 % for 59.4 of 60.
        #expect(CompletionRate.of(actual: 59.4, target: 60) == 0.99)
        #expect(CompletionRate.of(actual: nil, target: 60) == nil)
        #expect(CompletionRate.of(actual: 3, target: 0) == nil)
        #expect(CompletionRate.of(actual: 3, target: nil) == nil)
    }

    @Test func countsAreWholeNumbers() {
        #expect(CountUnit.shown(277.2, unit: "家") == 277)
        #expect(CountUnit.shown(9.5, unit: "项") == 10)
        #expect(CountUnit.shown(2.45, unit: "%") == 2.45)
        #expect(CountUnit.shown(55.3, unit: "亿元") == 55.3)
        #expect(CountUnit.isCount(" 人 ") && !CountUnit.isCount("万元"))
    }
}
