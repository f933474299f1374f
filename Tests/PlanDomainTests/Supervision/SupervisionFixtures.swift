import Foundation
@testable import PlanDomain

/// A civil date from "YYYY-MM-DD"; traps on a typo so a test can't silently use nil.
func day(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// An instant given as Shanghai wall-clock time, "2025-03-28 23:59:59".
func shanghai(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .shanghai
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    guard let date = formatter.date(from: text) else { fatalError("bad test time \(text)") }
    return date
}

/// An instant given in UTC, "2025-03-28T16:30:00Z".
func utc(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad test time \(text)") }
    return date
}

func monthlyCalendar(_ year: Int = 2025, dueDay: Int = 25, graceDays: Int = 3) -> ReportingCalendar {
    try! ReportingCalendar(year: year, kind: .monthly, dueDay: dueDay, graceDays: graceDays)
}

func month(_ m: Int, _ year: Int = 2025) -> ReportingPeriod { .month(m, of: year) }
