import Fluent
import PlanDomain
import PlanText
import Vapor

/// 通报: the office drafts a monthly or quarterly bulletin, previews it, and
/// issues it under its next number after confirming; an issued bulletin can
/// be withdrawn with a reason, and stays in the record as withdrawn. A plan
/// has at most one draft: drafting again replaces it.
enum BulletinController {
    struct BulletinDTO: Content {
        var id: UUID
        var kind: String
        var period: String
        var number: Int
        var title: String
        var issuedOn: String
        var issuedBy: String
        var issuer: String
        var state: BulletinRecord.State
        var withdrawnReason: String?
        var summary: [String: String]
    }

    static func dto(_ b: BulletinRecord) throws -> BulletinDTO {
        let summary = (try? JSONDecoder().decode([String: String].self, from: Data(b.summary.utf8))) ?? [:]
        return BulletinDTO(id: try b.requireID(), kind: b.kind, period: b.period, number: b.number, title: b.title,
                           issuedOn: b.issuedOn, issuedBy: b.issuedBy, issuer: b.issuer, state: b.state,
                           withdrawnReason: b.withdrawnReason, summary: summary)
    }

    /// The plan's bulletins, newest number first; drafts only for those who may issue.
    static func list(_ plan: PlanRecord, drafts: Bool, on db: any Database) async throws -> [BulletinRecord] {
        let query = BulletinRecord.query(on: db).filter(\.$plan.$id == (try plan.requireID()))
        if !drafts { query.filter(\.$stateValue != BulletinRecord.State.draft.rawValue) }
        return try await query
            .field(\.$id).field(\.$plan.$id).field(\.$kind).field(\.$period).field(\.$number).field(\.$title)
            .field(\.$issuedOn).field(\.$issuedBy).field(\.$summary).field(\.$createdAt)
            .field(\.$stateValue).field(\.$issuer).field(\.$withdrawnReason).field(\.$withdrawnBy).field(\.$withdrawnOn)
            .sort(\.$number, .descending).all()
    }

