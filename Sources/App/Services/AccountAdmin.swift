import Fluent
import SQLKit
import Vapor

/// The system admin's work on accounts (账号管理): create one for a person of
/// an office, a unit or a leader; set a new password when someone forgot
/// theirs; turn off a second factor whose phone was lost; unlock. Every
/// step is checked here, written with its audit line in one transaction,
/// and explained in Chinese when refused.
enum AccountAdmin {
    /// What the admin fills in for a new account.
    struct NewAccount: Content, APIRequestBody {
        static let formatHint = "需要 JSON 字段 username、displayName、role、password，可选 jurisdictionCode、unitID。"

        var username: String
        var displayName: String
        var role: String
        var jurisdictionCode: String?
        var unitID: String?
        var password: String
    }

    /// Letters, digits, dot, dash and underscore, 3–32 of them: a name that
    /// can be typed on any keyboard and read aloud over the phone.
    static func usernameProblem(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        guard (3...32).contains(name.count), allowed else {
            return "用户名应为 3–32 个字母、数字、点、短横线或下划线。"
        }
        return nil
    }

    /// Every problem of a new account, in the order a person fixes them; empty when it can be created.
    /// A reporter's place may be left blank: it is its unit's (issue 17).
    static func check(_ new: NewAccount, on db: any Database) async throws -> (problems: [String], role: Role?, unit: Unit?, place: String?) {
        var problems: [String] = []
        let username = new.username.trimmingCharacters(in: .whitespaces)
        if let problem = usernameProblem(username) { problems.append(problem) }
        else if try await Account.query(on: db).filter(\.$username == username).first() != nil {
            problems.append("用户名“\(username)”已被使用。")
        }
        let name = new.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 50 { problems.append("姓名（显示名）应为 1–50 个字。") }
        let role = Role(rawValue: new.role)
        if role == nil { problems.append("角色无效：应为" + Role.allCases.map(\.title).joined(separator: "、") + "之一。") }
        var code = new.jurisdictionCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if role == .reporter, code.isEmpty, let id = UUID(uuidString: new.unitID?.trimmingCharacters(in: .whitespaces) ?? ""),
           let chosen = try await Unit.find(id, on: db) {
            code = chosen.jurisdictionCode
        }
        var unit: Unit?
        if let role, role != .admin {
            if code.isEmpty {
                problems.append("\(role.title)账号需要所属行政区划。")
            } else {
                let known = code.count == 6 && code.allSatisfy(\.isNumber) ? try await Jurisdiction.find(code, on: db) : nil
                if known == nil { problems.append("行政区划代码“\(code.prefix(12))”不存在。") }
            }
        }
        if role == .reporter {
            let text = new.unitID?.trimmingCharacters(in: .whitespaces) ?? ""
            if let id = UUID(uuidString: text), let found = try await Unit.find(id, on: db) {
                if found.jurisdictionCode != code { problems.append("单位“\(found.name)”不属于所选行政区划。") } else { unit = found }
            } else {
                problems.append("\(Role.reporter.title)账号需要选择所属单位。")
            }
        }
        problems += PasswordPolicy.problems(new.password, username: username)
        return (problems, role, unit, role == .admin || code.isEmpty ? nil : code)
    }

    /// Creates the account, or throws 400 with every problem.
    static func create(_ new: NewAccount, by admin: Account?, on req: Request) async throws -> Account {
        try await create(new, by: admin, on: req.db) { try await req.hashPassword($0) }
    }

    /// The same for the command line (`sciplan create-admin`), where there is no request.
    static func create(_ new: NewAccount, by admin: Account?, on db: any Database,
                       hash: (String) async throws -> String) async throws -> Account {
        let (problems, role, unit, place) = try await check(new, on: db)
        guard problems.isEmpty, let role else { throw AppError.badRequest(problems.joined(separator: " ")) }
        let account = Account(
            username: new.username.trimmingCharacters(in: .whitespaces),
            passwordHash: try await hash(new.password),
            displayName: new.displayName.trimmingCharacters(in: .whitespacesAndNewlines), role: role,
            jurisdictionCode: place,
            unitID: unit?.id)
        try await db.writeTransaction { db in
            try await account.create(on: db)
            try await Audit.record(admin, "account.create", entity: "account", id: account.id,
                                   after: "\(account.username)，\(role.title)，\(account.jurisdictionCode ?? "全部")\(unit.map { "，\($0.name)" } ?? "")", on: db)
        }
        return account
    }

