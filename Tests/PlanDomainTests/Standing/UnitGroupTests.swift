import Foundation
import PlanDomain
import Testing

/// 各镇办 worked by hand: 广水 2022 §三（六） is led by 市科技经信局 with
/// 各镇办 responsible; the office listed five towns as 各镇办. March's
/// deadline is 28 March 2025; judged on 10 April, 马坪镇 said nothing.
@Suite struct UnitGroupTests {
    static let lead = UUID()
    static let towns = [("应山街道", UUID()), ("十里街道", UUID()), ("武胜关镇", UUID()), ("马坪镇", UUID()), ("杨寨镇", UUID())]
    static let task = UUID()

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T10:00:00+08:00")! }

    @Test func aGroupNameExpandsToItsMembersHoweverItIsSpaced() {
        let groups = UnitGroups([(name: "各镇办", members: Self.towns.map(\.1)), (name: "各县（市、区）", members: [])])
        #expect(groups.members(of: " 各镇办 ") == Self.towns.map(\.1))
        #expect(groups.members(of: "各县(市、区)") == [])
        #expect(groups.members(of: "市直各相关部门") == nil)
    }

    @Test func eachTownReportsAndTheSilentOneIsNamed() throws {
        // The app expands 各镇办 into its members as responsible units.
        let named: [ReportingUnits.Named] = [.init(.lead, Self.lead)] + Self.towns.map { .init(.responsible, $0.1) }
        let node = StandingNode(id: Self.task, isTask: true, named: named)
        let percents: [Double] = [40, 30, 20, 0, 50]
        var reports = [StandingReport(id: UUID(), node: Self.task, unit: Self.lead, period: "2025-03", state: .accepted, percent: 30,
                                      firstSubmittedAt: Self.at("2025-03-25"), updatedAt: Self.at("2025-03-25"))]
        for (index, town) in Self.towns.enumerated() where town.0 != "马坪镇" {
            reports.append(StandingReport(id: UUID(), node: Self.task, unit: town.1, period: "2025-03", state: .accepted,
                                          percent: percents[index], firstSubmittedAt: Self.at("2025-03-24"), updatedAt: Self.at("2025-03-24")))
        }
        var names = Dictionary(uniqueKeysWithValues: Self.towns.map { ($0.1, $0.0) })
        names[Self.lead] = "市科技经信局"
        let facts = StandingFacts(nodes: [node], reports: reports, publishedAt: Self.at("2025-03-01"), unitNames: names)
        let calendar = try ReportingCalendar(year: 2025, kind: .monthly, dueDay: 25, graceDays: 3)
        let standing = Standing(facts, calendar: calendar, today: CivilDate(year: 2025, month: 4, day: 10), now: Self.at("2025-04-10"))
        let t = try #require(standing.task(Self.task))
        #expect(t.units.count == 6 && t.partners == Self.towns.map(\.1))
        #expect(t.health.health == .overdue)
        #expect(t.health.reasons == ["2025年3月进展未报送（马坪镇）"])
        #expect(standing.units.first { $0.name == "马坪镇" }?.counts.missing == 1)

        // The group's roll-up: 4 of 5 handed in, mean of 40, 30, 20 and 50 = 35.
        let group = GroupProgress(members: Self.towns.enumerated().map { index, town in
            let handed = t.timeliness[town.1]?["2025-03"] == .onTime
            return (name: town.0, handedIn: handed, percent: handed ? percents[index] : nil)
        })
        #expect(group.members == 5 && group.handedIn == 4)
        #expect(group.meanPercent == 35)
        #expect(group.silent == ["马坪镇"])
    }
}
