import Fluent
import PlanDomain
import Vapor

/// The plan dashboard (看板): status counts, sections and units, what is late
/// or at risk, each numeric target against its expected path. A reporter sees
/// their own unit's standing in it.
enum DashboardController {
    struct Query: Content {
        var leader: String?
        var unit: String?
    }

    static func dashboard(_ req: Request) async throws -> (PlanRecord, Dashboard) {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let query = try req.query.decode(Query.self)
        let inputs = try await StandingInputs.load(plan, on: req.db)
        let standing = try PlanStanding(inputs, today: req.clock.today(), now: req.clock.now())
        let unit = account.role == .reporter ? account.$unit.id : query.unit.flatMap(UUID.init(uuidString:))
        var leader = query.leader.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        // A leader's account named as the plan prints the leader (柯春华) opens
        // on the tasks under them; choosing 全部 (leader=) shows the whole plan.
        if query.leader == nil, account.role == .leader,
           inputs.loaded.nodes.contains(where: { $0.leaders.contains(account.displayName) }) {
            leader = account.displayName
        }
        return (plan, Dashboard(inputs, standing: standing, leader: leader, unit: unit))
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (plan, dashboard) = try await dashboard(req)
        return try await DashboardPage.View(
            plan: plan, dashboard: dashboard, canEdit: Access.canEdit(plan, account: account),
            isReporter: account.role == .reporter, context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let (plan, dashboard) = try await dashboard(req)
        return try await DashboardDTO(planID: try plan.requireID(), dashboard).encodeResponse(for: req)
    }
}
