import Fluent
import Vapor

/// 账号管理 for the system admin: the list, a new account, a new password,
/// the second factor turned off, an unlock. The work is `AccountAdmin`'s.
enum AccountsAdminController {
    static func model(_ req: Request, typed: AccountAdmin.NewAccount? = nil, errors: [String] = []) async throws -> AccountsPage.View {
        let accounts = try await Account.query(on: req.db).sort(\.$role).sort(\.$jurisdictionCode).sort(\.$username).all()
        let units = try await Unit.query(on: req.db).sort(\.$jurisdictionCode).sort(\.$name).all()
        let places = Set(accounts.compactMap(\.jurisdictionCode) + units.map(\.jurisdictionCode))
        let names = try await Jurisdiction.query(on: req.db).filter(\.$id ~~ Array(places)).all()
        return AccountsPage.View(
            context: req.pageContextWithFlash, accounts: accounts, units: units,
            placeNames: Dictionary(names.compactMap { j in j.id.map { ($0, j.name) } }, uniquingKeysWith: { a, _ in a }),
            now: Date(), typed: typed, errors: errors)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await model(req).html.encodeResponse(for: req)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        let form = try req.content.decode(AccountAdmin.NewAccount.self)
        let problems = try await AccountAdmin.check(form, on: req.db).problems
        guard problems.isEmpty else {
            var typed = form
            typed.password = ""
            let response = try await model(req, typed: typed, errors: problems).html.encodeResponse(for: req)
            response.status = .badRequest
            return response
        }
        let account = try await AccountAdmin.create(form, by: admin, on: req)
        return req.redirectWithFlash(SitePath.accountsPage.path, "已新建账号 \(account.username)：请把用户名和初始密码交给本人，并提醒其在“账号安全”中修改密码。")
    }

    static func target(_ req: Request) async throws -> Account {
        guard let account = try await Account.find(try req.uuidParameter("accountID"), on: req.db) else { throw AppError.notFound("账号") }
        return account
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        let account = try await target(req)
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        do {
            try await AccountAdmin.resetPassword(account, to: password, by: admin, on: req)
        } catch let error as AppError where error.status == .badRequest {
            return req.redirectWithFlash(SitePath.accountsPage.path, "未修改 \(account.username) 的密码：\(error.reason)")
        }
        return req.redirectWithFlash(SitePath.accountsPage.path, "已为 \(account.username) 设置新密码，其已登录的会话全部结束。")
    }

    @Sendable static func resetSecondFactor(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        let account = try await target(req)
        guard account.totpSecret != nil else {
            return req.redirectWithFlash(SitePath.accountsPage.path, "\(account.username) 没有开启两步验证。")
        }
        try await AccountAdmin.resetSecondFactor(account, by: admin, on: req.db)
        return req.redirectWithFlash(SitePath.accountsPage.path, "已关闭 \(account.username) 的两步验证；本人可登录后重新开启。")
    }

    @Sendable static func unlock(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        let account = try await target(req)
        try await AccountAdmin.unlock(account, by: admin, on: req.db)
        return req.redirectWithFlash(SitePath.accountsPage.path, "已解锁 \(account.username)。")
    }

    @Sendable static func apiList(req: Request) async throws -> Response {
        try await Account.query(on: req.db).sort(\.$username).all().map(AccountDTO.init).encodeResponse(for: req)
    }

    @Sendable static func apiCreate(req: Request, body: JSONBody<AccountAdmin.NewAccount>) async throws -> Response {
        let admin = try req.requireAccount()
        let body = try body.decode()
        let response = try await AccountDTO(try await AccountAdmin.create(body, by: admin, on: req)).encodeResponse(for: req)
        response.status = .created
        return response
    }
}
