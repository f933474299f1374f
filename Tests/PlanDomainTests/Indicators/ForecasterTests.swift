import Testing
import PlanText
@testable import PlanDomain

/// Twelve equal months: each month end is a whole twelfth of the year, which
/// keeps the hand arithmetic exact.
let equalMonths = ExpectationProfile.seasonal(Array(repeating: 1, count: 12))

func observations(_ pairs: [(String, Double)]) -> [Observation] {
    pairs.map { Observation(date: day($0.0), value: $0.1) }
}

@Suite struct ForecasterTests {
    @Test func linearProjectionDividesByTheShareOfTheYearGone() throws {
        // 30 by 31 March 2025: f = 90 / 365, projected 30 × 365 / 90 = 121.67 against 100.
        let f = Forecaster.forecast(target: 100, comparator: .atLeast,
                                    observations: observations([("2025-03-31", 30)]))
        #expect(near(f.projected, 30 * 365 / 90.0))
        #expect(near(f.attainment, 30 * 365 / 90.0 / 100))
        #expect(f.status == .onTrack)
        #expect(f.asOf == day("2025-03-31"))
        #expect(f.actual == 30)
        #expect(f.probability == nil)
        #expect(f.redSince == nil)
    }

    @Test func seasonalProjectionUsesLastYearsShares() {
        // Shares 1 × 11 and 13 for December (sum 24): by 30 June f = 6 / 24 = 0.25, so 30 → 120.
        // Linearly the same 30 would be 30 × 365 / 181 = 60.5, at risk.
        let december = ExpectationProfile.seasonal(Array(repeating: 1, count: 11) + [13])
        let seen = observations([("2025-06-30", 30)])
        let seasonal = Forecaster.forecast(target: 100, comparator: .atLeast, observations: seen, profile: december)
        #expect(near(seasonal.projected, 120))
        #expect(seasonal.status == .onTrack)
        let linear = Forecaster.forecast(target: 100, comparator: .atLeast, observations: seen)
        #expect(near(linear.projected, 30 * 365 / 181.0))
        #expect(linear.status == .atRisk)
    }

    @Test func aTargetAlreadyMetIsReached() {
        let f = Forecaster.forecast(target: 50, comparator: .atLeast, observations: observations([("2025-09-30", 55)]))
        #expect(f.status == .reached)
        #expect(f.status.title == "已完成")
        #expect(f.probability == 1)
        // 突破 50 needs more than 50: 50 by 30 September (f = 273 / 365) projects 66.8, on track.
        let exactly = Forecaster.forecast(target: 50, comparator: .greaterThan,
                                          observations: observations([("2025-09-30", 50)]))
        #expect(exactly.status == .onTrack)
    }

    @Test func aCeilingIsAtRiskWhenTheProjectionExceedsIt() {
        // 3 by 31 March projects 3 × 365 / 90 = 12.17 over a ceiling of 10: attainment 10 / 12.17 = 0.82.
        let over = Forecaster.forecast(target: 10, comparator: .atMost, observations: observations([("2025-03-31", 3)]))
        #expect(over.status == .atRisk)
        #expect(near(over.attainment, 10 / (3 * 365 / 90.0)))
        #expect(over.redSince == day("2025-03-31"))
        // 2 projects 8.11: under the ceiling, never "reached" before the year is out.
        let under = Forecaster.forecast(target: 10, comparator: .atMost, observations: observations([("2025-03-31", 2)]))
        #expect(under.status == .onTrack)
        #expect(near(under.attainment, 10 / (2 * 365 / 90.0)))
    }

    @Test func probabilityWithThreeObservations() {
        // Month ends with equal months: f = 1/12, 2/12, 3/12; values 10, 18, 30.
        // Paces: 10 ÷ 1/12 = 120, 8 ÷ 1/12 = 96, 12 ÷ 1/12 = 144; mean 120;
        // s² = (0² + 24² + 24²) / 2 = 576, s = 24. Projected 30 / 0.25 = 120.
        // sd = (1 − 0.25) × 24 / √3 = 10.3923. P(≥ 130) = ½ erfc(10 / (10.3923 √2)) = 0.167962.
        let seen = observations([("2025-01-31", 10), ("2025-02-28", 18), ("2025-03-31", 30)])
        let f = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(near(f.projected, 120))
        #expect(near(f.probability, 0.167962, within: 1e-6))
        #expect(f.status == .atRisk)
        // The same spread seen from a ceiling of 110: P(≤ 110) is the mirror image, 0.167962.
        let ceiling = Forecaster.forecast(target: 110, comparator: .atMost, observations: seen, profile: equalMonths)
        #expect(near(ceiling.probability, 0.167962, within: 1e-6))
        // Two observations are not enough.
        let two = Forecaster.forecast(target: 130, comparator: .atLeast, observations: Array(seen.prefix(2)),
                                      profile: equalMonths)
        #expect(two.probability == nil)
    }

