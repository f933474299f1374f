import Fluent

/// What the app tells one account (a report was returned, a reminder, a
/// notice). `dedupe_key` is unique so a rule fired twice, or by two server
/// instances, still writes one message.
struct CreateNotification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("dedupe_key", .string)
            .field("created_at", .datetime)
            .field("read_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