    /// A new password set by the admin (the policy applies); the lock is
    /// lifted, and every session of the account ends, so whoever held the
    /// old password is signed out. The person should change it on 账号安全.
    static func resetPassword(_ account: Account, to password: String, by admin: Account, on req: Request) async throws {
        let problems = PasswordPolicy.problems(password, username: account.username)
        guard problems.isEmpty else { throw AppError.badRequest(problems.joined(separator: " ")) }
        let accountID = try account.requireID()
        let hash = try await req.hashPassword(password)
        let oldHash = account.passwordHash
        try await req.db.writeTransaction { db in
            try await PasswordHistory(accountID: accountID, passwordHash: oldHash).create(on: db)
            account.passwordHash = hash
            account.passwordChangedAt = nil
            account.failedLogins = 0
            account.lockedUntil = nil
            try await account.save(on: db)
            try await endSessions(of: accountID, on: db)
            try await Audit.record(admin, "account.password_reset", entity: "account", id: accountID, after: account.username, on: db)
        }
    }

    /// Lifts a lock after too many wrong passwords (page and API).
    static func unlock(_ account: Account, by admin: Account, on db: any Database) async throws {
        account.failedLogins = 0
        account.lockedUntil = nil
        try await db.writeTransaction { db in
            try await account.save(on: db)
            try await Audit.record(admin, "account.unlock", entity: "account", id: account.id, after: account.username, on: db)
        }
    }

    /// Turns the second factor off (the phone is lost); sessions end too.
    static func resetSecondFactor(_ account: Account, by admin: Account, on db: any Database) async throws {
        let accountID = try account.requireID()
        try await db.writeTransaction { db in
            account.totpSecret = nil
            account.totpLastStep = nil
            try await account.save(on: db)
            try await endSessions(of: accountID, on: db)
            try await Audit.record(admin, "account.totp_reset", entity: "account", id: accountID, after: account.username, on: db)
        }
    }

    /// Deletes the stored sessions signed in as this account. The session
    /// data holds the account id as text (Vapor writes it upper-case).
    static func endSessions(of accountID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        // JSON on PostgreSQL, text on SQLite: compared as text on both.
        let upper = "%\(accountID.uuidString)%", lower = "%\(accountID.uuidString.lowercased())%"
        try await sql.raw("""
            DELETE FROM \(ident: SessionRecord.schema)
            WHERE CAST(\(ident: "data") AS TEXT) LIKE \(bind: upper) OR CAST(\(ident: "data") AS TEXT) LIKE \(bind: lower)
            """).run()
    }
}

/// The first system admin of a new installation, from the command line:
/// without one nobody can sign in to create the other accounts.
public enum AdminAccount {
    /// Creates the admin, or throws an error whose message says what to fix.
    public static func create(_ app: Application, username: String, displayName: String, password: String) async throws -> String {
        let new = AccountAdmin.NewAccount(username: username, displayName: displayName, role: Role.admin.rawValue,
                                          jurisdictionCode: nil, unitID: nil, password: password)
        do {
            let account = try await AccountAdmin.create(new, by: nil, on: app.db) { try app.password.hash($0) }
            return account.username
        } catch let error as AppError {
            throw Refused(errorDescription: error.reason)
        }
    }

    /// Unlocks an account from the server's command line (`sciplan
    /// unlock-account`): the way back in for an admin whom anonymous wrong
    /// passwords keep locked out, since only someone with the server and its
    /// database can run it. Audited as done by the command line.
    public static func unlock(_ app: Application, username: String) async throws -> String {
        guard let account = try await Account.query(on: app.db).filter(\.$username == username).first() else {
            throw Refused(errorDescription: "没有用户名为“\(username)”的账号。")
        }
        try await app.db.writeTransaction { db in
            account.failedLogins = 0
            account.lockedUntil = nil
            try await account.save(on: db)
            try await Audit.record(nil, "account.unlock", entity: "account", id: account.id, after: "命令行 sciplan unlock-account：\(account.username)", on: db)
        }
        return account.username
    }

    /// Why the account was not created, in Chinese.
    public struct Refused: LocalizedError {
        public var errorDescription: String?
    }
}
