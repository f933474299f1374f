import Fluent
import Vapor

/// A person who signs in. Sessions are kept in the database (`_fluent_sessions`)
/// so that several server instances share them.
package final class Account: Model, @unchecked Sendable {
    package static let schema = "accounts"

    @ID(key: .id) package var id: UUID?
    @Field(key: "username") package var username: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "display_name") package var displayName: String
    @Field(key: "role") package var role: Role
    @OptionalField(key: "jurisdiction_code") package var jurisdictionCode: String?
    @OptionalParent(key: "unit_id") package var unit: Unit?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    /// Wrong passwords since the last good login (`Lockout`).
    @Field(key: "failed_logins") package var failedLogins: Int
    /// Set when the account is locked; it opens again at this time or when an admin unlocks it.
    @OptionalField(key: "locked_until") package var lockedUntil: Date?
    /// When the owner last chose their password (nil: set by an admin or the seed).
    @OptionalField(key: "password_changed_at") package var passwordChangedAt: Date?
    /// Base32 TOTP secret once the second factor is on (`SecondFactor`).
    @OptionalField(key: "totp_secret") package var totpSecret: String?
    @OptionalField(key: "totp_last_step") package var totpLastStep: Int64?

    package init() {}

    package init(
        id: UUID? = nil, username: String, passwordHash: String, displayName: String, role: Role,
        jurisdictionCode: String?, unitID: UUID?
    ) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.role = role
        self.jurisdictionCode = jurisdictionCode
        self.$unit.id = unitID
        self.failedLogins = 0
    }
}

extension Account: ModelSessionAuthenticatable {}
