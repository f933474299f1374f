import Testing
@testable import PlanDomain

@Suite struct OpeningPeriodTests {
    let march = ReportingPeriod(key: "2025-03")!
    let may = ReportingPeriod(key: "2025-05")!
    let december2022 = ReportingPeriod(key: "2022-12")!
    let november2022 = ReportingPeriod(key: "2022-11")!

    @Test func thePeriodBeingCollectedComesFirst() {
        #expect(OpeningPeriod.choose(collecting: may, returned: [march], missing: [march]) == may)
    }

    /// 广水 2022 seen in 2025: no period collected, a report of December returned.
    @Test func aFinishedYearOpensOnTheLatestWorkStillOwed() {
        #expect(OpeningPeriod.choose(collecting: nil, returned: [december2022], missing: [november2022]) == december2022)
        #expect(OpeningPeriod.choose(collecting: nil, returned: [], missing: [november2022]) == november2022)
    }

    @Test func nothingOwedNothingToOpen() {
        #expect(OpeningPeriod.choose(collecting: nil, returned: [], missing: []) == nil)
    }
}
