import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Writes checked progress reports. On SQLite, which has one writer at a
/// time, submissions arriving together are written together: while one
/// transaction is being written the next ones queue, and the writer then
/// takes all that waited (up to `batchLimit`) into one transaction with a
/// fixed number of statements (`ReportDesk.write`). Each statement is a hop
/// to the database thread and back, and under a thousand units submitting at
/// once those hops inside the write lock, not the disk, were the limit
/// (≈ 160 submissions/s one transaction each on the generated province).
/// A job whose report is already handed in fails alone; if a whole batch
/// fails, each of its jobs is retried in its own transaction so one bad
/// submission cannot cost the others theirs.
///
/// On PostgreSQL each submission is its own transaction: it has many
/// writers and no such queue to drain.
package final class ReportWriter: Sendable {
    static let batchLimit = 64

    private struct Waiting {
        var job: ReportDesk.Job
        var continuation: CheckedContinuation<ProgressReport, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
        var stats = Stats()
    }

    /// What was written since start: jobs and the transactions they took.
    package struct Stats: Sendable {
        package var jobs = 0
        package var transactions = 0
    }

    package var stats: Stats { state.withLockedValue { $0.stats } }

    private let state = NIOLockedValueBox(State())
    private let database: @Sendable () -> any Database

    init(database: @escaping @Sendable () -> any Database) {
        self.database = database
    }

    func write(_ job: ReportDesk.Job) async throws -> ProgressReport {
        let db = database()
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await db.writeTransaction { tx in try await ReportDesk.write([job], on: tx)[0].get() }
        }
        return try await withCheckedThrowingContinuation { continuation in
            let start = state.withLockedValue { state -> Bool in
                state.waiting.append(Waiting(job: job, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if start { Task { await self.drain() } }
        }
    }

    /// Writes batches until nobody waits.
    private func drain() async {
        while true {
            let batch = state.withLockedValue { state -> [Waiting] in
                let batch = Array(state.waiting.prefix(Self.batchLimit))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            let jobs = batch.map(\.job)
            var results: [Result<ProgressReport, any Error>]
            do {
                results = try await database().writeTransaction { tx in try await ReportDesk.write(jobs, on: tx) }
                state.withLockedValue { $0.stats.jobs += jobs.count; $0.stats.transactions += 1 }
            } catch {
                results = []
                for job in jobs {
                    do {
                        results.append(try await database().writeTransaction { tx in try await ReportDesk.write([job], on: tx)[0] })
                    } catch {
                        results.append(.failure(error))
                    }
                }
            }
            for (waiting, result) in zip(batch, results) { waiting.continuation.resume(with: result) }
        }
    }
}

extension Application {
    struct ReportWriterKey: StorageKey { typealias Value = ReportWriter }

    /// The app's report writer, made by `configure`.
    package var reportWriter: ReportWriter {
        guard let writer = storage[ReportWriterKey.self] else { fatalError("configure(_:_:) makes the report writer") }
        return writer
    }
}
