import Fluent
import SQLKit

/// Failed-login counting and lockout (等保2.0: lock after repeated failures).
struct AddAccountLockout: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .field("failed_logins", .int, .required, .sql(.default(0)))
            .update()
        try await database.schema("accounts")
            .field("locked_until", .datetime)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").deleteField("locked_until").update()
        try await database.schema("accounts").deleteField("failed_logins").update()
    }
}
