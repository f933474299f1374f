import Fluent
import SQLKit

/// Password history and age, the optional second factor, and an audit trail
/// the database itself keeps append-only (等保2.0: identity and audit items).
struct AddAccountSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts").field("password_changed_at", .datetime).update()
        try await database.schema("accounts").field("totp_secret", .string).update()
        // The last 30-second step a code was accepted for: the same code is not accepted twice.
        try await database.schema("accounts").field("totp_last_step", .int64).update()
        try await database.schema("password_history")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("password_hash", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX password_history_account ON password_history (account_id, created_at)").run()
        // The admin searches the trail by date, newest first.
        try await sql.raw("CREATE INDEX audit_log_created ON audit_log (created_at)").run()
        // Not even a mistaken UPDATE or DELETE from the app, or from someone
        // at a SQL prompt without dropping the trigger first, alters the trail.
        if sql.dialect.name == "sqlite" {
            for verb in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: verb.lowercased()) BEFORE \(unsafeRaw: verb) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_update").run()
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_delete").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log").run()
                try await sql.raw("DROP FUNCTION IF EXISTS audit_log_append_only()").run()
            }
        }
        try await database.schema("password_history").delete()
        try await database.schema("accounts").deleteField("totp_last_step").update()
        try await database.schema("accounts").deleteField("totp_secret").update()
        try await database.schema("accounts").deleteField("password_changed_at").update()
    }
}
