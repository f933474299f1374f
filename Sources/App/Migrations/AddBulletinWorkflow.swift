import Fluent
import SQLKit

/// Bulletins go draft → issued → (withdrawn): the state, the issuing office
/// as printed, the bulletin as previewed (JSON, so it is published exactly as
/// seen) and the withdrawal with its reason. Bulletins issued before this
/// were issued directly: they read as issued, with no kept content.
struct AddBulletinWorkflow: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("bulletins").field("state", .string, .required, .sql(.default("issued"))).update()
        try await database.schema("bulletins").field("issuer", .string, .required, .sql(.default(""))).update()
        for column in ["content", "withdrawn_reason", "withdrawn_by", "withdrawn_on"] {
            try await database.schema("bulletins").field(FieldKey(stringLiteral: column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["withdrawn_on", "withdrawn_by", "withdrawn_reason", "content", "issuer", "state"] {
            try await database.schema("bulletins").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
