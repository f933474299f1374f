import Fluent

/// The timeline of each task (reports, reviews, returns, completion, changes)
/// and the office's confirmation that a task is done (销号).
struct CreateTaskEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_events")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("node_id", .uuid, .required, .references("nodes", "id", onDelete: .cascade))
            .field("unit_id", .uuid)
            .field("period", .string)
            .field("kind", .string, .required)
            .field("account_name", .string, .required)
            .field("detail", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("task_closures")
            .id()
            .field("node_id", .uuid, .required, .references("nodes", "id", onDelete: .cascade))
            .field("confirmed_by", .string, .required)
            .field("confirmed_at", .datetime)
            .unique(on: "node_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_closures").delete()
        try await database.schema("task_events").delete()
    }
}
