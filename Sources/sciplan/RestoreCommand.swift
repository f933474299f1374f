import App
import ArgumentParser
import Foundation

/// `sciplan restore`: puts a checked backup in place of the database,
/// keeping the old one.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复数据库：先检查备份，再替换（原数据库保留为 FILE.before-restore-<时间>）；须先停止服务。"
    )

    @Option(help: "sciplan backup 写出的备份文件。") var from: String
    @Option(name: .customLong("db"), help: "要恢复的 SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB）；设置 DATABASE_URL 时恢复 PostgreSQL。") var databasePath: String?
    @Flag(help: "确认替换已有的数据库。") var force = false

    func run() async throws {
        let config = try loadConfig(databasePath, ProcessInfo.processInfo.environment, command: "restore")
        do {
            let summary = try await Backup.restore(config, from: from, force: force)
            print("恢复完成：\(config.databaseDescription) ← \(from)")
            summary.lines.forEach { print($0) }
        } catch {
            FileHandle.standardError.write(Data("sciplan restore: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
