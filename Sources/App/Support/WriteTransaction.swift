import Fluent
import FluentPostgresDriver
import NIOConcurrencyHelpers
import SQLKit
import Vapor

extension Database {
    /// A transaction that writes. On SQLite it begins IMMEDIATE, taking the
    /// write lock before the first read: a deferred transaction that reads
    /// and then writes while another connection writes fails at once with
    /// "database is locked" (SQLite cannot wait there without deadlocking),
    /// which under a thousand units submitting at once loses reports. Writers
    /// of this process also queue at `SQLiteWriteGate` first, so a waiting
    /// writer neither holds a pooled connection nor spins in SQLite's busy
    /// handler (the driver's retries at once, burning a core). On PostgreSQL
    /// see `postgresTransaction`.
    package func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await postgresTransaction(body)
        }
        return try await SQLiteWriteGate.shared.run {
            try await withConnection { connection in
                guard let raw = connection as? any SQLDatabase else { return try await connection.transaction(body) }
                try await raw.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(connection)
                    try await raw.raw("COMMIT").run()
                    return result
                } catch {
                    try? await raw.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }
}

extension Database {
    /// BEGIN … COMMIT on one pooled connection, like Fluent's transaction,
    /// except when the connection is lost in the middle (the server was
    /// restarted, a network cut, an administrator's pg_terminate_backend):
    /// PostgreSQL has then rolled the transaction back itself, and a ROLLBACK
    /// sent on the dying connection could wait for an answer forever, holding
    /// the request and its pooled connection (`scripts/pg-drop-test.py` saw
    /// it in 10 of 40 rounds). So the connection is closed instead, which the
    /// pool replaces, and the user is told that nothing was saved.
    func postgresTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withConnection { connection in
            guard let raw = connection as? any SQLDatabase else { return try await connection.transaction(body) }
            let lost = AppError(status: .serviceUnavailable, reason: "与数据库的连接中断，本次操作没有保存任何内容，请重新提交。")
            @Sendable func close() async {
                if let postgres = connection as? any PostgresDatabase { try? await postgres.withConnection { $0.close() }.get() }
            }
            do {
                // A connection the server dropped while no query was running
                // can leave the next query waiting forever in the driver: a
                // deadline closes it, which fails that query.
                return try await Self.within(Self.transactionDeadline, onTimeout: close) {
                    try await raw.raw("BEGIN").run()
                    let result = try await body(connection)
                    try await raw.raw("COMMIT").run()
                    return result
                }
            } catch is TransactionTimedOut {
                throw lost
            } catch {
                guard Self.isConnectionLost(error) else {
                    try? await raw.raw("ROLLBACK").run()
                    throw error
                }
                await close()
                throw lost
            }
        }
    }

    /// Longer than any write of the app takes on a healthy database (they take milliseconds).
    static var transactionDeadline: Duration { .seconds(20) }

    /// Runs `work`; after `deadline` calls `onTimeout` (which should make
    /// `work` fail) and throws `TransactionTimedOut` without waiting further.
    static func within<T: Sendable>(_ deadline: Duration, onTimeout: @escaping @Sendable () async -> Void,
                                    _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = NIOLockedValueBox<CheckedContinuation<T, any Error>?>(nil)
        return try await withCheckedThrowingContinuation { continuation in
            outcome.withLockedValue { $0 = continuation }
            let worker = Task {
                let result: Result<T, any Error>
                do { result = .success(try await work()) } catch { result = .failure(error) }
                outcome.withLockedValue { $0.take() }?.resume(with: result)
            }
            Task {
                try? await Task.sleep(for: deadline)
                guard let waiting = outcome.withLockedValue({ $0.take() }) else { return }
                await onTimeout()
                worker.cancel()
                waiting.resume(throwing: TransactionTimedOut())
            }
        }
    }

    /// Whether the error means the connection itself is gone: closed by
    /// either side, or a FATAL message from the server (57P01 terminated by
    /// an administrator, 57P02/57P03 crash or shutdown, class 08 connection errors).
    static func isConnectionLost(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError else { return false }
        switch psql.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            return psql.serverInfo?[.severity] == "FATAL" || state.hasPrefix("57P") || state.hasPrefix("08")
        default: return false
        }
    }
}

/// A write transaction that outlived `Database.transactionDeadline`.
struct TransactionTimedOut: Error {}

/// One writer at a time in this process, first come first served. SQLite
/// allows one writer per database anyway; queueing here instead of inside
/// SQLite keeps the waiting cheap. Shared by every app of the process (tests
/// run several in-memory databases one after another, never at once).
final class SQLiteWriteGate: Sendable {
    static let shared = SQLiteWriteGate()

    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Set while a task holds the gate: a nested call must not wait for
    /// itself (it fails in SQLite instead, as a nested BEGIN does).
    @TaskLocal private static var holding = false

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if Self.holding { return try await body() }
        await acquire()
        defer { release() }
        return try await Self.$holding.withValue(true) { try await body() }
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLockedValue { state -> Bool in
                if state.busy { state.waiting.append(continuation); return false }
                state.busy = true
                return true
            }
            if granted { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty { state.busy = false; return nil }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
