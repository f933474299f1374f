import Fluent

/// The reporting calendar of a plan (period, due day, grace days, expectation
/// profile, thresholds) and the periods the office has closed.
struct CreateReportingCalendar: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_calendars")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("due_day", .int, .required)
            .field("grace_days", .int, .required)
            .field("profile", .string)
            .field("on_track", .double, .required)
            .field("behind", .double, .required)
            .field("updated_at", .datetime)
            .unique(on: "plan_id")
            .create()
        try await database.schema("period_closures")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("closed_by", .string, .required)
            .field("closed_at", .datetime)
            .unique(on: "plan_id", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("period_closures").delete()
        try await database.schema("plan_calendars").delete()
    }
}
