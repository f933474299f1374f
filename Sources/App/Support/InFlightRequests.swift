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
final class InFlightRequests: AsyncMiddleware, LifecycleHandler, Sendable {
    private let count = NIOLockedValueBox(0)
    static let drainLimit: TimeInterval = 10

    var current: Int { count.withLockedValue { $0 } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    func shutdownAsync(_ application: Application) async {
        let deadline = Date().addingTimeInterval(Self.drainLimit)
        while current > 0, Date() < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        if current > 0 {
            application.logger.warning("\(current) 个请求在停止前 \(Int(Self.drainLimit)) 秒内未完成")
        }
    }
}
