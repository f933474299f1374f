import Foundation
import PlanDomain
import Testing

/// 牵头汇总 worked by hand: a task led by 市科技经信局 with three responsible
/// units beside it (as 广水 2022 §三（一） names them), monthly reports due
/// the 25th with three days' grace — March's deadline 28 March 2025 —
/// judged on 10 April 2025.
@Suite struct PartnersReportTests {
    static let lead = UUID(), finance = UUID(), statistics = UUID(), tax = UUID()
    static let task = UUID(), count = UUID()
    static let names = [lead: "市科技经信局", finance: "市财政局", statistics: "市统计局", tax: "市税务局"]

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T10:00:00+08:00")! }

    static let node = StandingNode(
        id: task, isTask: true,
        named: [.init(.lead, lead), .init(.responsible, finance), .init(.responsible, statistics), .init(.responsible, tax)],
        targets: [StandingTarget(id: count, value: 40, unit: "家")])

    static func report(_ unit: UUID, sent: String, percent: Double, values: [UUID: Double] = [:]) -> StandingReport {
        StandingReport(id: UUID(), node: task, unit: unit, period: "2025-03", state: .accepted, percent: percent,
                       firstSubmittedAt: at(sent), updatedAt: at(sent), values: values)
    }

    /// The lead compiles (35 of 40 enterprises by its count), 财政 and 税务
    /// report on time with their own parts, 统计局 says nothing.
    static let reports = [
        report(lead, sent: "2025-03-24", percent: 30, values: [count: 35]),
        report(finance, sent: "2025-03-20", percent: 25),
        report(tax, sent: "2025-03-26", percent: 10, values: [count: 12]),
    ]

    static func standing(_ reports: [StandingReport] = reports, partnersReport: Bool = true) throws -> Standing {
        let facts = StandingFacts(nodes: [node], reports: reports, unitNames: names, partnersReport: partnersReport)
        let calendar = try ReportingCalendar(year: 2025, kind: .monthly, dueDay: 25, graceDays: 3)
        return Standing(facts, calendar: calendar, today: CivilDate(year: 2025, month: 4, day: 10), now: at("2025-04-10"))
    }

    @Test func theLeadAndItsThreePartnersReport() throws {
        let t = try #require(try Self.standing().task(Self.task))
        #expect(t.lead == [Self.lead])
        #expect(t.partners == [Self.finance, Self.statistics, Self.tax])
        #expect(t.units == [Self.lead, Self.finance, Self.statistics, Self.tax])
    }

    @Test func aSilentPartnerMakesTheTaskOverdueAndIsNamed() throws {
        let t = try #require(try Self.standing().task(Self.task))
        #expect(t.timeliness[Self.statistics]?["2025-03"] == .missing)
        #expect(t.timeliness[Self.tax]?["2025-03"] == .onTime)       // 26 March, within the grace days
        #expect(t.health.health == .overdue)
        #expect(t.health.reasons == ["2025年3月进展未报送（市统计局）"])
        // Nobody reported: nobody needs naming.
        let silent = try #require(try Self.standing([]).task(Self.task))
        #expect(silent.health.reasons == ["2025年3月进展未报送"])
    }

    @Test func theMissIsCountedAgainstThePartnerNotTheLead() throws {
        let units = Dictionary(try Self.standing().units.map { ($0.name, $0.counts) }, uniquingKeysWith: { a, _ in a })
        // Due: January, February and March (published before the year) — only March was reported.
        #expect(units["市统计局"]?.missing == 3)
        #expect(units["市科技经信局"]?.onTime == 1 && units["市科技经信局"]?.missing == 2)
        #expect(units["市财政局"]?.onTime == 1)
    }

    @Test func theLeadsCompiledFiguresSpeakForTheTask() throws {
        let t = try #require(try Self.standing().task(Self.task))
        // 35 from the lead, not 12 from 税务局; 30 % from the lead, not the partners' 10 %.
        #expect(t.targets.first?.assessment.actual == 35)
        #expect(t.percent == 30)
        // Without a compiled figure the partners' own count: the slowest percent, the latest value.
        let partnersOnly = Array(Self.reports.dropFirst())
        let u = try #require(try Self.standing(partnersOnly).task(Self.task))
        #expect(u.percent == 10)
        #expect(u.targets.first?.assessment.actual == 12)
    }

    @Test func onceEveryoneHasReportedTheTaskIsJudgedOnItsFigures() throws {
        let all = Self.reports + [Self.report(Self.statistics, sent: "2025-03-27", percent: 20)]
        let t = try #require(try Self.standing(all).task(Self.task))
        // March reported by all four; 35 of 40 by 10 April is ahead of the
        // linear expectation (40 × 100/365 ≈ 11), and 30 % against ≈ 27 % of the year is on track.
        #expect(t.health.health == .onTrack)
        #expect(t.health.reasons.isEmpty)
    }

    @Test func anOfficeThatKeepsReportsToLeadsHearsOnlyTheLead() throws {
        let t = try #require(try Self.standing(partnersReport: false).task(Self.task))
        #expect(t.units == [Self.lead] && t.partners.isEmpty)
        #expect(t.health.health == .onTrack)
        #expect(try Self.standing(partnersReport: false).units.map(\.name) == ["市科技经信局"])
    }
}
