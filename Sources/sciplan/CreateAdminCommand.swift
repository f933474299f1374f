import App
import ArgumentParser
import Foundation

/// `sciplan create-admin`: the first system admin of a new installation.
struct CreateAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "新建系统管理员账号（新装系统时用；其余账号由管理员在“账号管理”中建立）。密码取自环境变量 SCIPLAN_ADMIN_PASSWORD，未设置时从标准输入读一行。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件（默认 sciplan.sqlite，或 SCIPLAN_DB）；设置 DATABASE_URL 时用 PostgreSQL。") var databasePath: String?
    @Option(help: "用户名。") var username: String
    @Option(help: "姓名（显示名）。") var name = "系统管理员"

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try loadConfig(databasePath, environment, command: "create-admin")
        // Never an argument: it would show in the process list and the shell's history.
        guard let password = environment["SCIPLAN_ADMIN_PASSWORD"] ?? readLine(strippingNewline: true), !password.isEmpty else {
            FileHandle.standardError.write(Data("sciplan create-admin: 没有密码：请设置 SCIPLAN_ADMIN_PASSWORD 或从标准输入给出一行密码。\n".utf8))
            throw ExitCode(1)
        }
        do {
            let created = try await Server.withApp(config) { app in
                try await AdminAccount.create(app, username: username, displayName: name, password: password)
            }
            print("已新建系统管理员账号 \(created)。")
        } catch {
            FileHandle.standardError.write(Data("sciplan create-admin: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
