import Fluent
import SQLKit

extension Database {
    /// A transaction that writes. On SQLite it begins IMMEDIATE, taking the
    /// write lock before the first read: a deferred transaction that reads
    /// and then writes while another connection writes fails at once with
    /// "database is locked" (SQLite cannot wait there without deadlocking),
    /// which under a thousand units submitting at once loses reports. On
    /// PostgreSQL it is the ordinary transaction.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        return try await withConnection { connection in
            guard let raw = connection as? any SQLDatabase else { return try await connection.transaction(body) }
            try await raw.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await raw.raw("COMMIT").run()
                return result
            } catch {
                try? await raw.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
