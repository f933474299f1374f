import Foundation
import Vapor

/// Runs the web server until it is stopped; `sciplan serve` calls this with
/// the configuration it read.
public enum Server {
    public static func run(_ config: AppConfig) async throws {
        var env = Environment(name: "production", arguments: ["sciplan", "serve"])
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            app.logger.notice("数据库：\(config.databaseDescription)")
            try await configure(app, config)
            try await app.execute()
        } catch {
            app.logger.critical("启动失败：\(String(describing: error))")
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs `body` with a configured app (database migrated), without serving.
    public static func withApp<T: Sendable>(_ config: AppConfig, _ body: (Application) async throws -> T) async throws -> T {
        var config = config
        config.schedulerSeconds = 0
        config.auditSealSeconds = 0
        let app = try await Application.make(.init(name: "production", arguments: ["sciplan"]))
        app.logger.logLevel = .error
        do {
            try await configure(app, config)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
