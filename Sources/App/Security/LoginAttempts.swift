import Fluent
import Foundation
import SQLKit

/// The lockout's counters, changed only by single conditional statements
/// (`UPDATE … RETURNING`), never read, changed and saved: 40 wrong passwords
/// sent at once all read "0 failures" before and slipped past the lock.
enum LoginAttempts {
    enum Failure: Equatable {
        /// Counted; this many failures in a row so far.
        case counted(Int)
        /// This failure was the last one allowed: the account is now locked.
        case lockedNow
        /// The account was locked already (by attempts that finished first).
        case alreadyLocked
    }

    /// Counts one failure and, when it is the `limit`-th in a row, locks the
    /// account in the same statement: of forty wrong passwords sent at once
    /// exactly the fifth locks it, and the rest find it locked.
    static func fail(_ id: UUID, limit: Int, until: Date, now: Date, on db: any Database) async throws -> Failure {
        let row = try await sql(db).raw("""
            UPDATE accounts SET
                locked_until = CASE WHEN failed_logins + 1 >= \(bind: limit) THEN \(bind: until) ELSE NULL END,
                failed_logins = CASE WHEN failed_logins + 1 >= \(bind: limit) THEN 0 ELSE failed_logins + 1 END
            WHERE id = \(bind: id) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING failed_logins, locked_until
            """).first()
        guard let row else { return .alreadyLocked }
        if try row.decode(column: "locked_until", as: Date?.self) != nil { return .lockedNow }
        return .counted(try row.decode(column: "failed_logins", as: Int.self))
    }

    /// A right password or code: clears the count unless the account was
    /// locked meanwhile (by attempts that arrived with it); false then.
    static func succeed(_ id: UUID, now: Date, on db: any Database) async throws -> Bool {
        try await sql(db).raw("""
            UPDATE accounts SET failed_logins = 0, locked_until = NULL
            WHERE id = \(bind: id) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING id
            """).first() != nil
    }

    /// Remembers a second-factor code's time step unless that step (or a
    /// later one) was used already: two logins with one code at once cannot
    /// both pass.
    static func useStep(_ step: Int64, of id: UUID, on db: any Database) async throws -> Bool {
        try await sql(db).raw("""
            UPDATE accounts SET totp_last_step = \(bind: step)
            WHERE id = \(bind: id) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """).first() != nil
    }

    /// When the account is locked until, read fresh.
    static func lockedUntil(_ id: UUID, on db: any Database) async throws -> Date? {
        try await sql(db).raw("SELECT locked_until FROM accounts WHERE id = \(bind: id)").first()?
            .decode(column: "locked_until", as: Date?.self)
    }

    private static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }
}
