import Fluent

/// Progress reports: one per task, unit and period, with the current value of
/// each numeric target of the task and attached files.
struct CreateProgressReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("progress_reports")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("node_id", .uuid, .required, .references("nodes", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("state", .string, .required)
            .field("narrative", .string, .required)
            .field("percent", .double)
            .field("milestone", .string)
            .field("self_status", .string)
            .field("completion_proposed", .bool, .required)
            .field("author_name", .string, .required)
            .field("first_submitted_at", .datetime)
            .field("last_submitted_at", .datetime)
            .field("reviewed_at", .datetime)
            .field("reviewer_name", .string)
            .field("review_comment", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "node_id", "unit_id", "period")
            .create()
        try await database.schema("report_values")
            .id()
            .field("report_id", .uuid, .required, .references("progress_reports", "id", onDelete: .cascade))
            .field("target_id", .uuid, .required, .references("targets", "id", onDelete: .cascade))
            .field("value", .double, .required)
            .unique(on: "report_id", "target_id")
            .create()
        try await database.schema("report_attachments")
            .id()
            .field("report_id", .uuid, .required, .references("progress_reports", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_attachments").delete()
        try await database.schema("report_values").delete()
        try await database.schema("progress_reports").delete()
    }
}
