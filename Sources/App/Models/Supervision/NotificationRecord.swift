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
    /// When it was sent, on the business clock (the demo's year, not the machine's): set by `Notifier`.
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(accountID: UUID, kind: String, title: String, body: String, link: String?, dedupeKey: String? = nil, at: Date) {
        self.$account.id = accountID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.dedupeKey = dedupeKey
        self.createdAt = at
    }
}
