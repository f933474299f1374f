import Fluent

/// 综合考评方案 as data: a place's own scheme (items, points, scoring rules,
/// imported from the .xlsx its province publishes), and the figures of its
/// manual items per place and year. A place without a scheme scores by the
/// built-in one (`EvaluationScheme.suizhou2025`), as before.
struct CreateEvaluationScheme: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evaluation_schemes")
            .id()
            .field("place_code", .string, .required)
            .field("scheme", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "place_code")
            .create()
        try await database.schema("evaluation_inputs")
            .id()
            .field("place_code", .string, .required)
            .field("year", .int, .required)
            .field("item_key", .string, .required)
            .field("subject_code", .string, .required)
            .field("value", .double)
            .field("target", .double)
            .unique(on: "place_code", "year", "item_key", "subject_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evaluation_inputs").delete()
        try await database.schema("evaluation_schemes").delete()
    }
}
