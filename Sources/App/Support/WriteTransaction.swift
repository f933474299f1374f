import Fluent
import NIOConcurrencyHelpers
import SQLKit

extension Database {
    /// A transaction that writes. On SQLite it begins IMMEDIATE, taking the
    /// write lock before the first read: a deferred transaction that reads
    /// and then writes while another connection writes fails at once with
    /// "database is locked" (SQLite cannot wait there without deadlocking),
    /// which under a thousand units submitting at once loses reports. Writers
    /// of this process also queue at `SQLiteWriteGate` first, so a waiting
    /// writer neither holds a pooled connection nor spins in SQLite's busy
    /// handler (the driver's retries at once, burning a core). On PostgreSQL
    /// it is the ordinary transaction.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
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
