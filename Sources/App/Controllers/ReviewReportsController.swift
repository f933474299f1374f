import Fluent
import PlanDomain
import Vapor

/// 报告审核: the office goes through a period's reports, accepts or returns
/// each, and confirms completed tasks (销号).
enum ReviewReportsController {
    struct Query: Content {
        var period: String?
        /// A report state, or `all`; the page opens on `submitted` (待审核).
        var state: String?
        var unit: String?
        var page: Int?
    }

    /// Cards per page of 报告审核.
    static let pageSize = 50

    struct CommentForm: Content { var comment: String? }

    /// The reports the filters select. The page (`paged`) opens on 待审核 and
    /// shows `pageSize` at a time; the API keeps its answer: every state
    /// unless asked, up to 500.
    static func reports(_ req: Request, paged: Bool = false) async throws -> ReviewList.Model {
        let plan = try await Access.readablePlan(req)
        let planID = try plan.requireID()
        var query = try req.query.decode(Query.self)
        if paged && query.state == nil { query.state = ReportState.submitted.rawValue }
        let pageNumber = max(1, min(query.page ?? 1, 10_000))
        let settings = try await CalendarSettings.load(planID: planID, on: req.db)
        let today = req.clock.today()
        let calendar = try settings.calendar(year: plan.reportingYear(today: today))
        let period = query.period.flatMap(ReportingPeriod.init(key:)).flatMap { $0.kind == calendar.kind ? $0 : nil }
        var builder = ProgressReport.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$state != .draft)
        if let period { builder = builder.filter(\.$period == period.key) }
        if let state = query.state.flatMap(ReportState.init(rawValue:)) { builder = builder.filter(\.$state == state) }
        let unitFilter = query.unit.flatMap(UUID.init(uuidString:))
        if let unitFilter { builder = builder.filter(\.$unit.$id == unitFilter) }
        let total = try await builder.count()
        let sorted = builder.sort(\.$period, .descending).sort(\.$lastSubmittedAt, .descending)
        let reports = paged
            ? try await sorted.range((pageNumber - 1) * pageSize ..< pageNumber * pageSize).all()
            : try await sorted.limit(500).all()
        let nodeIDs = Set(reports.map { $0.$node.id })
        let nodes = nodeIDs.isEmpty ? [] : try await NodeRecord.query(on: req.db).filter(\.$id ~~ Array(nodeIDs)).all()
        let unitIDs = Set(reports.map { $0.$unit.id })
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: req.db).filter(\.$id ~~ Array(unitIDs)).all()
        let closed = Set(try await PeriodClosure.query(on: req.db).filter(\.$plan.$id == planID).all().map(\.period))
        var model = ReviewList.Model(
            plan: plan, calendar: calendar, period: period, state: query.state, reports: reports,
            nodes: Dictionary(nodes.compactMap { n in n.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a }),
            unitNames: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a }),
            closed: closed, canReview: Access.canEdit(plan, account: try req.requireAccount()), now: req.clock.now())
        model.unit = unitFilter
        model.total = total
        model.pageNumber = pageNumber
        model.pageSize = paged ? pageSize : 500
        if paged { try await addFigures(to: &model, planID: planID, on: req.db) }
        return model
    }

    /// What the cards show besides the text: the units that reported (for
    /// the filter), each report's numbers with its targets, and the unit's
    /// value for the same target in its latest earlier report handed in (上期值).
    static func addFigures(to model: inout ReviewList.Model, planID: UUID, on db: any Database) async throws {
        let reporting = try await ProgressReport.query(on: db).filter(\.$plan.$id == planID).filter(\.$state != .draft)
            .field(\.$unit.$id).all().map { $0.$unit.id }
        let unitIDs = Array(Set(reporting))
        if !unitIDs.isEmpty {
            for unit in try await Unit.query(on: db).filter(\.$id ~~ unitIDs).all() { model.unitNames[unit.id ?? UUID()] = unit.name }
        }
        model.reportingUnits = unitIDs.sorted { (model.unitNames[$0] ?? "") < (model.unitNames[$1] ?? "") }
        let ids = model.reports.compactMap(\.id)
        guard !ids.isEmpty else { return }
        let nodeIDs = Array(Set(model.reports.map { $0.$node.id }))
        model.targets = Dictionary(grouping: try await TargetRecord.query(on: db).filter(\.$nodeID ~~ nodeIDs).sort(\.$position).all()) { $0.nodeID ?? UUID() }
        // Earlier reports handed in by the same units on the same tasks.
        let pageUnits = Array(Set(model.reports.map { $0.$unit.id }))
        let earlier = try await ProgressReport.query(on: db).filter(\.$plan.$id == planID).filter(\.$node.$id ~~ nodeIDs)
            .filter(\.$unit.$id ~~ pageUnits).filter(\.$state ~~ [.submitted, .accepted]).all()
        var previous: [UUID: ProgressReport] = [:]
        for report in model.reports {
            guard let id = report.id, let period = ReportingPeriod(key: report.period) else { continue }
            previous[id] = earlier.filter { $0.$unit.id == report.$unit.id && $0.$node.id == report.$node.id }
                .compactMap { r in ReportingPeriod(key: r.period).flatMap { $0.firstDay < period.firstDay ? (r, $0) : nil } }
                .max { $0.1.firstDay < $1.1.firstDay }?.0
        }
        let allIDs = ids + previous.values.compactMap(\.id)
        let values = try await ReportValue.query(on: db).filter(\.$report.$id ~~ allIDs).all()
        let byReport = Dictionary(grouping: values) { $0.$report.id }
        func map(_ id: UUID?) -> [UUID: Double] {
            Dictionary((byReport[id ?? UUID()] ?? []).map { ($0.$target.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        for report in model.reports {
            guard let id = report.id else { continue }
            model.values[id] = map(id)
            model.previousValues[id] = map(previous[id]?.id)
        }
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await ReviewList.View(model: try await reports(req, paged: true), context: req.pageContextWithFlash).html.encodeResponse(for: req)
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

    struct SelectionForm: Content {
        var report: [String]?
        /// `yes` once the office has seen the list.
        var confirm: String?
        /// The list page to go back to, filters included.
        var back: String?
    }

    /// 采纳所选: the reports ticked on the list are shown for confirmation,
    /// then accepted together, each as its own review (audit line, event).
    /// A report no longer waiting (accepted or returned meanwhile) is left
    /// as it is and counted apart.
    @Sendable static func acceptSelected(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let form = (try? req.content.decode(SelectionForm.self)) ?? SelectionForm()
        let fallback = SitePath.planReportsPage(planID).path
        let back = form.back.flatMap(LocalPath.init).map(\.value).flatMap { $0.hasPrefix("/plans/") ? $0 : nil } ?? fallback
        let ids = Array(Set((form.report ?? []).compactMap(UUID.init(uuidString:)))).prefix(500)
        guard !ids.isEmpty else { return req.redirectWithFlash(back, "没有选择报告。请先勾选要采纳的报告。") }
        let reports = try await ProgressReport.query(on: req.db).filter(\.$plan.$id == planID).filter(\.$id ~~ Array(ids)).all()
        let waiting = reports.filter { $0.state == .submitted }
        guard form.confirm == "yes" else {
            var model = try await self.reports(req, paged: false)
            model.reports = waiting
            let nodeIDs = Array(Set(waiting.map { $0.$node.id }))
            for node in nodeIDs.isEmpty ? [] : try await NodeRecord.query(on: req.db).filter(\.$id ~~ nodeIDs).all() { model.nodes[node.id ?? UUID()] = node }
            let unitIDs = Array(Set(waiting.map { $0.$unit.id }))
            for unit in unitIDs.isEmpty ? [] : try await Unit.query(on: req.db).filter(\.$id ~~ unitIDs).all() { model.unitNames[unit.id ?? UUID()] = unit.name }
            return try await ReviewList.Confirmation(model: model, back: back, context: req.pageContext).html.encodeResponse(for: req)
        }
        let account = try req.requireAccount()
        var accepted = 0
        for report in waiting {
            do {
                try await ReviewDesk.review(report, decision: .accept, comment: "", by: account, now: req.clock.now(), on: req.db)
                accepted += 1
            } catch is AppError { continue }
        }
        let skipped = ids.count - accepted
        return req.redirectWithFlash(back, "已采纳 \(accepted) 份报告。" + (skipped > 0 ? "另有 \(skipped) 份已不在待审核状态，未改动。" : ""))
    }
    @Sendable static func returnReport(req: Request) async throws -> Response { try await decide(req, .return) }

    @Sendable static func apiReview(req: Request, body: JSONBody<ReviewRequest>) async throws -> Response {
        let (_, report) = try await report(req)
        let body = try body.decode()
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
