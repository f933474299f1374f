import Fluent
import Vapor

/// Counts a signed-in user's unread notifications before a page is drawn,
/// so the header's 通知 link can say how many wait. Pages only: API calls,
/// the stylesheet and writes skip the query.
struct UnreadNotifications: AsyncMiddleware {
    struct Key: StorageKey { typealias Value = Int }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        if request.method == .GET, let account = request.account, let id = account.id,
           !path.hasPrefix("/api/"), path != "/healthz", path != "/app.css", path != "/openapi.json" {
            request.storage[Key.self] = try await NotificationRecord.query(on: request.db)
                .filter(\.$account.$id == id).filter(\.$readAt == nil).count()
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Unread notifications of the signed-in user, when counted for this page.
    var unreadNotifications: Int? { storage[UnreadNotifications.Key.self] }
}
