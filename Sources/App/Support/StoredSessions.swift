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

    /// Deletes every session past its idle time or lifetime. A session is
    /// otherwise deleted only when its cookie comes back; one never used
    /// again stayed in the table for good.
    @discardableResult
    func sweep(on db: any Database, now: Date = Date()) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        var expired: [String] = []
        for row in try await sql.select().column("key").column("data").from(SessionRecord.schema).all() {
            let data = try row.decode(column: "data", as: SessionData.self)
            let created = data[Self.createdKey].flatMap(Double.init) ?? 0
            let seen = data[Self.seenKey].flatMap(Double.init) ?? 0
            let t = now.timeIntervalSince1970
            if t - created > lifetime || t - seen > idle { expired.append(try row.decode(column: "key", as: String.self)) }
        }
        for batch in stride(from: 0, to: expired.count, by: 500) {
            try await sql.delete(from: SessionRecord.schema)
                .where("key", .in, SQLBind.group(Array(expired[batch..<min(batch + 500, expired.count)]))).run()
        }
        return expired.count
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

/// Sweeps expired sessions every ten minutes while the server runs.
final class SessionSweeper: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let config = app.appConfig
        let sessions = StoredSessions(idle: TimeInterval(config.sessionIdleMinutes * 60), lifetime: TimeInterval(config.sessionHours * 3600))
        task = Task {
            while !Task.isCancelled {
                do {
                    let n = try await sessions.sweep(on: app.db)
                    if n > 0 { app.logger.info("已清除 \(n) 个过期会话。") }
                } catch {
                    app.logger.warning("清除过期会话未完成（下次重试）：\(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: 600 * 1_000_000_000)
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
