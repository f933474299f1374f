import Fluent
import PlanDomain
import Vapor

/// 本期报送: a unit's reporter fills in every task due this period on one
/// page, saves drafts, and submits; also as JSON.
enum ReportController {
    struct Query: Content { var period: String? }

    static func sheet(_ req: Request) async throws -> (ReportDesk.Context, ReportSheet) {
        let account = try req.requireAccount()
        let context = try ReportDesk.context(for: account, now: req.clock.now(), today: req.clock.today())
        let period = try req.query.decode(Query.self).period
        let sheet = try await ReportSheet.load(unitID: context.unitID, periodKey: period, today: context.today, now: context.now, on: req.db)
        return (context, sheet)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let (context, sheet) = try await sheet(req)
        return try await ReportsPage.View(
            model: .init(sheet: sheet, today: context.today, drafts: [:], errors: [:]), context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    /// The form posts every task of the page; each filled-in task is saved
    /// (or submitted) on its own, so one wrong number does not cost the rest.
    /// When a task fails the page comes back with what was typed and why.
    @Sendable static func saveForm(req: Request) async throws -> Response {
        let (context, _) = try await sheet(req)
        let fields = try req.content.decode([String: String].self)
        let action = fields["action"] ?? "save"
        let onlyNode = action.hasPrefix("submit:") ? UUID(uuidString: String(action.dropFirst("submit:".count))) : nil
        let drafts = ReportsPage.Draft.parse(fields)
        var saved = 0, submitted = 0
        var errors: [UUID: String] = [:]
        for (nodeID, draft) in drafts.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let submit = action == "submit" || onlyNode == nodeID
            do {
                let input = try draft.input(nodeID: nodeID)
                if input.isBlank && !submit { continue }
                try await ReportDesk.save(input, action: submit ? .submit : .save, context, on: req.db, writer: req.application.reportWriter)
                if submit { submitted += 1 } else { saved += 1 }
            } catch let error as AppError {
                if input(isLocked: error) { continue }
                errors[nodeID] = error.reason
            }
        }
        var message = [submitted > 0 ? "已报送 \(submitted) 项" : nil, saved > 0 ? "已保存草稿 \(saved) 项" : nil]
            .compactMap { $0 }.joined(separator: "，")
        if message.isEmpty { message = "没有需要保存的内容。" }
        guard errors.isEmpty else {
            let sheet = try await ReportSheet.load(unitID: context.unitID, periodKey: fields["period"], today: context.today, now: context.now, on: req.db)
            var page = req.pageContextWithFlash
            page.flash = message + "；\(errors.count) 项未能保存，请按提示修改后再提交。"
            let response = try await ReportsPage.View(
                model: .init(sheet: sheet, today: context.today, drafts: drafts.filter { errors[$0.key] != nil }, errors: errors),
                context: page
            ).html.encodeResponse(for: req)
            response.status = .badRequest
            return response
        }
        let back = fields["period"].map { SitePath.reportsPage.path + "?period=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        return req.redirectWithFlash(back ?? SitePath.reportsPage.path, message + "。")
    }

    /// A report already handed in is shown as it is; posting the page again
    /// must not turn that into an error for every fixed report on it.
    private static func input(isLocked error: AppError) -> Bool { error.status == .conflict && error.reason.contains("已报送") }

    @Sendable static func apiList(req: Request) async throws -> Response {
        let (_, sheet) = try await sheet(req)
        var tasks: [ReportTaskDTO] = []
        for part in sheet.parts {
            for item in part.items {
                tasks.append(ReportTaskDTO(
                    planID: try part.plan.requireID(), planTitle: part.plan.displayTitle, period: part.period.key,
                    periodTitle: part.period.title, dueDate: part.dueDate.iso, deadline: part.deadline.iso,
                    open: part.check == .allowed, nodeID: try item.node.requireID(), key: item.node.key, title: item.node.title,
                    targets: item.targets.compactMap { t in t.id.map { TargetRefDTO(id: $0, text: t.text, value: t.value, unit: t.unit) } },
                    report: try item.report.map { try ReportDTO($0, values: item.values) }, compiledBy: item.compiledBy,
                    partners: try item.partners.map { p in
                        PartnerReportDTO(unit: p.unitName, report: try p.report.map { try ReportDTO($0, values: p.values) })
                    }))
            }
        }
        return try await tasks.encodeResponse(for: req)
    }

    @Sendable static func apiSave(req: Request, body: JSONBody<SaveReportRequest>) async throws -> Response {
        let account = try req.requireAccount()
        let context = try ReportDesk.context(for: account, now: req.clock.now(), today: req.clock.today())
        let body = try body.decode()
        let input = try body.input()
        let report = try await ReportDesk.save(input, action: body.submit == true ? .submit : .save, context, on: req.db, writer: req.application.reportWriter)
        // A save replaces the report's values with the ones sent, so they are what is stored.
        let response = try await ReportDTO(report, values: input.values).encodeResponse(for: req)
        response.status = .created
        return response
    }
}
