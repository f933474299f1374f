import Fluent

/// Unit groups (各镇办 → its towns) of a place, listed once by its office and
/// expanded wherever a plan of the place names the group.
struct CreateUnitGroup: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unit_groups")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("name", .string, .required)
            .field("members", .array(of: .uuid), .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_groups").delete()
    }
}
