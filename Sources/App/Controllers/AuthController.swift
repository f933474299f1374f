import Fluent
import PlanDomain
import Vapor

enum AuthController {
    @Sendable static func loginPage(req: Request) async throws -> Response {
        if req.account != nil { return req.redirect(to: SitePath.home.path) }
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
        if account.totpSecret != nil {
            // The password was right; the session is not signed in until the
            // code is. The right password is in the trail even if no code follows.
            try await Audit.record(account, "login.password", entity: "account", id: account.id, on: req.db)
            try await req.renewSession()
            req.session.data[PendingLogin.key] = PendingLogin(accountID: try account.requireID(), next: safeNext(form.next)).encoded
            return req.redirect(to: SitePath.loginCodePage.path)
        }
        try await completeLogin(account, on: req)
        return req.redirect(to: safeNext(form.next) ?? SitePath.home.path)
    }

    /// The second step of a login with a second factor: the six-digit code.
    @Sendable static func loginCodePage(req: Request) async throws -> Response {
        guard PendingLogin.read(req) != nil else { return req.redirect(to: SitePath.loginPage.path) }
        return try await LoginCodePage.View(context: req.pageContext, error: nil).html.encodeResponse(for: req)
    }

    @Sendable static func loginCodeSubmit(req: Request) async throws -> Response {
        guard let pending = PendingLogin.read(req), let account = try await Account.find(pending.accountID, on: req.db) else {
            return req.redirectWithFlash(SitePath.loginPage.path, "登录已超时，请重新输入用户名和密码。")
        }
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        let outcome = try await checkCode(code, for: account, on: req)
        guard case .success = outcome else {
            if case .locked = outcome { req.session.data[PendingLogin.key] = nil }
            let response = try await LoginCodePage.View(context: req.pageContext, error: outcome.message).html.encodeResponse(for: req)
            response.status = outcome.status
            return response
        }
        try await completeLogin(account, on: req)
        return req.redirect(to: safeNext(pending.next) ?? SitePath.home.path)
    }

    @Sendable static func apiLogin(req: Request, body: JSONBody<LoginRequest>) async throws -> Response {
        let login = try body.decode()
        var outcome = try await authenticate(login.username, login.password, on: req)
        if case .success(let account) = outcome, account.totpSecret != nil {
            guard let code = login.code, !code.isEmpty else {
                throw AppError(status: .unauthorized, reason: "该账号已启用两步验证：请同时提供动态验证码（code）。")
            }
            outcome = try await checkCode(code, for: account, on: req)
        }
        guard case .success(let account) = outcome else { throw AppError(status: outcome.status, reason: outcome.message) }
        try await completeLogin(account, on: req)
        return try await AccountDTO(account).encodeResponse(for: req)
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        try await endSession(req)
        return req.redirect(to: SitePath.loginPage.path)
    }

    @Sendable static func apiLogout(req: Request) async throws -> Response {
        try await endSession(req)
        return Response(status: .noContent)
    }

    /// Audits the logout (a security event, as the login is) and ends the
    /// session; its row is deleted after the response.
    private static func endSession(_ req: Request) async throws {
        if let account = req.account {
            try await Audit.record(account, "logout", entity: "account", id: account.id, on: req.db)
        }
        req.auth.logout(Account.self)
        req.session.destroy()
    }

    @Sendable static func apiMe(req: Request) async throws -> Response {
        try await AccountDTO(try req.requireAccount()).encodeResponse(for: req)
    }

