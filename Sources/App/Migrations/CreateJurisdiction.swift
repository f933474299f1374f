import Fluent

struct CreateJurisdiction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jurisdictions")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_code", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jurisdictions").delete()
    }
}
