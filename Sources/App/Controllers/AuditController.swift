import Fluent
import PlanDomain
import Vapor

/// The audit trail for the system admin: search, page through, export.
/// Nothing here changes it; the database refuses updates and deletes.
enum AuditController {
    @Sendable static func page(req: Request) async throws -> Response {
        let search = try AuditSearch.from(req)
        let query = search.query(on: req.db)
        let total = try await query.count()
        let entries = try await query.range((search.pageNumber - 1) * AuditSearch.pageSize ..< search.pageNumber * AuditSearch.pageSize).all()
        let oldest = try await AuditEntry.query(on: req.db).sort(\.$createdAt, .ascending).first()?.createdAt
        return try await AuditPage.View(context: req.pageContext, search: search, entries: entries, total: total, oldest: oldest,
                                        names: try await names(of: entries, on: req.db))
            .html.encodeResponse(for: req)
    }

    /// The titles and names of the plans, units and accounts the entries
    /// name, by id, so the page says 计划 随州市… rather than a UUID.
    static func names(of entries: [AuditEntry], on db: any Database) async throws -> [String: String] {
        func ids(_ entity: String) -> [UUID] {
            Array(Set(entries.filter { $0.entity == entity }.compactMap { $0.entityID.flatMap(UUID.init(uuidString:)) }))
        }
        var names: [String: String] = [:]
        let plans = ids("plan"), units = ids("unit"), accounts = ids("account")
        if !plans.isEmpty {
            for plan in try await PlanRecord.query(on: db).filter(\.$id ~~ plans).all() { names[plan.id?.uuidString ?? ""] = "“\(plan.displayTitle)”" }
        }
        if !units.isEmpty {
            for unit in try await Unit.query(on: db).filter(\.$id ~~ units).all() { names[unit.id?.uuidString ?? ""] = unit.name }
        }
        if !accounts.isEmpty {
            for account in try await Account.query(on: db).filter(\.$id ~~ accounts).all() {
                names[account.id?.uuidString ?? ""] = "\(account.displayName)（\(account.username)）"
            }
        }
        return names
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let search = try AuditSearch.from(req)
        let entries = try await search.query(on: req.db)
            .range((search.pageNumber - 1) * AuditSearch.pageSize ..< search.pageNumber * AuditSearch.pageSize).all()
        return try await entries.map(AuditEntryDTO.init).encodeResponse(for: req)
    }

    /// The search as a workbook; the export itself goes into the trail.
    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let search = try AuditSearch.from(req)
        let entries = try await search.query(on: req.db).limit(AuditSearch.exportLimit).all()
        let rows: [[SheetCell]] = entries.map { entry in
            [.text(entry.createdAt.map(DateText.second) ?? ""), .text(entry.accountName), .text(AuditWording.action(entry.action)),
             .text(entry.action), .text(AuditWording.entity(entry.entity)), .text(entry.entityID ?? ""),
             .text(AuditWording.readable(entry.before)), .text(AuditWording.readable(entry.after))]
        }
        let sheet = SheetTable(name: "审计日志", header: ["时间（北京时间）", "账号", "操作", "操作代码", "对象", "对象标识", "修改前", "修改后"],
                               rows: rows, columnWidths: [20, 14, 18, 22, 10, 38, 40, 40])
        let data = try SimpleWorkbook.xlsx([sheet])
        try await Audit.record(account, "export.audit", entity: "audit_log", id: nil, after: search.queryString(), on: req.db)
        return .xlsx(data, name: "审计日志.xlsx", fallback: "audit.xlsx")
    }
}
