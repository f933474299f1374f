import Fluent
import PlanDomain
import Vapor

enum AuthController {
    @Sendable static func loginPage(req: Request) async throws -> Response {
        if req.account != nil { return req.redirect(to: SiteRoute.home.path()) }
        let next = req.query[String.self, at: "next"]
        return try await LoginPage.View(context: req.pageContextWithFlash, next: next, error: nil, username: nil)
            .html.encodeResponse(for: req)
    }

    @Sendable static func loginSubmit(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let account: Account
        switch try await authenticate(form.username, form.password, on: req) {
        case .success(let found): account = found
        case let refused:
            let view = LoginPage.View(context: req.pageContext, next: form.next, error: refused.message, username: form.username)
            let response = try await view.html.encodeResponse(for: req)
            response.status = refused.status
            return response
        }
        startSession(for: account, on: req)
        return req.redirect(to: safeNext(form.next) ?? SiteRoute.home.path())
    }

    @Sendable static func apiLogin(req: Request) async throws -> Response {
        let login = try req.content.decode(LoginRequest.self)
        let outcome = try await authenticate(login.username, login.password, on: req)
        guard case .success(let account) = outcome else { throw AppError(status: outcome.status, reason: outcome.message) }
        startSession(for: account, on: req)
        return try await AccountDTO(account).encodeResponse(for: req)
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.auth.logout(Account.self)
        req.session.destroy()
        return req.redirect(to: SiteRoute.loginPage.path())
    }

    @Sendable static func apiLogout(req: Request) async throws -> Response {
        req.auth.logout(Account.self)
        req.session.destroy()
        return Response(status: .noContent)
    }

    @Sendable static func apiMe(req: Request) async throws -> Response {
        try await AccountDTO(try req.requireAccount()).encodeResponse(for: req)
    }

    /// A reporter starts at their tasks, everyone else at the plans.
    @Sendable static func home(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        return req.redirect(to: account.role == .reporter ? SiteRoute.myTasksPage.path() : SiteRoute.plansPage.path())
    }

    struct LoginForm: Content {
        var username: String
        var password: String
        var next: String?
    }

    /// What a login attempt came to.
    enum Outcome {
        case success(Account)
        case wrong
        case locked(until: Date)

        var status: HTTPStatus {
            switch self {
            case .success: return .ok
            case .wrong: return .unauthorized
            case .locked: return .locked
            }
        }

        var message: String {
            switch self {
            case .success: return ""
            case .wrong: return "用户名或密码不正确。"
            case .locked(let until):
                return "账号因连续 \(Lockout.attempts) 次密码错误已被锁定，请于 \(Lockout.clockTime(until)) 后再试，或请系统管理员解锁。"
            }
        }
    }

    /// Checks the password; counts failures and locks the account after
    /// `Lockout.attempts` in a row (等保2.0). Every attempt is audited: the
    /// good ones, the wrong ones (with the name typed when no account has it)
    /// and the refused ones of a locked account.
    static func authenticate(_ username: String, _ password: String, on req: Request) async throws -> Outcome {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !password.isEmpty, password.count <= 256 else { return .wrong }
        guard let account = try await Account.query(on: req.db).filter(\.$username == name).first() else {
            // Spend the same time as a real check so a user name cannot be probed.
            _ = try? await req.password.async.verify(password, created: dummyHash)
            try await Audit.record(nil, "login.failed", entity: "account", id: nil, after: String(name.prefix(64)), on: req.db)
            return .wrong
        }
        let now = Date()
        if let until = account.lockedUntil, until > now {
            try await Audit.record(account, "login.refused", entity: "account", id: account.id, on: req.db)
            return .locked(until: until)
        }
        if try await req.password.async.verify(password, created: account.passwordHash) {
            if account.failedLogins != 0 || account.lockedUntil != nil {
                account.failedLogins = 0
                account.lockedUntil = nil
                try await account.save(on: req.db)
            }
            try await Audit.record(account, "login", entity: "account", id: account.id, on: req.db)
            return .success(account)
        }
        account.failedLogins += 1
        try await Audit.record(account, "login.failed", entity: "account", id: account.id, on: req.db)
        guard account.failedLogins >= Lockout.attempts else {
            try await account.save(on: req.db)
            return .wrong
        }
        account.failedLogins = 0
        account.lockedUntil = now.addingTimeInterval(Lockout.duration)
        try await account.save(on: req.db)
        try await Audit.record(account, "account.locked", entity: "account", id: account.id, on: req.db)
        return .locked(until: now.addingTimeInterval(Lockout.duration))
    }

    /// The system admin opens a locked account before its time.
    @Sendable static func apiUnlock(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        guard let id = req.parameters.get("accountID").flatMap(UUID.init(uuidString:)),
              let account = try await Account.find(id, on: req.db) else { throw AppError.notFound("账号") }
        account.failedLogins = 0
        account.lockedUntil = nil
        try await account.save(on: req.db)
        try await Audit.record(admin, "account.unlock", entity: "account", id: account.id, after: account.username, on: req.db)
        return try await AccountDTO(account).encodeResponse(for: req)
    }

    /// A fresh session id at every login, so a session planted before it is worthless.
    static func startSession(for account: Account, on req: Request) {
        if req.hasSession { req.session.destroy() }
        req.auth.login(account)
        req.session.authenticate(account)
    }

    /// Only same-site paths: a login link cannot send the user elsewhere.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }

    private static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuRfT3mKO8H1u6p0oM6Jx1Cq0sN4yKaYe"
}

/// Lockout after wrong passwords: five in a row lock the account for fifteen
/// minutes, or until the system admin unlocks it.
enum Lockout {
    static let attempts = 5
    static let duration: TimeInterval = 15 * 60

    /// HH:mm in Shanghai, for the message.
    static func clockTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) + TimeZone.shanghai.secondsFromGMT(for: date)
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
