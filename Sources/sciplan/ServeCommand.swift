import App
import ArgumentParser
import Foundation

/// `sciplan serve`: the web application and its JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网站和接口（默认 SQLite；设置 DATABASE_URL=postgres://… 时用 PostgreSQL）。"
    )

    @Option(help: "监听地址（默认 127.0.0.1，或 SCIPLAN_HOSTNAME）。") var hostname: String?
    @Option(help: "端口（默认 8080，或 SCIPLAN_PORT）。") var port: Int?
    @Option(name: .customLong("db"), help: "SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB；演示模式默认在内存中）。") var databasePath: String?
    @Flag(help: "演示模式：导入并发布五个种子计划，创建演示账号。") var demo = false

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        if demo, databasePath == nil, environment["SCIPLAN_DB"] == nil, environment["DATABASE_URL"] == nil {
            environment["SCIPLAN_DB"] = ":memory:"
        }
        let config: AppConfig
        do {
            config = try AppConfig.load(hostname: hostname, port: port, databasePath: databasePath, demo: demo, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("sciplan serve: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        do {
            try await Server.run(config)
        } catch {
            throw ExitCode(1)
        }
    }
}
