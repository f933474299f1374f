import Fluent

/// 会议议定事项: the meetings whose decisions were filed as tasks of a plan.
struct CreateMeeting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("meetings")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("section_id", .uuid, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meetings").delete()
    }
}
