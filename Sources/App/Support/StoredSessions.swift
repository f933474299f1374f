import Fluent
import SQLKit
import Foundation
import Vapor

/// Sessions kept in the database (Fluent's `_fluent_sessions` table) with an
/// idle timeout and an absolute lifetime (等保2.0: a session that sits unused
/// or lives too long ends), written only when something changed.
///
/// Vapor's own Fluent driver rewrites the session row after every request,
/// so every page view was a write transaction that queued behind report
/// submissions for SQLite's single write lock. Here a request writes only
/// when its session data changed, or to move the last-seen time forward once
/// a minute.
struct StoredSessions: SessionDriver {
    static let createdKey = "_created"
    static let seenKey = "_seen"
    /// How often the last-seen time is written while a session is in use.
    static let touchEvery: TimeInterval = 60

    var idle: TimeInterval
    var lifetime: TimeInterval

    private struct ReadKey: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = Self.generateID()
        var data = data
        let now = String(Int(Date().timeIntervalSince1970))
        data[Self.createdKey] = now
        data[Self.seenKey] = now
        return SessionRecord(key: id, data: data).create(on: request.db).map { id }
    }

    /// Read with a plain query: every signed-in request comes here first.
    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let sql = request.db as? any SQLDatabase else { return nil }
            guard let row = try await sql.select().column("data").from(SessionRecord.schema)
                .where("key", .equal, SQLBind(sessionID.string)).first() else { return nil }
            let stored = try row.decode(column: "data", as: SessionData.self)
            let now = Date().timeIntervalSince1970
            let created = stored[Self.createdKey].flatMap(Double.init) ?? 0
            let seen = stored[Self.seenKey].flatMap(Double.init) ?? 0
            if now - created > lifetime || now - seen > idle {
                // Expired: gone from the table, and the middleware expires the cookie.
                try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).delete()
                return nil
            }
            request.storage[ReadKey.self] = stored
            var data = stored
            if now - seen >= Self.touchEvery { data[Self.seenKey] = String(Int(now)) }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let read = request.storage[ReadKey.self], read == data {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return SessionRecord.query(on: request.db).filter(\.$key == sessionID)
            .set(\.$data, to: data).update().map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRecord.query(on: request.db).filter(\.$key == sessionID).delete()
    }

    /// 256 random bits from the system's generator.
    static func generateID() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SessionID(string: Data(bytes).base64EncodedString())
    }
}

extension Request {
    /// Moves this visitor to a new session id, dropping the old session's
    /// row and data (at login, so an id planted or seen before is worthless).
    /// Vapor's `destroy()` cannot be followed by writes in the same request:
    /// the invalidated session would be deleted with them.
    func renewSession() async throws {
        guard hasSession else { return }
        if let old = session.id {
            try await SessionRecord.query(on: db).filter(\.$key == old).delete()
        }
        session.id = nil
        session.data = SessionData()
    }
}
