import NIOConcurrencyHelpers
import Vapor

/// Counts the requests being answered, and at shutdown waits (10 s at most)
/// until none is left before the database pools close.
///
/// When the server stops, NIO closes the connections, but a handler whose
/// client has already gone keeps running; without the wait it met closed
/// pools (`ConnectionPoolError.shutdown`) or, reading `req.db` after Fluent
/// dropped its databases, stopped the process (seen when `bench-supervision`
/// shut its server down with wrk's last submissions still running).
///
/// Once shutdown has begun, a request that arrives anyway (on a connection a
/// browser kept alive) is answered 503 here, before any middleware reads the
/// database: after the drain Fluent's databases are gone, and `req.db` on them
/// stops the process (seen when a demo server was stopped under a browser walk).
final class InFlightRequests: AsyncMiddleware, LifecycleHandler, Sendable {
    /// Requests being answered, and whether shutdown has begun: one lock, so
    /// a request is either counted before the drain starts (and waited for)
    /// or refused.
    private let state = NIOLockedValueBox((count: 0, stopping: false))
    static let drainLimit: TimeInterval = 10

    var current: Int { state.withLockedValue { $0.count } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let admitted = state.withLockedValue { state -> Bool in
            guard !state.stopping else { return false }
            state.count += 1
            return true
        }
        guard admitted else {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .connection, value: "close")
            headers.contentType = .plainText
            return Response(status: .serviceUnavailable, headers: headers, body: .init(string: "服务正在停止，请稍后再试。"))
        }
        defer { state.withLockedValue { $0.count -= 1 } }
        return try await next.respond(to: request)
    }

    func shutdownAsync(_ application: Application) async {
        state.withLockedValue { $0.stopping = true }
        let deadline = Date().addingTimeInterval(Self.drainLimit)
        while current > 0, Date() < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        if current > 0 {
            application.logger.warning("\(current) 个请求在停止前 \(Int(Self.drainLimit)) 秒内未完成")
        }
    }
}
