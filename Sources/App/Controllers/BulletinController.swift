import Fluent
import PlanDomain
import PlanText
import Vapor

/// 通报: the office issues a monthly or quarterly bulletin; each is kept with
/// its figures and its .docx, shown as a page and downloadable.
enum BulletinController {
    struct BulletinDTO: Content {
        var id: UUID
        var kind: String
        var period: String
        var number: Int
        var title: String
        var issuedOn: String
        var issuedBy: String
        var summary: [String: String]
    }

    static func dto(_ b: BulletinRecord) throws -> BulletinDTO {
        let summary = (try? JSONDecoder().decode([String: String].self, from: Data(b.summary.utf8))) ?? [:]
        return BulletinDTO(id: try b.requireID(), kind: b.kind, period: b.period, number: b.number, title: b.title,
                           issuedOn: b.issuedOn, issuedBy: b.issuedBy, summary: summary)
    }

    static func list(_ plan: PlanRecord, on db: any Database) async throws -> [BulletinRecord] {
        try await BulletinRecord.query(on: db).filter(\.$plan.$id == plan.requireID())
            .field(\.$id).field(\.$plan.$id).field(\.$kind).field(\.$period).field(\.$number).field(\.$title)
            .field(\.$issuedOn).field(\.$issuedBy).field(\.$summary).field(\.$createdAt)
            .sort(\.$number, .descending).all()
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let today = req.clock.today()
        let settings = try await CalendarSettings.load(planID: try plan.requireID(), on: req.db)
        let calendar = try settings.calendar(year: plan.reportingYear(today: today))
        return try await BulletinsPage.View(
            plan: plan, bulletins: try await list(plan, on: req.db), calendar: calendar, today: today,
            canIssue: Access.canEdit(plan, account: account), context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    struct IssueForm: Content {
        var kind: String?
        var period: String?
    }

    @Sendable static func issue(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.bulletinsPage(planID).path
        do {
            let form = try req.content.decode(IssueForm.self)
            guard let kind = Bulletin.Kind(rawValue: form.kind ?? "monthly") else { throw AppError.badRequest("通报类型只能是月度或季度。") }
            let inputs = try await StandingInputs.load(plan, on: req.db)
            let number = (try await BulletinRecord.query(on: req.db).filter(\.$plan.$id == planID).max(\.$number) ?? 0) + 1
            let place = try await PlanQueries.jurisdictionName(plan.jurisdictionCode, on: req.db)
            let issuer = plan.issuers.first ?? place
            let (bulletin, summary) = try BulletinBuilder.build(
                .init(kind: kind, period: form.period ?? ""), inputs: inputs, today: req.clock.today(), number: number, issuer: issuer)
            let record = BulletinRecord()
            record.$plan.id = planID
            record.kind = kind.rawValue
            record.period = form.period ?? ""
            record.number = number
            record.title = bulletin.title
            record.issuedOn = bulletin.issuedOn
            record.issuedBy = account.displayName
            record.summary = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
            record.docx = try BulletinDocument.docx(bulletin)
            try await req.db.writeTransaction { tx in
                try await record.create(on: tx)
                try await Audit.record(account, "bulletin.issue", entity: "bulletin", id: record.id, after: record.title, on: tx)
            }
            return req.redirectWithFlash(SitePath.bulletinPage(planID, try record.requireID()).path, "已发布\(bulletin.number ?? "")通报。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    static func bulletin(_ req: Request) async throws -> (PlanRecord, BulletinRecord) {
        let plan = try await Access.readablePlan(req)
        guard let record = try await BulletinRecord.find(try req.uuidParameter("bulletinID"), on: req.db), record.$plan.id == plan.id else {
            throw AppError.notFound("通报")
        }
        return (plan, record)
    }

    /// The page shows the text of the kept .docx, so the page and the file
    /// cannot say different things.
    @Sendable static func show(req: Request) async throws -> Response {
        let (plan, record) = try await bulletin(req)
        let text = ((try? DocxReader.text(from: record.docx)) ?? "").split(separator: "\n").map(String.init)
        return try await BulletinView.View(plan: plan, bulletin: record, paragraphs: text, context: req.pageContextWithFlash)
            .html.encodeResponse(for: req)
    }

    @Sendable static func docx(req: Request) async throws -> Response {
        let (_, record) = try await bulletin(req)
        try await Audit.record(try req.requireAccount(), "export.bulletin", entity: "bulletin", id: record.id, after: record.title, on: req.db)
        let response = Response(status: .ok, body: .init(data: record.docx))
        response.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let name = "\(record.title).docx".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "bulletin.docx"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"bulletin.docx\"; filename*=UTF-8''\(name)")
        return response
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let plan = try await Access.readablePlan(req)
        return try await list(plan, on: req.db).map(dto).encodeResponse(for: req)
    }
}