    /// A reporter starts at their tasks, everyone else at the plans.
    @Sendable static func home(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        // Each role starts where its work is: a reporter on what it owes, an
        // office on its 待办, a leader on what will be missed and who answers for it.
        switch account.role {
        case .reporter: return req.redirect(to: SitePath.reportsPage.path)
        case .office: return req.redirect(to: SitePath.todoPage.path)
        case .leader: return req.redirect(to: SitePath.summaryPage.path)
        case .admin: return req.redirect(to: SitePath.plansPage.path)
        }
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
        case wrongCode
        case locked(until: Date)
        /// Too many failures from the client's address (`LoginThrottle`).
        case throttled

        var status: HTTPStatus {
            switch self {
            case .success: return .ok
            case .wrong, .wrongCode: return .unauthorized
            case .locked: return .locked
            case .throttled: return .tooManyRequests
            }
        }

        var message: String {
            switch self {
            case .success: return ""
            case .wrong: return "用户名或密码不正确。"
            case .wrongCode: return "动态验证码不正确或已经用过，请输入验证器上的新验证码。"
            case .throttled: return LoginThrottle.refusal.reason
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
        let now = Date()
        guard req.loginThrottle.allows(address: req.clientAddress, now: now) else { return .throttled }
        guard let account = try await Account.query(on: req.db).filter(\.$username == name).first() else {
            // Spend the same time as a real check, and lock an unknown name
            // as a real one is locked, so a user name cannot be probed.
            await req.spendCheckTime(password)
            if let until = req.loginThrottle.unknownNameLockedUntil(name, now: now) {
                try await Audit.record(nil, "login.refused", entity: "account", id: nil, after: String(name.prefix(64)), on: req.db)
                return .locked(until: until)
            }
            req.loginThrottle.recordFailure(address: req.clientAddress, unknownName: name, now: now)
            try await Audit.record(nil, "login.failed", entity: "account", id: nil, after: String(name.prefix(64)), on: req.db)
            if let until = req.loginThrottle.unknownNameLockedUntil(name, now: now) { return .locked(until: until) }
            return .wrong
        }
        return try await attempt(account, action: "login.failed", wrong: .wrong, on: req) {
            try await req.verifyPassword(password, created: account.passwordHash)
        }
    }

    /// A wrong code counts towards the lockout like a wrong password: with
    /// the password known, guessing six digits would otherwise take hours.
    /// A code's time step is used once, atomically.
    static func checkCode(_ code: String, for account: Account, on req: Request) async throws -> Outcome {
        let id = try account.requireID()
        return try await attempt(account, action: "login.code_failed", wrong: .wrongCode, on: req) {
            guard let secret = account.totpSecret,
                  let step = SecondFactor.matchingStep(code: code, secret: secret, at: Date()) else { return false }
            return try await LoginAttempts.useStep(step, of: id, on: req.db)
        }
    }

    /// One try at an account's password or code. A locked account is
    /// refused (after the time a check takes). A failure is counted by one
    /// conditional statement (see `LoginAttempts`), so of forty wrong
    /// passwords sent at once exactly the fifth locks the account and the
    /// others find it locked; a right password that finishes after the lock
    /// is refused too. Every outcome is audited.
    private static func attempt(_ account: Account, action: String, wrong: Outcome, on req: Request,
                                check: () async throws -> Bool) async throws -> Outcome {
        let id = try account.requireID()
        let now = Date()
        let until = now.addingTimeInterval(Lockout.duration)
        guard req.loginThrottle.allows(address: req.clientAddress, now: now) else { return .throttled }
        if let lockedUntil = account.lockedUntil, lockedUntil > now {
            // As long as a wrong password takes: a quick 423 would tell the account exists.
            await req.spendCheckTime("")
            try await Audit.record(account, "login.refused", entity: "account", id: id, on: req.db)
            return .locked(until: lockedUntil)
        }
        if try await check() {
            guard try await LoginAttempts.succeed(id, now: Date(), on: req.db) else {
                try await Audit.record(account, "login.refused", entity: "account", id: id, on: req.db)
                return .locked(until: try await LoginAttempts.lockedUntil(id, on: req.db) ?? until)
            }
            account.failedLogins = 0
            account.lockedUntil = nil
            return .success(account)
        }
        req.loginThrottle.recordFailure(address: req.clientAddress, unknownName: nil, now: now)
        switch try await LoginAttempts.fail(id, limit: Lockout.attempts, until: until, now: now, on: req.db) {
        case .counted:
            try await Audit.record(account, action, entity: "account", id: id, on: req.db)
            return wrong
        case .lockedNow:
            try await Audit.record(account, action, entity: "account", id: id, on: req.db)
            try await Audit.record(account, "account.locked", entity: "account", id: id, on: req.db)
            return .locked(until: until)
        case .alreadyLocked:
            try await Audit.record(account, "login.refused", entity: "account", id: id, on: req.db)
            return .locked(until: try await LoginAttempts.lockedUntil(id, on: req.db) ?? until)
        }
    }

    /// The system admin opens a locked account before its time.
    @Sendable static func apiUnlock(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        guard let id = req.parameters.get("accountID").flatMap(UUID.init(uuidString:)),
              let account = try await Account.find(id, on: req.db) else { throw AppError.notFound("账号") }
        try await AccountAdmin.unlock(account, by: admin, on: req.db)
        return try await AccountDTO(account).encodeResponse(for: req)
    }

    /// Audits the login and starts its session: a fresh session id at every
    /// login, so a session planted before it is worthless.
    static func completeLogin(_ account: Account, on req: Request) async throws {
        try await Audit.record(account, "login", entity: "account", id: account.id, on: req.db)
        // An API client that signed in with JSON has seen no page yet: it gets
        // its CSRF cookie now, to send back as the header on uploads and forms.
        _ = req.csrfToken
        try await req.renewSession()
        req.auth.login(account)
        req.session.authenticate(account)
    }

    /// Only same-site paths (see `LocalPath`): a login link cannot send the
    /// user elsewhere or add a header to the answer.
    static func safeNext(_ next: String?) -> String? {
        LocalPath(next)?.value
    }

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
