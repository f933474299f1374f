import Foundation
import Testing
@testable import PlanDomain

@Suite struct ReportingCalendarTests {
    @Test func defaultsAreMonthlyOnThe25thWithThreeDaysGrace() throws {
        let calendar = try ReportingCalendar(year: 2025)
        #expect(calendar.kind == .monthly)
        #expect(calendar.dueDay == 25)
        #expect(calendar.graceDays == 3)
        #expect(calendar.periods.count == 12)
        #expect(calendar.dueDate(for: month(3)) == day("2025-03-25"))
        #expect(calendar.deadline(for: month(3)) == day("2025-03-28"))
    }

    @Test func outOfRangeSettingsAreRefusedInChinese() {
        #expect(throws: SupervisionError.self) { try ReportingCalendar(year: 2025, dueDay: 0) }
        #expect(throws: SupervisionError.self) { try ReportingCalendar(year: 2025, dueDay: 32) }
        #expect(throws: SupervisionError.self) { try ReportingCalendar(year: 2025, graceDays: -1) }
        #expect(throws: SupervisionError.self) { try ReportingCalendar(year: 2025, graceDays: 31) }
        #expect((try? ReportingCalendar(year: 2025, dueDay: 31, graceDays: 30)) != nil)
        #expect((try? ReportingCalendar(year: 2025, dueDay: 1, graceDays: 0)) != nil)
        do {
            _ = try ReportingCalendar(year: 2025, dueDay: 40)
            Issue.record("accepted due day 40")
        } catch {
            #expect(error.localizedDescription.contains("报送日"))
            #expect(error.localizedDescription.contains("40"))
        }
    }

    @Test func dueDayIsClampedToTheLastMonthsLength() throws {
        let day30 = try ReportingCalendar(year: 2024, dueDay: 30, graceDays: 0)
        #expect(day30.dueDate(for: month(2, 2024)) == day("2024-02-29"))
        #expect(day30.dueDate(for: month(2, 2025)) == day("2025-02-28"))
        let day31 = try ReportingCalendar(year: 2025, dueDay: 31, graceDays: 0)
        #expect(day31.dueDate(for: month(4)) == day("2025-04-30"))
        #expect(day31.dueDate(for: month(5)) == day("2025-05-31"))
    }

    @Test func quarterAndHalfAreDueInTheirLastMonth() throws {
        let quarterly = try ReportingCalendar(year: 2025, kind: .quarterly)
        #expect(quarterly.periods.map(\.key) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        #expect(quarterly.dueDate(for: .quarter(2, of: 2025)) == day("2025-06-25"))
        let halfYearly = try ReportingCalendar(year: 2025, kind: .halfYearly, dueDay: 31)
        #expect(halfYearly.dueDate(for: .half(1, of: 2025)) == day("2025-06-30"))
    }

    @Test func deadlineCrossesIntoTheNextMonthAndYear() throws {
        let calendar = try ReportingCalendar(year: 2025, dueDay: 25, graceDays: 10)
        #expect(calendar.deadline(for: month(12)) == day("2026-01-04"))
        #expect(calendar.deadline(for: month(2)) == day("2025-03-07"))
        let leap = try ReportingCalendar(year: 2024, dueDay: 28, graceDays: 1)
        #expect(leap.deadline(for: month(2, 2024)) == day("2024-02-29"))
    }

    @Test func currentPeriodIsTheOneBeingCollected() throws {
        let calendar = monthlyCalendar()
        #expect(calendar.currentPeriod(on: day("2025-03-01")) == month(3))
        #expect(calendar.currentPeriod(on: day("2025-03-28")) == month(3))
        // After March's deadline and before April begins nothing is collected.
        #expect(calendar.currentPeriod(on: day("2025-03-29")) == nil)
        #expect(calendar.currentPeriod(on: day("2025-04-01")) == month(4))
        #expect(calendar.currentPeriod(on: day("2024-12-31")) == nil)
        #expect(calendar.currentPeriod(on: day("2025-12-29")) == nil)
    }

    @Test func aDeadlineInTheNextMonthKeepsThePreviousPeriodCurrent() throws {
        let calendar = try ReportingCalendar(year: 2025, dueDay: 31, graceDays: 3)
        #expect(calendar.currentPeriod(on: day("2025-04-03")) == month(3))
        #expect(calendar.currentPeriod(on: day("2025-04-04")) == month(4))
        #expect(calendar.currentPeriod(on: day("2026-01-03")) == month(12))
        #expect(calendar.currentPeriod(on: day("2026-01-04")) == nil)
    }

    @Test func openPeriodsAreThoseThatHaveBegun() {
        let calendar = monthlyCalendar()
        #expect(calendar.openPeriods(on: day("2025-03-01")) == [month(1), month(2), month(3)])
        #expect(calendar.openPeriods(on: day("2024-12-31")).isEmpty)
        #expect(calendar.openPeriods(on: day("2026-02-01")).count == 12)
    }

    @Test func submissionIsRefusedBeforeTheStartWhenClosedAndForAnotherYear() {
        let calendar = monthlyCalendar()
        let today = day("2025-04-10")
        #expect(calendar.submissionCheck(for: month(4), on: today, closed: []) == .allowed)
        #expect(calendar.submissionCheck(for: month(1), on: today, closed: []) == .allowed)
        #expect(calendar.submissionCheck(for: month(5), on: today, closed: []) == .notStarted)
        #expect(calendar.submissionCheck(for: month(1), on: today, closed: [month(1)]) == .closed)
        #expect(calendar.submissionCheck(for: month(4, 2024), on: today, closed: []) == .otherYear)
        #expect(calendar.submissionCheck(for: .quarter(1, of: 2025), on: today, closed: []) == .otherYear)
        #expect(SubmissionCheck.allowed.message == nil)
        #expect(SubmissionCheck.closed.message == "该报送期已关闭，需由办公室重新开放后才能报送。")
        #expect(SubmissionCheck.notStarted.message?.contains("尚未开始") == true)
        #expect(SubmissionCheck.otherYear.message?.isEmpty == false)
    }

    @Test func codableKeepsDefaultsAndValidates() throws {
        let decoded = try JSONDecoder().decode(ReportingCalendar.self, from: Data(#"{"year":2025}"#.utf8))
        #expect(decoded == monthlyCalendar())
        let custom = try ReportingCalendar(year: 2025, kind: .quarterly, dueDay: 10, graceDays: 0)
        #expect(try JSONDecoder().decode(ReportingCalendar.self, from: JSONEncoder().encode(custom)) == custom)
        #expect(throws: SupervisionError.self) {
            try JSONDecoder().decode(ReportingCalendar.self, from: Data(#"{"year":2025,"dueDay":0}"#.utf8))
        }
    }
}
