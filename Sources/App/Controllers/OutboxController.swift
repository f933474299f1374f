import Fluent
import Vapor

/// The robot messages that could not be delivered (企业微信/钉钉 webhooks):
/// the system admin sees why and sends them again once the group's robot
/// works. Pending ones are listed too, with their next attempt.
enum OutboxController {
    @Sendable static func page(req: Request) async throws -> Response {
        let messages = try await OutboxMessage.query(on: req.db).filter(\.$status != .sent)
            .sort(\.$status).sort(\.$nextAttemptAt, .descending).limit(500).all()
        return try await OutboxPage.View(context: req.pageContextWithFlash, messages: messages).html.encodeResponse(for: req)
    }

    @Sendable static func retry(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let id = try req.uuidParameter("messageID")
        guard let message = try await OutboxMessage.find(id, on: req.db) else { throw AppError.notFound("消息") }
        guard message.status == .failed else {
            return req.redirectWithFlash(SitePath.outboxPage.path, "这条消息没有发送失败，无需重发。")
        }
        let before = "failed, \(message.attempts) 次, \(message.lastError ?? "")"
        message.status = .pending
        message.attempts = 0
        message.nextAttemptAt = req.clock.now()
        message.claimedBy = nil
        message.claimedUntil = nil
        try await req.db.writeTransaction { db in
            try await message.save(on: db)
            try await Audit.record(account, "outbox.retry", entity: "outbox", id: id, before: before, after: "pending", on: db)
        }
        return req.redirectWithFlash(SitePath.outboxPage.path, "已放回发送队列，调度器下一轮会重新发送。")
    }

    /// Host and path only: the query of a robot webhook is its key.
    static func maskedURL(_ text: String) -> String {
        guard let url = URL(string: text), let host = url.host else { return "（无效地址）" }
        return (url.scheme.map { $0 + "://" } ?? "") + host + url.path + (url.query == nil ? "" : "?…")
    }
}
