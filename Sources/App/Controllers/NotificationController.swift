import Fluent
import Vapor

/// Each account's notification list (退回, 提醒, 催办, 督办).
enum NotificationController {
    struct NotificationDTO: Content {
        var id: UUID
        var kind: String
        var title: String
        var body: String
        var link: String?
        var createdAt: Date?
        var read: Bool
    }

    static func list(_ req: Request) async throws -> [NotificationRecord] {
        let account = try req.requireAccount()
        return try await NotificationRecord.query(on: req.db).filter(\.$account.$id == account.requireID())
            .sort(\.$createdAt, .descending).limit(200).all()
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await NotificationsPage.View(items: try await list(req), context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        try await list(req).map { n in
            NotificationDTO(id: try n.requireID(), kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, read: n.readAt != nil)
        }.encodeResponse(for: req)
    }

    @Sendable static func markRead(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let unread = try await NotificationRecord.query(on: req.db).filter(\.$account.$id == account.requireID())
            .filter(\.$readAt == nil).all()
        let now = req.clock.now()
        if !unread.isEmpty {
            try await req.db.writeTransaction { tx in
                for item in unread {
                    item.readAt = now
                    try await item.save(on: tx)
                }
                try await Audit.record(account, "notification.read", entity: "notification", id: nil, after: "\(unread.count) 条", on: tx)
            }
        }
        return req.redirectWithFlash(SitePath.notificationsPage.path, "已全部标为已读。")
    }
}
