import Fluent
import PlanDomain
import Vapor

/// 督办单: the rules propose, the office issues with a reply date (or
/// declines), the unit replies. Also the button that runs the rules now.
enum NoticeController {
    struct NoticeDTO: Content {
        var id: UUID
        var nodeID: UUID
        var unitID: UUID
        var level: NoticeLevel
        var levelTitle: String
        var period: String
        var reasons: String
        var status: SupervisionNotice.Status
        var issuedBy: String?
        var replyBy: String?
        var reply: String?

        init(_ n: SupervisionNotice) throws {
            id = try n.requireID()
            nodeID = n.$node.id
            unitID = n.$unit.id
            level = n.level
            levelTitle = n.level.title
            period = n.period
            reasons = n.reasons
            status = n.status
            issuedBy = n.issuedBy
            replyBy = n.replyBy
            reply = n.reply
        }
    }

    static func notices(of plan: PlanRecord, on db: any Database) async throws -> [SupervisionNotice] {
        try await SupervisionNotice.query(on: db).filter(\.$plan.$id == plan.requireID())
            .sort(\.$createdAt, .descending).all()
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let items = try await notices(of: plan, on: req.db)
        let nodeIDs = Array(Set(items.map { $0.$node.id }))
        let unitIDs = Array(Set(items.map { $0.$unit.id }))
        let nodes = nodeIDs.isEmpty ? [] : try await NodeRecord.query(on: req.db).filter(\.$id ~~ nodeIDs).all()
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: req.db).filter(\.$id ~~ unitIDs).all()
        return try await NoticesPage.View(
            plan: plan, notices: items,
            nodes: Dictionary(nodes.compactMap { n in n.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a }),
            unitNames: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a }),
            canIssue: Access.canEdit(plan, account: account), today: req.clock.today(), context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let plan = try await Access.readablePlan(req)
        return try await notices(of: plan, on: req.db).map(NoticeDTO.init).encodeResponse(for: req)
    }

    struct IssueForm: Content {
        var replyBy: String?
        var action: String?
    }

    @Sendable static func issue(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.noticesPage(planID).path
        guard let notice = try await SupervisionNotice.find(try req.uuidParameter("noticeID"), on: req.db), notice.$plan.id == planID else {
            throw AppError.notFound("督办单")
        }
        let form = try req.content.decode(IssueForm.self)
        guard notice.status == .proposed else { return req.redirectWithFlash(back, "这份督办单已处理（\(notice.status.title)）。") }
        if form.action == "dismiss" {
            notice.status = .dismissed
            try await req.db.writeTransaction { tx in
                try await notice.save(on: tx)
                try await Audit.record(account, "notice.dismiss", entity: "supervision_notice", id: notice.id, on: tx)
            }
            return req.redirectWithFlash(back, "已决定不予签发。")
        }
        let today = req.clock.today()
        guard let replyBy = form.replyBy.flatMap(CivilDate.init(iso:)), replyBy >= today else {
            return req.redirectWithFlash(back, "请填写回复期限（不早于今天的日期，格式 YYYY-MM-DD）。")
        }
        let node = try await NodeRecord.find(notice.$node.id, on: req.db)
        let now = req.clock.now()
        let webhook = req.appConfig.webhookURL
        try await req.db.writeTransaction { tx in
            notice.status = .issued
            notice.issuedBy = account.displayName
            notice.issuedAt = now
            notice.replyBy = replyBy.iso
            try await notice.save(on: tx)
            let body = "\(notice.level.title)：\(node?.key ?? "") \(node?.title ?? "")。\(notice.reasons)。请于 \(replyBy.chineseTitle)前书面回复整改情况。"
            try await Notifier.tellUnit(notice.$unit.id, kind: "notice", title: "\(notice.level.title)：\(node?.title.prefix(30) ?? "")",
                                        body: body, link: SitePath.taskPage(planID, notice.$node.id).path, at: now, on: tx)
            try await TaskEvent(planID: planID, nodeID: notice.$node.id, unitID: notice.$unit.id, period: notice.period,
                                kind: .noticeIssued, accountName: account.displayName, detail: body, at: now).create(on: tx)
            try await Audit.record(account, "notice.issue", entity: "supervision_notice", id: notice.id, after: "reply by \(replyBy.iso)", on: tx)
            if let webhook {
                try await Outbox.enqueue(url: webhook, text: "【\(notice.level.title)】\(plan.displayTitle)\n\(body)", key: "notice-issued|\(notice.id!)", now: now, on: tx)
            }
        }
        return req.redirectWithFlash(back, "已签发\(notice.level.title)，单位会收到通知。")
    }

    struct ReplyForm: Content { var reply: String? }

    @Sendable static func reply(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let planID = try plan.requireID()
        guard let notice = try await SupervisionNotice.find(try req.uuidParameter("noticeID"), on: req.db), notice.$plan.id == planID else {
            throw AppError.notFound("督办单")
        }
        guard notice.$unit.id == account.$unit.id else { throw AppError.forbidden }
        let back = SitePath.taskPage(planID, notice.$node.id).path
        let text = (try req.content.decode(ReplyForm.self).reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard notice.status == .issued else { return req.redirectWithFlash(back, "这份督办单不在待回复状态。") }
        guard !text.isEmpty, text.count <= 5_000 else { return req.redirectWithFlash(back, "请填写回复内容（不超过 5000 字）。") }
        try await req.db.writeTransaction { tx in
            notice.status = .replied
            notice.reply = text
            notice.repliedAt = req.clock.now()
            try await notice.save(on: tx)
            try await TaskEvent(planID: planID, nodeID: notice.$node.id, unitID: notice.$unit.id, period: notice.period,
                                kind: .noticeReplied, accountName: account.displayName, detail: "回复\(notice.level.title)：\(text)", at: req.clock.now()).create(on: tx)
            try await Audit.record(account, "notice.reply", entity: "supervision_notice", id: notice.id, after: text, on: tx)
        }
        return req.redirectWithFlash(back, "已回复督办单。")
    }

    struct RunResult: Content {
        var escalations: Escalator.Outcome
        var delivery: Outbox.Delivery
    }

    /// Runs the rules now, as the scheduler would, over the plans of the
    /// caller's places only (a county office once ran every plan's), and
    /// under the scheduler's lease: while the scheduler (or another office)
    /// is running them, the request waits for that run (30 s at most, then
    /// 409) rather than run beside it.
    @Sendable static func run(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let holder = "request#\(ProcessInfo.processInfo.processIdentifier)#\(UUID().uuidString.prefix(8))"
        let now = req.clock.now()
        // A run in progress (the scheduler's, another office's) takes a
        // second or two: wait for it, up to half a minute, then refuse.
        let waitUntil = Date().addingTimeInterval(30)
        while try await !SchedulerLease.acquire("escalation", holder: holder, ttl: 120, now: req.clock.now(), on: req.db) {
            guard Date() < waitUntil else {
                throw AppError.conflict("督办检查正在运行（定时任务或他人刚刚开始），请稍后再试。")
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let outcome: Escalator.Outcome
        do {
            outcome = try await Escalator.run(
                .init(today: req.clock.today(), now: now, holder: holder, webhookURL: req.appConfig.webhookURL), on: req.db,
                include: { Access.canEdit($0, account: account) })
        } catch {
            // What was written before the error stays (each action is its own
            // transaction): the run is in the trail either way.
            try? await Audit.record(account, "escalation.run", entity: "escalation", id: holder, after: "未完成：\(String(describing: error).prefix(200))", on: req.db)
            try? await SchedulerLease.release("escalation", holder: holder, on: req.db)
            throw error
        }
        // One line for the run, under the holder every action it wrote carries
        // (`escalations.holder`): who ran the rules, and what came of it.
        try await Audit.record(
            account, "escalation.run", entity: "escalation", id: holder,
            after: "提醒 \(outcome.reminders) 条，催报 \(outcome.chases) 条，新提出督办单 \(outcome.notices) 份", on: req.db)
        try await SchedulerLease.release("escalation", holder: holder, on: req.db)
        let delivery = try await Outbox.deliver(client: req.client, now: now, holder: holder, on: req.db)
        if req.headers.contentType == .urlEncodedForm {
            let back = LocalPath.referer(req.headers.first(name: .referer), host: req.headers.first(name: .host), under: "/plans/")?.value
                ?? SitePath.plansPage.path
            return req.redirectWithFlash(back, "已检查：提醒 \(outcome.reminders) 条，催报 \(outcome.chases) 条，新提出督办单 \(outcome.notices) 份；推送 \(delivery.sent) 条。")
        }
        return try await RunResult(escalations: outcome, delivery: delivery).encodeResponse(for: req)
    }
}
