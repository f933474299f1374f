import Fluent

/// The day a task joined a plan already running (a meeting's decision, a
/// task added after publication): it owes reports only from then. NULL for
/// every task held so far, which joined with its plan.
struct AddNodeJoinedOn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("nodes").field("joined_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("nodes").deleteField("joined_on").update()
    }
}