    /// Who issues: the science and technology bureau of the plan's place,
    /// not the plan's own issuer (often the government's office).
    static func defaultIssuer(_ plan: PlanRecord, on db: any Database) async throws -> String {
        let place = try await PlanQueries.jurisdictionName(plan.jurisdictionCode, on: db)
        return place.isEmpty ? "科学技术局" : place + "科学技术局"
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let today = req.clock.today()
        let settings = try await CalendarSettings.load(planID: try plan.requireID(), on: req.db)
        let calendar = try settings.calendar(year: plan.reportingYear(today: today))
        let canIssue = Access.canEdit(plan, account: account)
        return try await BulletinsPage.View(
            plan: plan, bulletins: try await list(plan, drafts: canIssue, on: req.db), calendar: calendar, today: today,
            canIssue: canIssue, issuer: try await defaultIssuer(plan, on: req.db), context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    struct DraftForm: Content {
        var kind: String?
        var period: String?
        var issuer: String?
    }

    /// Builds the bulletin as of the period's end and keeps it as the plan's
    /// draft (replacing an earlier draft), then shows it for checking.
    @Sendable static func draft(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.bulletinsPage(planID).path
        do {
            let form = try req.content.decode(DraftForm.self)
            guard let kind = Bulletin.Kind(rawValue: form.kind ?? "monthly") else { throw AppError.badRequest("通报类型只能是月度或季度。") }
            let typed = (form.issuer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard typed.count <= 60 else { throw AppError.badRequest("发文单位不能超过60个字。") }
            let issuer = typed.isEmpty ? try await defaultIssuer(plan, on: req.db) : typed
            let inputs = try await StandingInputs.load(plan, on: req.db)
            let existing = try await BulletinRecord.query(on: req.db).filter(\.$plan.$id == planID)
                .filter(\.$stateValue == BulletinRecord.State.draft.rawValue).first()
            let lastNumber = try await BulletinRecord.query(on: req.db).filter(\.$plan.$id == planID)
                .filter(\.$stateValue != BulletinRecord.State.draft.rawValue).max(\.$number) ?? 0
            let number = lastNumber + 1
            let request = BulletinBuilder.Request(kind: kind, period: form.period ?? "")
            let year = plan.reportingYear(today: req.clock.today())
            let month = try BulletinBuilder.lastMonth(request, calendar: try inputs.settings.calendar(year: year))
            let places = try await BulletinPlaces.table(for: inputs, year: year, month: month, on: req.db)
            let meetings = try await MeetingRecord.query(on: req.db).filter(\.$plan.$id == planID).all()
            let (bulletin, summary) = try BulletinBuilder.build(
                request, inputs: inputs, today: req.clock.today(), number: number, issuer: issuer, places: places, meetings: meetings)
            var marked = bulletin
            marked.number = "第\(number)期（草稿）"
            let record = existing ?? BulletinRecord()
            record.$plan.id = planID
            record.kind = kind.rawValue
            record.period = form.period ?? ""
            record.number = number
            record.title = bulletin.title
            record.issuedOn = bulletin.issuedOn
            record.issuedBy = account.displayName
            record.issuer = issuer
            record.state = .draft
            record.summary = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
            record.content = String(decoding: try JSONEncoder().encode(bulletin), as: UTF8.self)
            record.docx = try BulletinDocument.docx(marked)
            try await req.db.writeTransaction { tx in
                try await record.save(on: tx)
                try await Audit.record(account, "bulletin.draft", entity: "bulletin", id: record.id,
                                       before: existing.map { _ in "替换原草稿" }, after: record.title, on: tx)
            }
            return req.redirectWithFlash(SitePath.bulletinPage(planID, try record.requireID()).path,
                                         "已生成通报草稿（第\(number)期），请核对后发布。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    struct PublishForm: Content {
        var confirm: String?
    }

    /// Issues the draft as previewed, dated today, after the office ticks that it checked it.
    @Sendable static func publish(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (plan, record) = try await editableBulletin(req)
        let planID = try plan.requireID()
        let page = SitePath.bulletinPage(planID, try record.requireID()).path
        guard record.state == .draft, var bulletin = record.bulletin else {
            return req.redirectWithFlash(page, "这期通报不是草稿，不能再发布。")
        }
        guard (try? req.content.decode(PublishForm.self))?.confirm == "yes" else {
            return req.redirectWithFlash(page, "请先勾选“已核对草稿内容”，再发布。")
        }
        let today = req.clock.today()
        bulletin.issuedOn = today.iso
        bulletin.number = "第\(record.number)期"
        record.issuedOn = today.iso
        record.issuedBy = account.displayName
        record.state = .issued
        record.content = String(decoding: try JSONEncoder().encode(bulletin), as: UTF8.self)
        record.docx = try BulletinDocument.docx(bulletin)
        try await req.db.writeTransaction { tx in
            try await record.save(on: tx)
            try await Audit.record(account, "bulletin.issue", entity: "bulletin", id: record.id,
                                   before: "草稿", after: "第\(record.number)期 \(record.title)", on: tx)
        }
        return req.redirectWithFlash(page, "已发布第\(record.number)期通报。")
    }

    struct WithdrawForm: Content {
        var reason: String?
    }

    /// Withdraws an issued bulletin: it stays listed as 已撤回 with the reason; its number is not reused.
    @Sendable static func withdraw(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (plan, record) = try await editableBulletin(req)
        let page = SitePath.bulletinPage(try plan.requireID(), try record.requireID()).path
        guard record.state == .issued else {
            return req.redirectWithFlash(page, "只有已发布的通报可以撤回。")
        }
        let reason = ((try? req.content.decode(WithdrawForm.self))?.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 2, reason.count <= 500 else {
            return req.redirectWithFlash(page, "请填写撤回原因（2至500字）。")
        }
        record.state = .withdrawn
        record.withdrawnReason = reason
        record.withdrawnBy = account.displayName
        record.withdrawnOn = req.clock.today().iso
        try await req.db.writeTransaction { tx in
            try await record.save(on: tx)
            try await Audit.record(account, "bulletin.withdraw", entity: "bulletin", id: record.id,
                                   before: "已发布 第\(record.number)期", after: "已撤回：\(reason)", on: tx)
        }
        return req.redirectWithFlash(page, "已撤回第\(record.number)期通报。")
    }

    /// Deletes the draft (an issued bulletin is withdrawn, never deleted).
    @Sendable static func discard(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (plan, record) = try await editableBulletin(req)
        let planID = try plan.requireID()
        guard record.state == .draft else {
            return req.redirectWithFlash(SitePath.bulletinPage(planID, try record.requireID()).path, "已发布的通报不能删除，只能撤回。")
        }
        let id = record.id
        let title = record.title
        try await req.db.writeTransaction { tx in
            try await record.delete(on: tx)
            try await Audit.record(account, "bulletin.discard", entity: "bulletin", id: id, before: title, on: tx)
        }
        return req.redirectWithFlash(SitePath.bulletinsPage(planID).path, "已删除通报草稿。")
    }

    /// A bulletin of the plan the account may read; a draft only for those who may issue it.
    static func bulletin(_ req: Request) async throws -> (PlanRecord, BulletinRecord) {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        guard let record = try await BulletinRecord.find(try req.uuidParameter("bulletinID"), on: req.db), record.$plan.id == plan.id,
              record.state != .draft || Access.canEdit(plan, account: account) else {
            throw AppError.notFound("通报")
        }
        return (plan, record)
    }

    static func editableBulletin(_ req: Request) async throws -> (PlanRecord, BulletinRecord) {
        let plan = try await Access.editablePlan(req)
        guard let record = try await BulletinRecord.find(try req.uuidParameter("bulletinID"), on: req.db), record.$plan.id == plan.id else {
            throw AppError.notFound("通报")
        }
        return (plan, record)
    }

    /// The page lays out the kept bulletin (the same value the .docx was
    /// written from); one issued before bulletins were kept as values shows
    /// the text of its .docx.
    @Sendable static func show(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (plan, record) = try await bulletin(req)
        let content: BulletinView.Content
        if let bulletin = record.bulletin {
            content = .bulletin(bulletin)
        } else {
            content = .paragraphs(((try? DocxReader.text(from: record.docx)) ?? "").split(separator: "\n").map(String.init))
        }
        return try await BulletinView.View(plan: plan, bulletin: record, content: content,
                                           canIssue: Access.canEdit(plan, account: account), context: req.pageContextWithFlash)
            .html.encodeResponse(for: req)
    }

    @Sendable static func docx(req: Request) async throws -> Response {
        let (_, record) = try await bulletin(req)
        try await Audit.record(try req.requireAccount(), "export.bulletin", entity: "bulletin", id: record.id, after: record.title, on: req.db)
        let response = Response(status: .ok, body: .init(data: record.docx))
        response.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let name = "\(record.title)\(record.state == .draft ? "（草稿）" : "").docx".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "bulletin.docx"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"bulletin.docx\"; filename*=UTF-8''\(name)")
        return response
    }

    /// Issued and withdrawn bulletins (never drafts), newest first.
    @Sendable static func api(req: Request) async throws -> Response {
        let plan = try await Access.readablePlan(req)
        return try await list(plan, drafts: false, on: req.db).map(dto).encodeResponse(for: req)
    }
}
