import Fluent
import PlanDomain
import Vapor

/// One task: its health and why, its targets against what was expected, every
/// report by period, and the timeline of reports, reviews, returns and changes.
enum TaskController {
    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let nodeID = try req.uuidParameter("nodeID")
        let inputs = try await StandingInputs.load(plan, on: req.db)
        guard let node = inputs.loaded.nodes.first(where: { $0.id == nodeID }) else { throw AppError.notFound("任务") }
        if let visible = PlanQueries.visibleNodes(of: inputs.loaded, for: account, issuerUnits: inputs.issuerUnits), !visible.contains(nodeID) { throw AppError.forbidden }
        let standing = try PlanStanding(inputs, today: req.clock.today(), now: req.clock.now())
        let events = try await TaskEvent.query(on: req.db).filter(\.$node.$id == nodeID).sort(\.$createdAt, .descending).all()
        var reports = try await ProgressReport.query(on: req.db).filter(\.$node.$id == nodeID).all().sorted { ($0.period, $0.$unit.id.uuidString) > ($1.period, $1.$unit.id.uuidString) }
        if account.role == .reporter { reports = reports.filter { $0.$unit.id == account.$unit.id } }
        let reportIDs = reports.compactMap(\.id)
        let attachments = reportIDs.isEmpty ? [] : try await ReportAttachment.query(on: req.db).filter(\.$report.$id ~~ reportIDs)
            .field(\.$id).field(\.$report.$id).field(\.$filename).field(\.$size).field(\.$contentType).all()
        var notices = try await SupervisionNotice.query(on: req.db).filter(\.$node.$id == nodeID).sort(\.$createdAt, .descending).all()
            .filter { $0.status != .dismissed && ($0.status != .proposed || Access.canEdit(plan, account: account)) }
        if account.role == .reporter { notices = notices.filter { $0.$unit.id == account.$unit.id } }
        let model = TaskPage.Model(
            plan: plan, node: node, standing: standing.task(nodeID), calendar: standing.calendar, reports: reports,
            unitNames: inputs.unitNames, values: inputs.values.filter { v in reportIDs.contains(v.reportID) }, events: events, attachments: attachments,
            canReview: Access.canEdit(plan, account: account), reporterUnit: account.role == .reporter ? account.$unit.id : nil,
            assignments: inputs.loaded.assignments.filter { $0.$node.id == nodeID }, now: req.clock.now(), notices: notices)
        return try await TaskPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }
}
