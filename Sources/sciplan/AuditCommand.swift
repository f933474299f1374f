import App
import ArgumentParser
import Foundation

/// `sciplan audit verify`: seals new audit lines and checks every sealed
/// line against the hash chain (see `AuditChain` in the App library).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计日志：校验封存链，发现被修改或删除的记录。",
        subcommands: [Verify.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "先封存新的审计记录，再逐条校验；发现被修改或删除的记录时以状态 1 退出。密钥取自 SCIPLAN_AUDIT_KEY（与服务器相同）。"
        )

        @Option(name: .customLong("db"), help: "SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB）；设置 DATABASE_URL 时用 PostgreSQL。") var databasePath: String?

        func run() async throws {
            let config = try loadConfig(databasePath, ProcessInfo.processInfo.environment, command: "audit verify")
            let report = try await Server.withApp(config) { app in try await AuditTrail.verify(app) }
            print("审计日志共 \(report.lines) 条，已封存 \(report.sealed) 条（本次新封存 \(report.newlySealed) 条）；链尾 \(report.head.prefix(16))…")
            guard report.problems.isEmpty else {
                for problem in report.problems { print("发现问题：\(problem)") }
                print("审计日志校验未通过：\(report.problems.count) 处问题。")
                throw ExitCode(1)
            }
            print("审计日志校验通过：所有封存的记录均未被修改或删除。")
        }
    }
}
