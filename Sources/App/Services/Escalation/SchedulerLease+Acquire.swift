import Fluent
import Foundation
import SQLKit

extension SchedulerLease {
    /// Takes or renews the lease `name` for `ttl` seconds. One statement
    /// decides, so two servers asking at once cannot both get it: an update
    /// that only matches an expired lease or our own, else an insert that
    /// the primary key lets through once.
    static func acquire(_ name: String, holder: String, ttl: TimeInterval, now: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return true }
        let until = now.addingTimeInterval(ttl)
        let updated = try await sql.raw("""
            UPDATE scheduler_leases SET holder = \(bind: holder), expires_at = \(bind: until)
            WHERE name = \(bind: name) AND (holder = \(bind: holder) OR expires_at < \(bind: now)) RETURNING name
            """).all()
        if !updated.isEmpty { return true }
        if try await SchedulerLease.find(name, on: db) != nil { return false }
        let lease = SchedulerLease()
        lease.id = name
        lease.holder = holder
        lease.expiresAt = until
        do {
            try await lease.create(on: db)
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }

    /// Gives the lease up at once (a run made from a request is over).
    static func release(_ name: String, holder: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            UPDATE scheduler_leases SET expires_at = \(bind: Date(timeIntervalSince1970: 0))
            WHERE name = \(bind: name) AND holder = \(bind: holder)
            """).run()
    }
}
