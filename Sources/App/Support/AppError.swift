import Vapor

/// Errors a handler raises on purpose, with the Chinese reason the user reads.
struct AppError: AbortError {
    var status: HTTPResponseStatus
    var reason: String

    static func notFound(_ what: String) -> AppError { .init(status: .notFound, reason: "\(what)不存在。") }
    static let forbidden = AppError(status: .forbidden, reason: "没有权限：您的账号不能访问这项内容。")
    static let unauthorized = AppError(status: .unauthorized, reason: "请先登录。")
    static func badRequest(_ reason: String) -> AppError { .init(status: .badRequest, reason: reason) }
    static func conflict(_ reason: String) -> AppError { .init(status: .conflict, reason: reason) }
}

extension Request {
    var account: Account? { auth.get(Account.self) }

    func requireAccount() throws -> Account {
        guard let account else { throw AppError.unauthorized }
        return account
    }

    var appConfig: AppConfig { application.appConfig }

    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw AppError.notFound(name == "planID" ? "计划" : "记录")
        }
        return id
    }

    var pageContext: PageContext { PageContext(account: account, demo: appConfig.demo, fixedDay: application.clock.fixedDay, unread: unreadNotifications) }
}

struct AppConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    package var appConfig: AppConfig {
        get { storage[AppConfigKey.self] ?? AppConfig() }
        set { storage[AppConfigKey.self] = newValue }
    }
}
