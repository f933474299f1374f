@testable import App
import NIOConcurrencyHelpers
import Testing
import Vapor

/// At shutdown the server waits for the requests it is answering, and refuses
/// any that arrive after (on a kept-alive connection) before they reach a
/// middleware that would read the closed databases.
extension ServerTests {
    @Suite struct ShutdownDrain {
        struct Counting: AsyncResponder {
            let reached: NIOLockedValueBox<Int>
            func respond(to request: Request) async throws -> Response {
                reached.withLockedValue { $0 += 1 }
                return Response(status: .ok)
            }
        }

        @Test func aRequestAfterShutdownBeganIsRefusedBeforeTheApp() async throws {
            try await withServer { app in
                let inFlight = InFlightRequests()
                let next = Counting(reached: NIOLockedValueBox(0))
                let request = Request(application: app, on: app.eventLoopGroup.next())
                #expect(try await inFlight.respond(to: request, chainingTo: next).status == .ok)
                await inFlight.shutdownAsync(app)
                let refused = try await inFlight.respond(to: request, chainingTo: next)
                #expect(refused.status == .serviceUnavailable)
                #expect(refused.headers.first(name: .connection) == "close")
                #expect(refused.body.string?.contains("服务正在停止") == true)
                #expect(next.reached.withLockedValue { $0 } == 1, "the refused request never reached the app")
                #expect(inFlight.current == 0)
            }
        }
    }
}
