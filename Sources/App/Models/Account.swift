import Fluent
import Vapor

/// A person who signs in. Sessions are kept in the database (`_fluent_sessions`)
/// so that several server instances share them.
final class Account: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: Role
    @OptionalField(key: "jurisdiction_code") var jurisdictionCode: String?
    @OptionalParent(key: "unit_id") var unit: Unit?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Wrong passwords since the last good login (`Lockout`).
    @Field(key: "failed_logins") var failedLogins: Int
    /// Set when the account is locked; it opens again at this time or when an admin unlocks it.
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// When the owner last chose their password (nil: set by an admin or the seed).
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    /// Base32 TOTP secret once the second factor is on (`SecondFactor`).
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?

    init() {}

    init(
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
