import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// bcrypt on a thread pool of its own, with a bounded queue.
///
/// Vapor hashes on the application's thread pool, which the SQLite driver
/// also runs every query on (two threads on this machine): 200 logins at
/// once held both threads with bcrypt and every other request waited for a
/// database connection until it timed out with a 500. Here bcrypt gets one
/// thread of its own (the cores less one), so logins queue behind each other
/// and never behind database work; more than `maxWaiting` queued answer 503
/// at once instead of piling up without end.
final class PasswordWork: Sendable {
    let cost: Int
    /// A hash at the configured cost, to spend a real check's time on an
    /// unknown name or a locked account, so the answer's time tells nothing.
    let dummyHash: String
    private let pool: WorkPool

    static let busy = AppError(status: .serviceUnavailable, reason: "登录请求过多，请稍后再试。")

    init(cost: Int, threads: Int = max(1, System.coreCount - 1), maxWaiting: Int = 1_000) {
        self.cost = cost
        dummyHash = (try? Bcrypt.hash("sciplan-dummy-password", cost: cost)) ?? ""
        pool = WorkPool(threads: threads, maxWaiting: maxWaiting, busy: Self.busy)
    }

    func verify(_ password: String, created hash: String, on eventLoop: any EventLoop) async throws -> Bool {
        try await pool.run(on: eventLoop) { try Bcrypt.verify(password, created: hash) }
    }

    func hash(_ password: String, on eventLoop: any EventLoop) async throws -> String {
        let cost = self.cost
        return try await pool.run(on: eventLoop) { try Bcrypt.hash(password, cost: cost) }
    }

    func shutdown() async throws { try await pool.shutdown() }
}

/// A few threads of their own for CPU-bound work, with a bounded queue.
/// Swift's cooperative pool has one thread per core (two here): work that
/// holds one for seconds (bcrypt, reading a large upload) stalls every other
/// request's async code, and Vapor's thread pool is the SQLite driver's.
final class WorkPool: Sendable {
    let maxWaiting: Int
    private let busy: AppError
    private let pool: NIOThreadPool
    private let waiting = NIOLockedValueBox(0)

    init(threads: Int, maxWaiting: Int, busy: AppError) {
        self.maxWaiting = maxWaiting
        self.busy = busy
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func run<T: Sendable>(on eventLoop: any EventLoop, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = waiting.withLockedValue { count -> Bool in
            guard count < maxWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else { throw busy }
        defer { waiting.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(eventLoop: eventLoop, work).get()
    }

    func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}

struct DocumentWorkKey: StorageKey { typealias Value = WorkPool }

extension Application {
    /// Reads uploaded plan documents and workbooks: one thread, at most 16
    /// waiting (503 beyond).
    var documentWork: WorkPool {
        guard let work = storage[DocumentWorkKey.self] else { fatalError("the document pool is set up in configure") }
        return work
    }
}

struct PasswordWorkKey: StorageKey { typealias Value = PasswordWork }

/// Stops the pool when the application stops.
struct PasswordWorkLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        try? await application.storage[PasswordWorkKey.self]?.shutdown()
        try? await application.storage[DocumentWorkKey.self]?.shutdown()
    }
}

extension Application {
    var passwordWork: PasswordWork {
        guard let work = storage[PasswordWorkKey.self] else { fatalError("PasswordWork is set up in configure") }
        return work
    }
}

extension Request {
    /// Checks a password against a stored hash on the password pool.
    func verifyPassword(_ password: String, created hash: String) async throws -> Bool {
        try await application.passwordWork.verify(password, created: hash, on: eventLoop)
    }

    /// Spends the time of one password check and always fails.
    func spendCheckTime(_ password: String) async {
        _ = try? await verifyPassword(password, created: application.passwordWork.dummyHash)
    }

    /// Hashes a new password on the password pool at the configured cost.
    func hashPassword(_ password: String) async throws -> String {
        try await application.passwordWork.hash(password, on: eventLoop)
    }
}
