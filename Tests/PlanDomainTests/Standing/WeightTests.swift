import Foundation
import PlanDomain
import Testing

/// The office's weights (考核权重) in a plan's standing, worked by hand on
/// 10 May 2025: section S holds T1 (done, weight 3) and T2 (its deadline,
/// 30 April, passed, not done); T3 (done) stands beside S.
/// Scores: done 1, overdue 0.
@Suite struct WeightTests {
    static let s = UUID(), t1 = UUID(), t2 = UUID(), t3 = UUID(), unit = UUID()

    static func standing(t1Weight: Double?, sectionWeight: Double?) throws -> Standing {
        let nodes = [
            StandingNode(id: s, isTask: false, named: [.init(.lead, unit)], weight: sectionWeight),
            StandingNode(id: t1, parent: s, isTask: true, weight: t1Weight),
            StandingNode(id: t2, parent: s, isTask: true, deadline: CivilDate(year: 2025, month: 4, day: 30)),
            StandingNode(id: t3, isTask: true, named: [.init(.lead, unit)]),
        ]
        let facts = StandingFacts(nodes: nodes, reports: [], completed: [t1, t3], publishedAt: nil,
                                  issuerUnits: [unit], unitNames: [unit: "甲局"])
        let calendar = try ReportingCalendar(year: 2025, kind: .quarterly, dueDay: 25, graceDays: 3)
        let today = CivilDate(year: 2025, month: 5, day: 10)
        return Standing(facts, calendar: calendar, today: today, now: StandingTests.at(today.iso))
    }

    @Test func equalWeightsByDefault() throws {
        let standing = try Self.standing(t1Weight: nil, sectionWeight: nil)
        #expect(standing.task(Self.t2)?.health.health == .overdue)
        let section = try #require(standing.rollUps[Self.s.uuidString])
        // (1 + 0) / 2 = 0.5: below 0.6, at risk.
        #expect(section.score == 0.5)
        #expect(section.health == .atRisk)
        #expect(section.weightTotal == 2)
        // The plan: S weighs its two tasks, T3 one: (2 × 0.5 + 1 × 1) / 3.
        #expect(abs((standing.plan.score ?? 0) - 2.0 / 3) < 1e-12)
    }

    @Test func aHeavierTaskMovesItsSection() throws {
        let standing = try Self.standing(t1Weight: 3, sectionWeight: nil)
        #expect(standing.task(Self.t1)?.weight == 3)
        let section = try #require(standing.rollUps[Self.s.uuidString])
        // (3 × 1 + 1 × 0) / 4 = 0.75: behind (an overdue task keeps it from on track anyway).
        #expect(section.score == 0.75)
        #expect(section.health == .behind)
        #expect(section.weightTotal == 4)
        // The plan: (4 × 0.75 + 1 × 1) / 5 = 0.8.
        #expect(abs((standing.plan.score ?? 0) - 0.8) < 1e-12)
    }

    @Test func aSectionsOwnWeightReplacesTheSumOfItsTasks() throws {
        let standing = try Self.standing(t1Weight: 3, sectionWeight: 1)
        // The section inside is unchanged; in the plan it now weighs 1: (1 × 0.75 + 1 × 1) / 2.
        #expect(standing.rollUps[Self.s.uuidString]?.score == 0.75)
        #expect(abs((standing.plan.score ?? 0) - 0.875) < 1e-12)
    }

    @Test func weightsAsTheOfficeTypesThem() throws {
        #expect(try Weight.read("3") == 3)
        #expect(try Weight.read(" ２.５ ") == 2.5)
        #expect(try Weight.read("") == nil)
        #expect(try Weight.read(nil) == nil)
        #expect(throws: FormError("权重须为大于 0 的数字。")) { try Weight.read("0") }
        #expect(throws: FormError("权重须为大于 0 的数字。")) { try Weight.read("-1") }
        #expect(throws: FormError("权重不能超过 100。")) { try Weight.read("101") }
        #expect(throws: FormError("“权重”应填数字，现为“重要”。")) { try Weight.read("重要") }
        #expect(Weight.problem(100) == nil && Weight.problem(.infinity) != nil && Weight.problem(.nan) != nil)
    }
}
