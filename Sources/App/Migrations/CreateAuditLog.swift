import Fluent

/// Append-only record of changes: who, when, what, before and after. The app
/// only ever inserts into it.
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .id()
            .field("account_name", .string, .required)
            .field("account_id", .uuid)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("before", .string)
            .field("after", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_log").delete()
    }
}
