import Foundation
import PlanDomain
import Testing

/// A small plan worked by hand, quarterly reports due the 25th with three
/// days' grace (Q1's deadline 28 March 2025, Q2's 28 June), judged on
/// 10 May 2025: Q1 is due, Q2 has begun.
@Suite struct StandingTests {
    // Units.
    static let a = UUID(), b = UUID(), c = UUID(), d = UUID(), bureau = UUID()
    // Nodes.
    static let section = UUID(), t1 = UUID(), t2 = UUID(), t3 = UUID(), t4 = UUID()
    static let count = UUID(), share = UUID()

    static func at(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: iso + "T10:00:00+08:00")!
    }

    static let nodes: [StandingNode] = [
        // The section names A once for its tasks.
        StandingNode(id: section, isTask: false, named: [.init(.lead, a)]),
        StandingNode(id: t1, parent: section, isTask: true, targets: [
            StandingTarget(id: count, value: 100, unit: "家"),
            StandingTarget(id: share, value: 2.5, unit: "%"),
        ]),
        // A lead unit reports; the responsible unit beside it does not when
        // the office keeps reporting to leads (partnersReport false, as here).
        StandingNode(id: t2, isTask: true, named: [.init(.responsible, c), .init(.lead, b)]),
        // No lead: every responsible unit reports.
        StandingNode(id: t3, isTask: true, named: [.init(.responsible, c), .init(.responsible, d)]),
        StandingNode(id: t4, isTask: true, named: [.init(.responsible, d)]),
    ]

    static let reports: [StandingReport] = [
        StandingReport(id: UUID(), node: t1, unit: a, period: "2025-Q1", state: .accepted, percent: 30,
                       firstSubmittedAt: at("2025-03-20"), updatedAt: at("2025-03-21"), values: [count: 40, share: 2.0]),
        StandingReport(id: UUID(), node: t3, unit: c, period: "2025-Q1", state: .accepted, percent: 50,
                       firstSubmittedAt: at("2025-04-02"), updatedAt: at("2025-04-03")),
        StandingReport(id: UUID(), node: t3, unit: d, period: "2025-Q2", state: .accepted, percent: 20,
                       firstSubmittedAt: at("2025-05-05"), updatedAt: at("2025-05-06")),
    ]

    static func standing(today: CivilDate = CivilDate(year: 2025, month: 5, day: 10), publishedAt: Date? = nil,
                         reports: [StandingReport] = reports, partnersReport: Bool = false) throws -> Standing {
        let facts = StandingFacts(nodes: nodes, reports: reports, completed: [t4], publishedAt: publishedAt,
                                  issuerUnits: [bureau], unitNames: [a: "甲局", b: "乙局", c: "丙局", d: "丁局"],
                                  partnersReport: partnersReport)
        let calendar = try ReportingCalendar(year: 2025, kind: .quarterly, dueDay: 25, graceDays: 3)
        return Standing(facts, calendar: calendar, today: today, now: at(today.iso))
    }

    @Test func reportingUnitsFollowLeadThenResponsibleThenTheSectionAbove() throws {
        let s = try Self.standing()
        #expect(s.task(Self.t1)?.units == [Self.a])
        #expect(s.task(Self.t2)?.units == [Self.b])
        #expect(s.task(Self.t3)?.units == [Self.c, Self.d])
        #expect(s.task(Self.t4)?.units == [Self.d])
        #expect(s.tasks.count == 4)   // the section is not a task
        // By default the responsible unit beside the lead reports its part too.
        let t2 = try #require(try Self.standing(partnersReport: true).task(Self.t2))
        #expect(t2.units == [Self.b, Self.c] && t2.lead == [Self.b] && t2.partners == [Self.c])
        // Where no lead is named every responsible unit writes the report: nobody is a partner.
        #expect(try Self.standing(partnersReport: true).task(Self.t3)?.partners == [])
    }

    @Test func aPlanNamingNoUnitIsReportedOnByItsBureau() {
        let lone = StandingNode(id: UUID(), isTask: true)
        #expect(ReportingUnits.of(lone, in: [:], fallback: [Self.bureau]) == [Self.bureau])
        #expect(ReportingUnits.pick([[], []]) == nil)
        // Named twice, reported once; the nearest level that names anyone wins.
        #expect(ReportingUnits.pick([[], [.init(.lead, Self.a), .init(.lead, Self.a)], [.init(.lead, Self.b)]]) == [Self.a])
    }

    @Test func theDueAndStartedPeriodsOnTheTenthOfMay() throws {
        let s = try Self.standing()
        #expect(s.duePeriods.map(\.key) == ["2025-Q1"])
        #expect(s.currentPeriod?.key == "2025-Q2")
        #expect(s.asOf == CivilDate(year: 2025, month: 5, day: 10))
        // Once the year is over, health is judged on its last day.
        #expect(try Self.standing(today: CivilDate(year: 2026, month: 2, day: 1)).asOf == CivilDate(year: 2025, month: 12, day: 31))
    }

    @Test func theWorstUnitGivesATaskItsTimeliness() throws {
        let t3 = try #require(try Self.standing().task(Self.t3))
        #expect(t3.timeliness[Self.c]?["2025-Q1"] == .late)      // first sent 2 April, after 28 March
        #expect(t3.timeliness[Self.d]?["2025-Q1"] == .missing)
        #expect(t3.timeliness[Self.c]?["2025-Q2"] == .pending)
        #expect(t3.timeliness[Self.d]?["2025-Q2"] == .onTime)
        #expect(t3.periods.map(\.timeliness) == [.missing, .pending])
    }

    @Test func aTaskIsAsFarAsItsSlowestUnit() throws {
        let s = try Self.standing()
        #expect(s.task(Self.t3)?.percent == 20)                  // C said 50, D said 20
        #expect(s.task(Self.t3)?.progress == 0.2)
        #expect(s.task(Self.t1)?.progress == 0.3)
        #expect(s.task(Self.t2)?.progress == nil)
        #expect(s.task(Self.t4)?.progress == 1)                   // confirmed complete
    }

    @Test func countsAccumulateAndSharesAreLevels() throws {
        let targets = try #require(try Self.standing().task(Self.t1)?.targets)
        let count = try #require(targets.first { $0.target.id == Self.count }?.assessment)
        let share = try #require(targets.first { $0.target.id == Self.share }?.assessment)
        #expect(count.actual == 40 && count.expected > 30 && count.expected < 40)   // 100 × ~0.36 of the year
        #expect(share.actual == 2.0 && share.expected == 2.5)                        // the year's level all year
        #expect(StandingTarget.isCumulative(unit: "家") && !StandingTarget.isCumulative(unit: "％"))
    }

    @Test func theLatestAcceptedValueCounts() throws {
        var reports = Self.reports
        reports.append(StandingReport(id: UUID(), node: Self.t1, unit: Self.a, period: "2025-Q2", state: .accepted, percent: 45,
                                      firstSubmittedAt: Self.at("2025-05-08"), updatedAt: Self.at("2025-05-08"), values: [Self.count: 55]))
        // A submission not yet reviewed does not count.
        reports.append(StandingReport(id: UUID(), node: Self.t1, unit: Self.a, period: "2025-Q2", state: .submitted,
                                      firstSubmittedAt: Self.at("2025-05-09"), updatedAt: Self.at("2025-05-09"), values: [Self.count: 99]))
        let t1 = try #require(try Self.standing(reports: reports).task(Self.t1))
        #expect(t1.targets.first { $0.target.id == Self.count }?.assessment.actual == 55)
        #expect(t1.targets.first { $0.target.id == Self.share }?.assessment.actual == 2.0)
    }

    /// Scores by hand: 100 × (0.6 × on-time rate + 0.4 × completion rate).
    @Test func unitsAreRankedByTimelinessAndCompletion() throws {
        let units = try Self.standing().units
        #expect(units.map(\.name) == ["甲局", "丁局", "丙局", "乙局"])
        let a = try #require(units.first { $0.name == "甲局" })
        #expect(a.counts.due == 1 && a.counts.onTime == 1 && abs(a.counts.score! - 72) < 1e-9)   // 60 + 40 × 0.3
        let d = try #require(units.first { $0.name == "丁局" })
        #expect(d.counts.tasks == 2 && d.counts.missing == 2 && d.counts.completed == 1)
        #expect(abs(d.counts.score! - 24) < 1e-9)                                                 // 40 × (0.2 + 1) / 2
        let c = try #require(units.first { $0.name == "丙局" })
        #expect(c.counts.late == 1 && abs(c.counts.score! - 8) < 1e-9)                           // 40 × 0.2
        #expect(units.first { $0.name == "乙局" }?.counts.score == 0)
    }

    @Test func aPlanPublishedInAprilOwesNothingForTheFirstQuarter() throws {
        let s = try Self.standing(publishedAt: Self.at("2025-04-15"))
        #expect(s.duePeriods.isEmpty)
        #expect(s.units.allSatisfy { $0.counts.due == 0 })
        #expect(s.task(Self.t2)?.periods.map(\.period.key) == ["2025-Q2"])
    }

    @Test func onceTheYearIsOverATargetIsReachedOrMissed() throws {
        // Judged in February 2026: 40 of 100 and 2.0 of 2.5 % are missed, not 滞后 or 正常.
        let t1 = try #require(try Self.standing(today: CivilDate(year: 2026, month: 2, day: 1)).task(Self.t1))
        #expect(t1.targets.map(\.assessment.health) == [.missed, .missed])
        #expect(t1.health.health == .overdue)   // the task's own year is over too: 已过完成时限
        // On 31 December itself the year is not over yet.
        let onTheDay = try #require(try Self.standing(today: CivilDate(year: 2025, month: 12, day: 31)).task(Self.t1))
        #expect(!onTheDay.targets.contains { $0.assessment.health == .missed })
    }

    @Test func aTargetDueInALaterYearExpectsThisYearsShareOfItsPath() throws {
        let task = UUID(), target = UUID()
        let facts = StandingFacts(
            nodes: [StandingNode(id: task, isTask: true, named: [.init(.lead, Self.a)],
                                 targets: [StandingTarget(id: target, value: 60, unit: "家", dueYear: 2027)])],
            reports: [StandingReport(id: UUID(), node: task, unit: Self.a, period: "2025-Q4", state: .accepted,
                                     firstSubmittedAt: Self.at("2025-12-20"), values: [target: 20])])
        let standing = Standing(facts, calendar: try ReportingCalendar(year: 2025, kind: .quarterly),
                                today: CivilDate(year: 2026, month: 1, day: 10), now: Self.at("2026-01-10"))
        let assessment = try #require(standing.task(task)?.targets.first?.assessment)
        #expect(abs(assessment.expected - 20) < 1e-9)   // a third of 60 by the end of 2025
        #expect(assessment.health == .onTrack)
    }

    @Test func sectionsRollUpTheirTasks() throws {
        let s = try Self.standing()
        #expect(s.rollUps[Self.section.uuidString]?.total == 1)
        #expect(s.plan.total == 4)
    }
}
