import Fluent
import PlanDomain
import Vapor

/// 领导摘要 (`/summary`): the leader's landing page, one plan at a time.
enum LeaderSummaryController {
    struct Query: Content {
        var plan: String?
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plans = try await PlanQueries.visiblePlans(for: account, on: req.db).filter { $0.status != .draft }
        let asked = try req.query.decode(Query.self).plan.flatMap(UUID.init(uuidString:))
        let today = req.clock.today()
        guard let plan = LeaderSummary.choose(asked, among: plans, year: today.year) else {
            return try await LeaderSummaryPage.View(summary: nil, context: req.pageContextWithFlash).html.encodeResponse(for: req)
        }
        let inputs = try await StandingInputs.load(plan, on: req.db)
        let standing = try PlanStanding(inputs, today: today, now: req.clock.now())
        let summary = LeaderSummary(plan: plan, dashboard: Dashboard(inputs, standing: standing, leader: nil, unit: nil), plans: plans)
        return try await LeaderSummaryPage.View(summary: summary, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }
}
