import Fluent

/// The office's choice, per plan, whether responsible units beside a lead
/// report their own part (牵头汇总). NULL is the default, yes: a plan already
/// held gains its partners' reports rather than losing anything.
struct AddPartnersReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans").field("partners_report", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").deleteField("partners_report").update()
    }
}
