import Vapor

struct LoginRequest: Content, APIRequestBody {
    var username: String
    var password: String
    /// The six-digit code, for an account with the second factor on.
    var code: String?

    static let formatHint = "需要 JSON 字段 username、password，启用两步验证的账号另需 code。"
}

struct PasswordChangeRequest: Content, APIRequestBody {
    var current: String
    var new: String

    static let formatHint = "需要 JSON 字段 current（当前密码）、new（新密码）。"
}

struct AccountDTO: Content {
    var id: UUID?
    var username: String
    var displayName: String
    var role: Role
    var jurisdictionCode: String?
    var unitID: UUID?
    var secondFactor: Bool
    /// Locked after too many wrong passwords, until a time or an admin's unlock.
    var locked: Bool

    init(_ account: Account) {
        id = account.id
        username = account.username
        displayName = account.displayName
        role = account.role
        jurisdictionCode = account.jurisdictionCode
        unitID = account.$unit.id
        secondFactor = account.totpSecret != nil
        locked = account.lockedUntil.map { $0 > Date() } ?? false
    }
}
