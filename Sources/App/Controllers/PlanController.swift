import Fluent
import PlanText
import Vapor

enum PlanController {
    @Sendable static func index(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plans = try await PlanQueries.visiblePlans(for: account, on: req.db)
        var names: [String: String] = [:]
        for code in Set(plans.map(\.jurisdictionCode)) {
            names[code] = try await PlanQueries.jurisdictionName(code, on: req.db)
        }
        let model = PlanIndex.Model(plans: plans, jurisdictionNames: names, canImport: account.role == .office || account.role == .admin)
        return try await PlanIndex.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let loaded = try await PlanStore.load(plan, on: req.db)
        let model = PlanShow.Model(
            loaded: loaded, visible: PlanQueries.visibleNodes(of: loaded, for: account, issuerUnits: try await PlanStore.issuerUnits(of: loaded.record, on: req.db)),
            jurisdictionName: try await PlanQueries.jurisdictionName(plan.jurisdictionCode, on: req.db),
            canEdit: Access.canEdit(plan, account: account))
        return try await PlanShow.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func apiIndex(req: Request) async throws -> Response {
        let plans = try await PlanQueries.visiblePlans(for: try req.requireAccount(), on: req.db)
        return try await plans.map(PlanSummaryDTO.init).encodeResponse(for: req)
    }

    /// `?as=plantext` gives the plan in `sciplan parse`'s format (offices only).
    @Sendable static func apiShow(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        if req.query[String.self, at: "as"] == "plantext" {
            guard Access.canEdit(plan, account: account) else { throw AppError.forbidden }
            let loaded = try await PlanStore.load(plan, on: req.db, withFile: true)
            let response = Response(status: .ok, body: .init(data: PlanStore.plan(of: loaded).jsonData()))
            response.headers.contentType = .json
            return response
        }
        let loaded = try await PlanStore.load(plan, on: req.db)
        return try await PlanDTO(loaded, visibleNodes: PlanQueries.visibleNodes(of: loaded, for: account, issuerUnits: try await PlanStore.issuerUnits(of: loaded.record, on: req.db))).encodeResponse(for: req)
    }
}
