import Fluent
import Foundation

/// A message in one account's notification list.
final class NotificationRecord: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "account_id") var account: Account
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "dedupe_key") var dedupeKey: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(accountID: UUID, kind: String, title: String, body: String, link: String?, dedupeKey: String? = nil) {
        self.$account.id = accountID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.dedupeKey = dedupeKey
    }
}