    @Test func probabilityWithFourObservations() {
        // Add 42 by 30 April: paces 120, 96, 144, 144; mean 126;
        // s² = (6² + 30² + 18² + 18²) / 3 = 1584 / 3 = 528, s = 22.9783. Projected 42 / (4/12) = 126.
        // sd = (1 − 4/12) × 22.9783 / √4 = 7.65942. P(≥ 130) = ½ erfc(4 / (7.65942 √2)) = 0.300754.
        let seen = observations([("2025-01-31", 10), ("2025-02-28", 18), ("2025-03-31", 30), ("2025-04-30", 42)])
        let f = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(near(f.projected, 126))
        #expect(near(f.probability, 0.300754, within: 1e-6))
    }

    @Test func anEvenPaceIsCertain() {
        // Paces 120, 120, 120: s = 0, so the projection 120 is taken as the year end.
        let seen = observations([("2025-01-31", 10), ("2025-02-28", 20), ("2025-03-31", 30)])
        let above = Forecaster.forecast(target: 100, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(above.probability == 1)
        let below = Forecaster.forecast(target: 130, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(below.probability == 0)
    }

    @Test func redSinceIsTheFirstOfTheRedRunThatLastsUntilNow() {
        // Target 100, equal months: 10 → 120 green, 15 → 90 red, 22 → 88 red, 36 → 108 green.
        let seen = observations([("2025-01-31", 10), ("2025-02-28", 15), ("2025-03-31", 22), ("2025-04-30", 36)])
        let red = Forecaster.forecast(target: 100, comparator: .atLeast, observations: Array(seen.prefix(3)),
                                      profile: equalMonths)
        #expect(red.status == .atRisk)
        #expect(red.redSince == day("2025-02-28"))
        let green = Forecaster.forecast(target: 100, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(green.status == .onTrack)
        #expect(green.redSince == nil)
        // Red again on 31 May (40 → 96): the run starts anew.
        let again = Forecaster.forecast(target: 100, comparator: .atLeast,
                                        observations: seen + observations([("2025-05-31", 40)]), profile: equalMonths)
        #expect(again.redSince == day("2025-05-31"))
    }

    @Test func theTwentyNinthOfFebruary2024() {
        // Linear: day 60 of 366, 12 → 12 × 366 / 60 = 73.2. Equal months: f = 2/12, 12 → 72.
        let seen = observations([("2024-02-29", 12)])
        let linear = Forecaster.forecast(target: 80, comparator: .atLeast, observations: seen)
        #expect(near(linear.projected, 73.2))
        #expect(linear.status == .atRisk)
        let seasonal = Forecaster.forecast(target: 80, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(near(seasonal.projected, 72))
    }

    @Test func observationsAreSortedAndTheLaterOneOnADateWins() {
        let seen = observations([("2025-03-31", 25), ("2025-01-31", 10), ("2025-03-31", 30), ("2025-02-28", 18)])
        let f = Forecaster.forecast(target: 100, comparator: .atLeast, observations: seen, profile: equalMonths)
        #expect(f.actual == 30)
        #expect(f.asOf == day("2025-03-31"))
        let path = Forecaster.path(observations: seen, profile: equalMonths)
        #expect(path.map(\.date) == [day("2025-01-31"), day("2025-02-28"), day("2025-03-31")])
        #expect(path.map(\.projected) == [120, 108, 120])
    }

    @Test func nothingObservedIsUnknown() {
        let f = Forecaster.forecast(target: 100, comparator: .atLeast, observations: [])
        #expect(f.status == .unknown)
        #expect(f.projected == nil)
        #expect(f.status.title == "数据不足")
        // Nothing expected yet (no January share): no projection either.
        let lateStart = ExpectationProfile.seasonal([0] + Array(repeating: 1, count: 11))
        let january = Forecaster.forecast(target: 100, comparator: .atLeast,
                                          observations: observations([("2025-01-20", 5)]), profile: lateStart)
        #expect(january.status == .unknown)
        #expect(Forecaster.path(observations: observations([("2025-01-20", 5)]), profile: lateStart).isEmpty)
    }
}
