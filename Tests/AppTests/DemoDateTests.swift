@testable import App
import Foundation
import PlanDomain
import Testing

/// Issue 14: the demo at any real date shows reminders, chasing and notices
/// to try. Checked for every day of a year (and a leap year) without a
/// server: the demo's business date and calendar put a report due within
/// the reminder window (three days before the due date up to the deadline),
/// and a period of this year past its deadline by at least the one day
/// chasing waits for.
@Suite struct DemoDateTests {
    @Test(arguments: [2026, 2028])
    func everyRealDateGivesSomethingToRemindAndToChase(realYear: Int) throws {
        var day = CivilDate(year: realYear, month: 1, day: 1)
        while day.year == realYear {
            let today = DemoReports.demoDay(newestYear: 2025, real: day)
            #expect(today.year == 2025 && today.month >= 2, "\(day.iso) → \(today.iso)")
            let calendar = try DemoReports.calendarSettings(on: today).calendar(year: 2025)
            let current = try #require(calendar.currentPeriod(on: today), "\(today.iso): no period being collected")
            let due = calendar.dueDate(for: current)
            #expect(due.adding(days: -3) <= today && today <= calendar.deadline(for: current), "\(today.iso): due \(due.iso)")
            let passed = calendar.periods.filter { calendar.deadline(for: $0).adding(days: 1) <= today }
            #expect(!passed.isEmpty, "\(today.iso): nothing past its deadline")
            day = day.adding(days: 1)
        }
    }

    /// The real month and day are kept outside January.
    @Test func theDemoDayKeepsTheRealMonthAndDay() {
        #expect(DemoReports.demoDay(newestYear: 2025, real: CivilDate(year: 2026, month: 12, day: 3)) == CivilDate(year: 2025, month: 12, day: 3))
        #expect(DemoReports.demoDay(newestYear: 2025, real: CivilDate(year: 2028, month: 2, day: 29)) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(DemoReports.demoDay(newestYear: 2025, real: CivilDate(year: 2026, month: 1, day: 31)) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(DemoReports.demoDay(newestYear: 2025, real: CivilDate(year: 2026, month: 1, day: 5)) == CivilDate(year: 2025, month: 2, day: 5))
    }
}
