import Foundation
import Testing
@testable import PlanDomain

@Suite struct CivilDateTests {
    @Test func isoRoundTripsAndRejectsImpossibleDays() {
        #expect(CivilDate(iso: "2025-03-25")?.iso == "2025-03-25")
        #expect(CivilDate(iso: "2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        for bad in ["2025-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "2025-00-10", "2025-3-5",
                    "25-03-05", "2025/03/05", "2025-03-05x", "", "２０２５-03-05"] {
            #expect(CivilDate(iso: bad) == nil, "\(bad)")
        }
        #expect(CivilDate(iso: "2000-02-29") != nil)
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CivilDate.isLeap(2024))
        #expect(!CivilDate.isLeap(2025))
        #expect(!CivilDate.isLeap(2100))
        #expect(CivilDate.isLeap(2000))
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 2025) == 28)
        #expect(CivilDate.daysIn(month: 4, year: 2025) == 30)
        #expect(CivilDate.daysIn(month: 12, year: 2025) == 31)
    }

    @Test func aUTCEveningIsTheNextDayInShanghai() {
        #expect(CivilDate(utc("2025-03-28T16:30:00Z")) == day("2025-03-29"))
        #expect(CivilDate(utc("2025-03-28T15:59:59Z")) == day("2025-03-28"))
        #expect(CivilDate(utc("2025-03-28T16:30:00Z"), in: TimeZone(identifier: "UTC")!) == day("2025-03-28"))
    }

    @Test func dayBoundsAreShanghaiMidnights() {
        let d = day("2025-03-28")
        #expect(d.startOfDay() == utc("2025-03-27T16:00:00Z"))
        #expect(d.endOfDay() == utc("2025-03-28T16:00:00Z"))
        #expect(d.contains(shanghai("2025-03-28 23:59:59")))
        #expect(!d.contains(shanghai("2025-03-29 00:00:00")))
        #expect(!d.contains(shanghai("2025-03-27 23:59:59")))
        #expect(d.isOnOrBefore(shanghai("2025-03-28 23:59:59").addingTimeInterval(0.999)))
        #expect(!d.isOnOrBefore(shanghai("2025-03-29 00:00:00")))
        #expect(d.hasEnded(at: shanghai("2025-03-29 00:00:00")))
        #expect(!d.hasEnded(at: shanghai("2025-03-28 23:59:59")))
    }

    /// The arithmetic day bounds agree with Foundation's calendar on every
    /// day of four years, in Shanghai and in a zone that changes its clocks.
    @Test func dayBoundsAgreeWithFoundationsCalendarInEveryZone() throws {
        for zone in [TimeZone.shanghai, try #require(TimeZone(identifier: "Europe/Berlin")), try #require(TimeZone(identifier: "America/New_York"))] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var day = CivilDate(year: 2023, month: 1, day: 1)
            while day.year < 2027 {
                let expected = try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)))
                #expect(day.startOfDay(in: zone) == expected, "\(day) in \(zone.identifier)")
                let noon = expected.addingTimeInterval(12 * 3600)
                #expect(CivilDate(noon, in: zone) == day)
                #expect(CivilDate(expected, in: zone) == day)
                #expect(CivilDate(expected.addingTimeInterval(-0.001), in: zone) == day.adding(days: -1))
                day = day.adding(days: 1)
            }
        }
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(day("2025-12-25").adding(days: 10) == day("2026-01-04"))
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
        #expect(day("2025-03-01").adding(days: -1) == day("2025-02-28"))
        #expect(day("2025-01-01").days(to: day("2026-01-01")) == 365)
        #expect(day("2024-01-01").days(to: day("2025-01-01")) == 366)
        #expect(day("2025-03-10").days(to: day("2025-03-01")) == -9)
    }

    @Test func dayOfYearCountsFromOne() {
        #expect(day("2025-01-01").dayOfYear == 1)
        #expect(day("2024-02-29").dayOfYear == 60)
        #expect(day("2024-12-31").dayOfYear == 366)
        #expect(day("2025-12-31").dayOfYear == 365)
        #expect(day("2024-06-01").daysInYear == 366)
    }

    @Test func ordersByDayAndCodesAsTheISOString() throws {
        #expect(day("2025-03-31") < day("2025-04-01"))
        #expect(day("2024-12-31") < day("2025-01-01"))
        let data = try JSONEncoder().encode([day("2025-03-05")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-03-05\"]")
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [day("2025-03-05")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data("[\"2025-02-30\"]".utf8))
        }
    }
}
