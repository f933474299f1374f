import Fluent

/// Issued bulletins (通报), each kept with its figures and its .docx.
struct CreateBulletin: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bulletins")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("period", .string, .required)
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("issued_on", .string, .required)
            .field("issued_by", .string, .required)
            .field("summary", .string, .required)
            .field("docx", .data, .required)
            .field("created_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bulletins").delete()
    }
}
