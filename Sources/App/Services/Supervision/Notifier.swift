import Fluent
import Foundation

/// Puts messages in accounts' notification lists. A `dedupeKey` makes a
/// message happen once: a second insert with the same key is skipped.
enum Notifier {
    static func tellUnit(
        _ unitID: UUID, kind: String, title: String, body: String, link: String?, dedupeKey: String? = nil, at: Date, on db: any Database
    ) async throws {
        let accounts = try await Account.query(on: db).filter(\.$unit.$id == unitID).all()
        for account in accounts {
            try await tell(account, kind: kind, title: title, body: body, link: link,
                           dedupeKey: dedupeKey.map { "\($0)|\(account.id?.uuidString ?? "")" }, at: at, on: db)
        }
    }

    static func tell(
        _ account: Account, kind: String, title: String, body: String, link: String?, dedupeKey: String? = nil, at: Date, on db: any Database
    ) async throws {
        let accountID = try account.requireID()
        if let dedupeKey, try await NotificationRecord.query(on: db).filter(\.$dedupeKey == dedupeKey).first() != nil { return }
        try await NotificationRecord(accountID: accountID, kind: kind, title: title, body: body, link: link, dedupeKey: dedupeKey, at: at)
            .create(on: db)
    }
}
