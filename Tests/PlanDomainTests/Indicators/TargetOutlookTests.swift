import Testing
@testable import PlanDomain

@Suite struct TargetOutlookTests {
    @Test func aFinishedYearNotReachedIsMissedWhateverTheForecast() {
        // 广水 2022: 39.6 of 突破40 at the year end is 未达成.
        #expect(TargetOutlook.willBeMissed(health: .missed, forecast: .onTrack))
        #expect(TargetOutlook.willBeMissed(health: .missed, forecast: .unknown))
    }

    @Test func aReachedTargetIsNeverMissed() {
        #expect(!TargetOutlook.willBeMissed(health: .completed, forecast: .atRisk))
    }

    @Test func anOpenTargetIsMissedOnlyWhenItsForecastFallsShort() {
        #expect(TargetOutlook.willBeMissed(health: .onTrack, forecast: .atRisk))
        #expect(TargetOutlook.willBeMissed(health: .behind, forecast: .atRisk))
        #expect(!TargetOutlook.willBeMissed(health: .atRisk, forecast: .onTrack))
        #expect(!TargetOutlook.willBeMissed(health: .noData, forecast: .unknown))
    }
}

@Suite struct FinalOutlookTests {
    @Test func aFinishedYearForecastsNothingBeyondItsLastFigure() {
        // 广水 2022: 高新技术企业总数 40 against 突破40, year over: not 43.7 projected from November.
        let f = TargetOutlook.final(actual: 40, target: 40, health: .missed, asOf: CivilDate(year: 2022, month: 11, day: 30))
        #expect(f.projected == 40 && f.attainment == 1 && f.status == .atRisk)
        let reached = TargetOutlook.final(actual: 13, target: 12, health: .completed, asOf: nil)
        #expect(reached.projected == 13 && reached.status == .reached)
        #expect(reached.attainment.map { abs($0 - 13.0 / 12.0) < 1e-12 } == true)
        #expect(TargetOutlook.final(actual: nil, target: 12, health: .missed, asOf: nil).status == .unknown)
    }
}
