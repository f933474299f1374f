import Fluent
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
        guard let account = try await authenticate(form.username, form.password, on: req) else {
            let view = LoginPage.View(context: req.pageContext, next: form.next, error: "用户名或密码不正确。", username: form.username)
            let response = try await view.html.encodeResponse(for: req)
            response.status = .unauthorized
            return response
        }
        startSession(for: account, on: req)
        return req.redirect(to: safeNext(form.next) ?? SiteRoute.home.path())
    }

    @Sendable static func apiLogin(req: Request) async throws -> Response {
        let login = try req.content.decode(LoginRequest.self)
        guard let account = try await authenticate(login.username, login.password, on: req) else {
            throw AppError(status: .unauthorized, reason: "用户名或密码不正确。")
        }
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

    static func authenticate(_ username: String, _ password: String, on req: Request) async throws -> Account? {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !password.isEmpty, password.count <= 256 else { return nil }
        guard let account = try await Account.query(on: req.db).filter(\.$username == name).first() else {
            // Spend the same time as a real check so a user name cannot be probed.
            _ = try? await req.password.async.verify(password, created: dummyHash)
            return nil
        }
        return try await req.password.async.verify(password, created: account.passwordHash) ? account : nil
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
