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
}
