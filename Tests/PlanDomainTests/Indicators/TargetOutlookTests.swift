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
