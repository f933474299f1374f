import Fluent
import Foundation

/// Writes the audit trail. Every change of supervision data passes here,
/// inside the same transaction as the change, so the trail and the data
/// cannot disagree.
enum Audit {
    static func record(
        _ account: Account?, _ action: String, entity: String, id: CustomStringConvertible?,
        before: String? = nil, after: String? = nil, on db: any Database
    ) async throws {
        try await AuditEntry(account: account, action: action, entity: entity, entityID: id?.description, before: before, after: after)
            .create(on: db)
    }
}
