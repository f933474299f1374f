import Fluent

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("jurisdiction_code", .string, .required, .references("jurisdictions", "code"))
            .unique(on: "jurisdiction_code", "name")
            .create()
        try await database.schema("unit_aliases")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("alias", .string, .required)
            .field("jurisdiction_code", .string, .required)
            .unique(on: "jurisdiction_code", "alias")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_aliases").delete()
        try await database.schema("units").delete()
    }
}
