import Fluent
import Foundation

/// One line of the audit trail. Written, never updated or deleted.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_name") var accountName: String
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(account: Account?, action: String, entity: String, entityID: String?, before: String? = nil, after: String? = nil) {
        self.accountName = account?.displayName ?? "系统"
        self.accountID = account?.id
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}
