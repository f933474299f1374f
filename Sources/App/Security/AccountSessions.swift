import Fluent
import SQLKit
import Vapor

/// Finds the signed-in account of a session, which every request of a
/// signed-in person does first. Vapor's `Account.sessionAuthenticator()` runs
/// `Account.find`, whose query building and model filling go through
/// Fluent's reflection over the model's fields — the largest single cost of a
/// report submission once the writes were plain SQL. Here the row is read
/// with one plain query and each field filled by its own property wrapper,
/// so the account is a fetched model exactly as Fluent would make it (a test
/// compares the two field by field).
struct AccountSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = Account

    func authenticate(sessionID: UUID, for request: Request) async throws {
        guard let sql = request.db as? any SQLDatabase else {
            if let account = try await Account.find(sessionID, on: request.db) { request.auth.login(account) }
            return
        }
        guard let row = try await sql.select().column("*").from(Account.schema)
            .where("id", .equal, SQLBind(sessionID)).first() else { return }
        request.auth.login(try Account(row: row))
    }
}

extension Account {
    /// Every stored field of the model: a new field must be added here (the test fails otherwise).
    var storedProperties: [any AnyDatabaseProperty] {
        [$id, $username, $passwordHash, $displayName, $role, $jurisdictionCode, $unit, $createdAt, $failedLogins,
         $lockedUntil, $passwordChangedAt, $totpSecret, $totpLastStep]
    }

    /// A fetched account from a plain `SELECT *` row.
    convenience init(row: any SQLRow) throws {
        self.init()
        let output = RowOutput(row: row)
        for property in storedProperties { try property.output(from: output) }
    }
}

/// A plain SQL row as Fluent's per-field output (the same as FluentSQL's
/// internal `SQLDatabaseOutput`).
struct RowOutput: DatabaseOutput {
    let row: any SQLRow

    var description: String { "\(row)" }
    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: key.description, as: T.self) }
}
