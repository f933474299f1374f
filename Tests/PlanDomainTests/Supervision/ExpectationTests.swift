import Foundation
import Testing
@testable import PlanDomain

@Suite struct ExpectationTests {
    @Test func linearCountsTheDayItself() {
        #expect(fractionOfYear(at: day("2025-01-01"), profile: .linear) == 1.0 / 365)
        #expect(fractionOfYear(at: day("2025-12-31"), profile: .linear) == 1.0)
        #expect(fractionOfYear(at: day("2024-02-29"), profile: .linear) == 60.0 / 366)
        #expect(fractionOfYear(at: day("2024-12-31"), profile: .linear) == 1.0)
    }

    @Test func seasonalAddsFinishedMonthsAndPartOfTheCurrentOne() {
        // Last year's amounts: nothing until June, then equal amounts.
        let shares: [Double] = [0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10]
        let profile = ExpectationProfile.seasonal(shares)
        #expect(fractionOfYear(at: day("2025-05-31"), profile: profile) == 0)
        #expect(abs(fractionOfYear(at: day("2025-06-15"), profile: profile) - (1.0 / 7) * 15 / 30) < 1e-12)
        #expect(abs(fractionOfYear(at: day("2025-07-31"), profile: profile) - 2.0 / 7) < 1e-12)
        #expect(abs(fractionOfYear(at: day("2025-12-31"), profile: profile) - 1) < 1e-12)
    }

    @Test func seasonalUsesFebruarysRealLength() {
        let profile = ExpectationProfile.seasonal([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(fractionOfYear(at: day("2024-02-29"), profile: profile) == 0.5)
        #expect(fractionOfYear(at: day("2025-02-28"), profile: profile) == 0.5)
        #expect(fractionOfYear(at: day("2024-02-14"), profile: profile) == 0.5 * 14 / 29)
    }

    @Test func anUnusableProfileFallsBackToLinearAndFailsValidation() throws {
        let bad: [ExpectationProfile] = [
            .seasonal([1, 2, 3]), .seasonal(Array(repeating: 0, count: 12)),
            .seasonal([-1] + Array(repeating: 1, count: 11)), .seasonal([.nan] + Array(repeating: 1, count: 11)),
        ]
        for profile in bad {
            #expect(fractionOfYear(at: day("2025-07-01"), profile: profile) == 182.0 / 365)
            #expect(throws: SupervisionError.self) { try profile.validated() }
        }
        let good = ExpectationProfile.seasonal(Array(repeating: 3, count: 12))
        #expect(try good.validated() == good)
        #expect(try ExpectationProfile.linear.validated() == .linear)
    }

    @Test func codesWithAKindTag() throws {
        let profile = ExpectationProfile.seasonal(Array(repeating: 1, count: 12))
        let text = String(decoding: try JSONEncoder().encode(ExpectationProfile.linear), as: UTF8.self)
        #expect(text == #"{"kind":"linear"}"#)
        #expect(try JSONDecoder().decode(ExpectationProfile.self, from: JSONEncoder().encode(profile)) == profile)
    }
}
