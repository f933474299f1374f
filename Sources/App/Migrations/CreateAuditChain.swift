import Fluent
import SQLKit

/// The audit trail's hash chain (`AuditChain`): one link per sealed audit
/// line, in sealing order, append-only like the trail itself.
struct CreateAuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let uuid = sql.dialect.name == "sqlite" ? "TEXT" : "UUID"
        try await sql.raw("""
            CREATE TABLE audit_chain (
                seq BIGINT PRIMARY KEY,
                audit_id \(unsafeRaw: uuid) NOT NULL UNIQUE,
                hash TEXT NOT NULL
            )
            """).run()
        if sql.dialect.name == "sqlite" {
            for verb in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_chain_no_\(unsafeRaw: verb.lowercased()) BEFORE \(unsafeRaw: verb) ON audit_chain
                    BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE IF EXISTS audit_chain").run()
    }
}
