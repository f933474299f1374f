import Fluent
import Foundation
import PlanDomain
import Vapor

/// The system admin's search over the audit trail: by person, action,
/// record, text and Beijing-time dates, newest first.
struct AuditSearch: Content {
    var account: String?
    var action: String?
    var entity: String?
    var text: String?
    var from: String?
    var to: String?
    var page: Int?

    static let pageSize = 100
    /// An export holds at most this many lines; a narrower search gets the rest.
    static let exportLimit = 100_000
    /// The last page anyone can ask for (10 million lines). Without a bound a
    /// huge page number overflowed the offset and stopped the server (found by
    /// schemathesis: `page=451108048139190144`).
    static let maxPage = 100_000

    /// The filters from the query string; a malformed date is an error in Chinese.
    static func from(_ req: Request) throws -> AuditSearch {
        let search = try req.query.decode(AuditSearch.self)
        for (value, name) in [(search.from, "开始日期"), (search.to, "结束日期")] {
            if let value = value?.trimmed, !value.isEmpty, CivilDate(iso: value) == nil {
                throw AppError.badRequest("\(name)「\(value)」不是有效日期，应写作 2026-01-31。")
            }
        }
        if let page = search.page, !(1...maxPage).contains(page) {
            throw AppError.badRequest("页码应为 1–\(maxPage) 之间的整数。")
        }
        return search
    }

    func query(on db: any Database) -> QueryBuilder<AuditEntry> {
        var query = AuditEntry.query(on: db)
        if let account = account?.trimmed, !account.isEmpty { query = query.filter(\.$accountName ~~ account) }
        if let action = action?.trimmed, !action.isEmpty { query = query.filter(\.$action =~ action) }
        if let entity = entity?.trimmed, !entity.isEmpty { query = query.filter(\.$entity == entity) }
        if let text = text?.trimmed, !text.isEmpty {
            query = query.group(.or) { group in
                group.filter(\.$before ~~ text).filter(\.$after ~~ text).filter(\.$entityID ~~ text)
            }
        }
        if let day = from.flatMap({ CivilDate(iso: $0.trimmed) }) { query = query.filter(\.$createdAt >= day.startOfDay(in: .shanghai)) }
        if let day = to.flatMap({ CivilDate(iso: $0.trimmed) }) { query = query.filter(\.$createdAt < day.endOfDay(in: .shanghai)) }
        return query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
    }

    var pageNumber: Int { page ?? 1 }

    /// The query string of this search on another page (nil: unchanged).
    func queryString(page: Int? = nil) -> String {
        let pairs: [(String, String?)] = [
            ("account", account), ("action", action), ("entity", entity), ("text", text), ("from", from), ("to", to),
            ("page", page.map(String.init)),
        ]
        return pairs.compactMap { name, value in
            guard let value = value?.trimmed, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// One line of the trail as the API and the export show it.
struct AuditEntryDTO: Content {
    var id: UUID?
    var at: Date?
    var account: String
    var accountID: UUID?
    var action: String
    var entity: String
    var entityID: String?
    var before: String?
    var after: String?

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.createdAt
        account = entry.accountName
        accountID = entry.accountID
        action = entry.action
        entity = entry.entity
        entityID = entry.entityID
        before = entry.before
        after = entry.after
    }
}
