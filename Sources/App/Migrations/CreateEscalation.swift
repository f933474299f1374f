import Fluent

/// Reminders, chasing and supervision notices: what the rules did (each
/// action once, by a unique key), the notices (督办单), the webhook outbox,
/// the scheduler's lease, and each plan's escalation policy.
struct CreateEscalation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("escalations")
            .id()
            .field("dedupe_key", .string, .required)
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("node_id", .uuid, .required, .references("nodes", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("period", .string, .required)
            .field("holder", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await database.schema("supervision_notices")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("node_id", .uuid, .required, .references("nodes", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("level", .int, .required)
            .field("period", .string, .required)
            .field("reasons", .string, .required)
            .field("status", .string, .required)
            .field("issued_by", .string)
            .field("issued_at", .datetime)
            .field("reply_by", .string)
            .field("reply", .string)
            .field("replied_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema("outbox")
            .id()
            .field("url", .string, .required)
            .field("body", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await database.schema("scheduler_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema("escalation_policies")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("policy", .string, .required)
            .unique(on: "plan_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["escalation_policies", "scheduler_leases", "outbox", "supervision_notices", "escalations"] {
            try await database.schema(table).delete()
        }
    }
}
