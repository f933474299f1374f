import App
import ArgumentParser
import Foundation

/// `sciplan unlock-account`: unlocks an account from the server itself. The
/// way back in for the last admin when wrong passwords from anywhere keep
/// the account locked (SECURITY.md, "Login throttling and lockout").
struct UnlockAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock-account",
        abstract: "在服务器上解锁账号（连续输错密码被锁定时；例如唯一的系统管理员被他人反复输错密码锁住）。记入审计日志。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB）；设置 DATABASE_URL 时用 PostgreSQL。") var databasePath: String?
    @Option(help: "要解锁的用户名。") var username: String

    func run() async throws {
        let config = try loadConfig(databasePath, ProcessInfo.processInfo.environment, command: "unlock-account")
        do {
            let unlocked = try await Server.withApp(config) { app in
                try await AdminAccount.unlock(app, username: username)
            }
            print("已解锁账号 \(unlocked)。")
        } catch {
            FileHandle.standardError.write(Data("sciplan unlock-account: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
