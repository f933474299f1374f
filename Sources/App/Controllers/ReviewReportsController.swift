import Fluent
import PlanDomain
import Vapor

/// 报告审核: the office goes through a period's reports, accepts or returns
/// each, and confirms completed tasks (销号).
enum ReviewReportsController {
    struct Query: Content {
        var period: String?
        var state: String?
    }

    struct CommentForm: Content { var comment: String? }

    static func reports(_ req: Request) async throws -> ReviewList.Model {
        let plan = try await Access.readablePlan(req)
        let planID = try plan.requireID()
        let query = try req.query.decode(Query.self)
        let settings = try await CalendarSettings.load(planID: planID, on: req.db)
        let today = req.clock.today()
        let calendar = try settings.calendar(year: plan.reportingYear(today: today))
        let period = query.period.flatMap(ReportingPeriod.init(key:)).flatMap { $0.kind == calendar.kind ? $0 : nil }
        var builder = ProgressReport.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$state != .draft)
        if let period { builder = builder.filter(\.$period == period.key) }
        if let state = query.state.flatMap(ReportState.init(rawValue:)) { builder = builder.filter(\.$state == state) }
        let reports = try await builder.sort(\.$period, .descending).sort(\.$lastSubmittedAt, .descending).limit(500).all()
        let nodeIDs = Set(reports.map { $0.$node.id })
        let nodes = nodeIDs.isEmpty ? [] : try await NodeRecord.query(on: req.db).filter(\.$id ~~ Array(nodeIDs)).all()
        let unitIDs = Set(reports.map { $0.$unit.id })
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: req.db).filter(\.$id ~~ Array(unitIDs)).all()
        let closed = Set(try await PeriodClosure.query(on: req.db).filter(\.$plan.$id == planID).all().map(\.period))
        return ReviewList.Model(
            plan: plan, calendar: calendar, period: period, state: query.state, reports: reports,
            nodes: Dictionary(nodes.compactMap { n in n.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a }),
            unitNames: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a }),
            closed: closed, canReview: Access.canEdit(plan, account: try req.requireAccount()), now: req.clock.now())
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await ReviewList.View(model: try await reports(req), context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let model = try await reports(req)
        let ids = model.reports.compactMap(\.id)
        let values = ids.isEmpty ? [] : try await ReportValue.query(on: req.db).filter(\.$report.$id ~~ ids).all()
        let byReport = Dictionary(grouping: values) { $0.$report.id }
        return try await model.reports.map { report in
            try ReportDTO(report, values: Dictionary((byReport[report.id ?? UUID()] ?? []).map { ($0.$target.id, $0.value) }, uniquingKeysWith: { a, _ in a }))
        }.encodeResponse(for: req)
    }

    static func report(_ req: Request) async throws -> (PlanRecord, ProgressReport) {
        let plan = try await Access.editablePlan(req)
        guard let report = try await ProgressReport.find(try req.uuidParameter("reportID"), on: req.db), report.$plan.id == plan.id else {
            throw AppError.notFound("报告")
        }
        return (plan, report)
    }

    static func decide(_ req: Request, _ decision: ReviewDesk.Decision) async throws -> Response {
        let (plan, report) = try await report(req)
        let comment = (try? req.content.decode(CommentForm.self).comment) ?? nil
        let fallback = SitePath.planReportsPage(try plan.requireID()).path
        let back = LocalPath.referer(req.headers.first(name: .referer), host: req.headers.first(name: .host), under: "/plans/")?.value ?? fallback
        do {
            try await ReviewDesk.review(report, decision: decision, comment: comment ?? "", by: try req.requireAccount(), now: req.clock.now(), on: req.db)
            return req.redirectWithFlash(back, decision == .accept ? "已采纳。" : "已退回，单位会收到通知。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    @Sendable static func accept(req: Request) async throws -> Response { try await decide(req, .accept) }
    @Sendable static func returnReport(req: Request) async throws -> Response { try await decide(req, .return) }

    @Sendable static func apiReview(req: Request) async throws -> Response {
        let (_, report) = try await report(req)
        let body: ReviewRequest
        do { body = try req.content.decode(ReviewRequest.self) } catch {
            throw AppError.badRequest("请求格式不对：decision 为 accept 或 return，退回时 comment 必填。")
        }
        try await ReviewDesk.review(report, decision: body.decision, comment: body.comment ?? "", by: try req.requireAccount(), now: req.clock.now(), on: req.db)
        let values = try await ReportValue.query(on: req.db).filter(\.$report.$id == report.requireID()).all()
        return try await ReportDTO(report, values: Dictionary(values.map { ($0.$target.id, $0.value) }, uniquingKeysWith: { a, _ in a }))
            .encodeResponse(for: req)
    }

    @Sendable static func confirmCompletion(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        guard let node = try await NodeRecord.find(try req.uuidParameter("nodeID"), on: req.db), node.$plan.id == planID else {
            throw AppError.notFound("任务")
        }
        let back = SitePath.taskPage(planID, try node.requireID()).path
        do {
            try await ReviewDesk.confirmCompletion(node: node, by: try req.requireAccount(), at: req.clock.now(), on: req.db)
            return req.redirectWithFlash(back, "已确认办结，任务销号。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }
}
