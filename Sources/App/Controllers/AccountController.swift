import Fluent
import Vapor

/// The signed-in person's own security settings: password and second factor.
enum AccountController {
    static let pendingSecretKey = "_totp_pending"

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let pending = req.hasSession ? req.session.data[pendingSecretKey] : nil
        return try await AccountPage.View(context: req.pageContextWithFlash, account: account, pendingSecret: pending, errors: [])
            .html.encodeResponse(for: req)
    }

    struct PasswordForm: Content {
        var current: String
        var new: String
        var confirm: String
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try req.content.decode(PasswordForm.self)
        var problems = form.new == form.confirm ? [] : ["两次输入的新密码不一致。"]
        if problems.isEmpty { problems = try await change(account, current: form.current, to: form.new, on: req) }
        guard problems.isEmpty else { return try await refusal(req, account, pendingSecret: nil, problems) }
        return req.redirectWithFlash(SitePath.accountPage.path, "密码已修改。")
    }

    @Sendable static func apiChangePassword(req: Request, body: JSONBody<PasswordChangeRequest>) async throws -> Response {
        let account = try req.requireAccount()
        let body = try body.decode()
        let problems = try await change(account, current: body.current, to: body.new, on: req)
        guard problems.isEmpty else { throw AppError.badRequest(problems.joined(separator: " ")) }
        return Response(status: .noContent)
    }

    /// Checks the current password, the policy and the history; saves the new
    /// hash and remembers it, all in one transaction with the audit line.
    static func change(_ account: Account, current: String, to new: String, on req: Request) async throws -> [String] {
        guard current.count <= 256, try await req.verifyPassword(current, created: account.passwordHash) else {
            try await Audit.record(account, "password.change_refused", entity: "account", id: account.id, on: req.db)
            return ["当前密码不正确。"]
        }
        var problems = PasswordPolicy.problems(new, username: account.username)
        guard problems.isEmpty else { return problems }
        let accountID = try account.requireID()
        let earlier = try await PasswordHistory.query(on: req.db).filter(\.$account.$id == accountID)
            .sort(\.$createdAt, .descending).limit(PasswordPolicy.historyDepth - 1).all().map(\.passwordHash)
        for hash in [account.passwordHash] + earlier where try await req.verifyPassword(new, created: hash) {
            problems.append("新密码不能与最近 \(PasswordPolicy.historyDepth) 次用过的密码相同。")
            return problems
        }
        let newHash = try await req.hashPassword(new)
        let oldHash = account.passwordHash
        try await req.db.writeTransaction { db in
            // The outgoing password joins the history: the current one is always checked directly.
            try await PasswordHistory(accountID: accountID, passwordHash: oldHash).create(on: db)
            account.passwordHash = newHash
            account.passwordChangedAt = Date()
            try await account.save(on: db)
            try await Audit.record(account, "password.change", entity: "account", id: accountID, on: db)
        }
        return []
    }

    /// Starts turning the second factor on: a new secret waits in the session
    /// until a code made from it proves the app has it.
    @Sendable static func startSecondFactor(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard SecondFactor.isOffered(to: account.role) else { throw AppError.forbidden }
        guard account.totpSecret == nil else { return req.redirectWithFlash(SitePath.accountPage.path, "两步验证已经开启。") }
        req.session.data[pendingSecretKey] = SecondFactor.newSecret()
        return req.redirect(to: SitePath.accountPage.path)
    }

    @Sendable static func confirmSecondFactor(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard SecondFactor.isOffered(to: account.role) else { throw AppError.forbidden }
        guard let secret = req.session.data[pendingSecretKey] else {
            return req.redirectWithFlash(SitePath.accountPage.path, "请先点击“开启两步验证”。")
        }
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        guard let step = SecondFactor.matchingStep(code: code, secret: secret, at: Date()) else {
            return try await refusal(req, account, pendingSecret: secret,
                                     ["验证码不正确：请确认验证器中添加的是上面的密钥，手机时间准确，再输入新的验证码。"])
        }
        account.totpSecret = secret
        account.totpLastStep = step
        try await req.db.writeTransaction { db in
            try await account.save(on: db)
            try await Audit.record(account, "totp.enable", entity: "account", id: account.id, on: db)
        }
        req.session.data[pendingSecretKey] = nil
        return req.redirectWithFlash(SitePath.accountPage.path, "两步验证已开启：以后登录需要输入验证器上的动态验证码。")
    }

    /// Turning it off needs a current code, so a borrowed session cannot.
    @Sendable static func disableSecondFactor(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        guard account.totpSecret != nil else { return req.redirect(to: SitePath.accountPage.path) }
        guard SecondFactor.accept(code: code, for: account) else {
            return try await refusal(req, account, pendingSecret: nil, ["验证码不正确，两步验证仍然开启。"])
        }
        account.totpSecret = nil
        account.totpLastStep = nil
        try await req.db.writeTransaction { db in
            try await account.save(on: db)
            try await Audit.record(account, "totp.disable", entity: "account", id: account.id, on: db)
        }
        return req.redirectWithFlash(SitePath.accountPage.path, "两步验证已关闭。")
    }

    /// The page again with what was wrong, answered 400.
    private static func refusal(_ req: Request, _ account: Account, pendingSecret: String?, _ problems: [String]) async throws -> Response {
        let view = AccountPage.View(context: req.pageContext, account: account, pendingSecret: pendingSecret, errors: problems)
        let response = try await view.html.encodeResponse(for: req)
        response.status = .badRequest
        return response
    }
}
