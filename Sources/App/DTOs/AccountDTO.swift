import Vapor

struct LoginRequest: Content {
    var username: String
    var password: String
}

struct AccountDTO: Content {
    var id: UUID?
    var username: String
    var displayName: String
    var role: Role
    var jurisdictionCode: String?
    var unitID: UUID?

    init(_ account: Account) {
        id = account.id
        username = account.username
        displayName = account.displayName
        role = account.role
        jurisdictionCode = account.jurisdictionCode
        unitID = account.$unit.id
    }
}
