import Fluent
import Foundation

/// A password an account has had (its hash), so a change cannot go back to
/// one of the last few (等保2.0 password history).
final class PasswordHistory: Model, @unchecked Sendable {
    static let schema = "password_history"

    @ID(key: .id) var id: UUID?
    @Parent(key: "account_id") var account: Account
    @Field(key: "password_hash") var passwordHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(accountID: UUID, passwordHash: String) {
        self.$account.id = accountID
        self.passwordHash = passwordHash
    }
}
