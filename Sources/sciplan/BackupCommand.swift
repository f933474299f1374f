import App
import ArgumentParser
import Foundation

/// `sciplan backup`: a consistent copy of the database while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在线备份数据库（SQLite 用 VACUUM INTO；设置 DATABASE_URL 时用 pg_dump），并检查备份的完整性。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB）；设置 DATABASE_URL 时备份 PostgreSQL。") var databasePath: String?
    @Option(help: "备份文件（不能已存在）。") var out: String

    func run() async throws {
        let config = try loadConfig(databasePath, ProcessInfo.processInfo.environment, command: "backup")
        do {
            let summary = try await Backup.backup(config, to: out)
            print("备份完成：\(summary.path)（\(summary.bytes) 字节）")
            summary.lines.forEach { print($0) }
        } catch {
            FileHandle.standardError.write(Data("sciplan backup: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
