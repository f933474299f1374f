import Foundation
import Testing
@testable import PlanDomain

@Suite struct ReportingPeriodTests {
    @Test func keysForEachKindAndBack() {
        let cases: [(ReportingPeriod, String)] = [
            (.month(3, of: 2025), "2025-03"), (.month(12, of: 2025), "2025-12"),
            (.quarter(1, of: 2025), "2025-Q1"), (.half(2, of: 2025), "2025-H2"),
        ]
        for (period, key) in cases {
            #expect(period.key == key)
            #expect(ReportingPeriod(key: key) == period)
        }
    }

    @Test func malformedKeysAreRejected() {
        for bad in ["2025-13", "2025-00", "2025-3", "2025-Q5", "2025-Q0", "2025-H3", "2025-Q01", "2025-q1",
                    "25-03", "2025", "2025-03-01", "abcd-03", "", "2025-", "2025-Q", "0000-01"] {
            #expect(ReportingPeriod(key: bad) == nil, "\(bad)")
        }
    }

    @Test func daysTitlesAndLastMonth() {
        let q1 = ReportingPeriod.quarter(1, of: 2025)
        #expect(q1.firstDay == day("2025-01-01"))
        #expect(q1.lastDay == day("2025-03-31"))
        #expect(q1.lastMonth == 3)
        #expect(q1.title == "2025年第一季度")
        #expect(ReportingPeriod.quarter(4, of: 2025).title == "2025年第四季度")
        #expect(ReportingPeriod.half(1, of: 2025).title == "2025年上半年")
        #expect(ReportingPeriod.half(2, of: 2025).title == "2025年下半年")
        #expect(ReportingPeriod.half(1, of: 2025).lastMonth == 6)
        #expect(month(3).title == "2025年3月")
        #expect(month(2, 2024).lastDay == day("2024-02-29"))
        #expect(month(2, 2025).lastDay == day("2025-02-28"))
    }

    @Test func nextAndPreviousCrossYears() {
        #expect(month(12).next == month(1, 2026))
        #expect(month(1).previous == month(12, 2024))
        #expect(ReportingPeriod.quarter(4, of: 2025).next == .quarter(1, of: 2026))
        #expect(ReportingPeriod.half(1, of: 2025).previous == .half(2, of: 2024))
        #expect(month(5).next == month(6))
    }

    @Test func containingFindsThePeriodOfADay() {
        #expect(ReportingPeriod(kind: .quarterly, containing: day("2025-05-31")) == .quarter(2, of: 2025))
        #expect(ReportingPeriod(kind: .halfYearly, containing: day("2025-07-01")) == .half(2, of: 2025))
        #expect(ReportingPeriod(kind: .monthly, containing: day("2024-02-29")) == month(2, 2024))
    }

    @Test func ordersByYearThenIndex() {
        #expect(month(12, 2024) < month(1))
        #expect(month(2) < month(10))
        #expect([month(10), month(2), month(12, 2024)].sorted() == [month(12, 2024), month(2), month(10)])
        // Across kinds the order is still total: Q1 ends with March but started earlier.
        #expect(ReportingPeriod.quarter(1, of: 2025) < month(3))
        #expect(month(2) < .quarter(1, of: 2025))
    }

    @Test func codesAsTheKey() throws {
        let data = try JSONEncoder().encode([ReportingPeriod.quarter(3, of: 2025)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-Q3\"]")
        #expect(try JSONDecoder().decode([ReportingPeriod].self, from: data) == [.quarter(3, of: 2025)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ReportingPeriod].self, from: Data("[\"2025-13\"]".utf8))
        }
    }

    @Test func kindTitlesAndCounts() {
        #expect(PeriodKind.monthly.title == "按月")
        #expect(PeriodKind.quarterly.title == "按季度")
        #expect(PeriodKind.halfYearly.title == "按半年")
        #expect(PeriodKind.allCases.map(\.periodsPerYear) == [12, 4, 2])
    }
}
