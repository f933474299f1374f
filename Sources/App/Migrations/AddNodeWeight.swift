import Fluent

/// The office's weight of a task or a section (考核权重); NULL is the default
/// of equal weights, so every plan already held keeps its standing.
struct AddNodeWeight: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("nodes").field("weight", .double).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("nodes").deleteField("weight").update()
    }
}
