import App
import Foundation
import PlanDomain
import Vapor

/// A configured app serving on 127.0.0.1 (the scheduler off, the business
/// date given) for the length of `measure`, which gets the app and the port
/// it listens on; the server is stopped whatever `measure` does.
func withServingApp(_ config: AppConfig, today: CivilDate, port: Int,
                    _ measure: (Application, Int) async throws -> Void) async throws {
    var config = config
    config.schedulerSeconds = 0
    config.today = today
    config.port = port
    let app = try await Application.make(.init(name: "production", arguments: ["sciplan"]))
    app.logger.logLevel = .error
    do {
        try await configure(app, config)
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        try await measure(app, app.listeningPort ?? port)
    } catch {
        await app.server.shutdown()
        try? await app.asyncShutdown()
        throw error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
}

/// A benchmark that could not run as set up (a page that did not answer 200,
/// a login refused, no data to measure); printed and the command fails.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// The body of `POST /api/reports` as a client writes it: the benchmark is a
/// client of the server's API, not a user of its types.
struct SubmitReport: Content {
    var planID: UUID
    var nodeID: UUID
    var period: String
    var narrative: String
    var percent: Double
    var selfStatus: Health
    var submit: Bool
}
