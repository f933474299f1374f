import Fluent
import Foundation

/// The reads several pages and API routes share.
enum PlanQueries {
    /// Plans the account may see, newest first.
    static func visiblePlans(for account: Account, on db: any Database) async throws -> [PlanRecord] {
        let query = PlanRecord.query(on: db).sort(\.$createdAt, .descending).sort(\.$file)
        switch account.role {
        case .admin:
            return try await query.all()
        case .office:
            return try await query.all().filter { Access.canEdit($0, account: account) }
        case .leader:
            return try await query.filter(\.$status != .draft).all()
                .filter { plan in account.jurisdictionCode.map { Access.covers($0, plan.jurisdictionCode) } ?? false }
        case .reporter:
            guard let unitID = account.$unit.id else { return [] }
            let planIDs = Set(try await Assignment.query(on: db).filter(\.$unit.$id == unitID).all().map(\.$plan.id))
            return try await query.filter(\.$status != .draft).all().filter { $0.id.map(planIDs.contains) ?? false }
        }
    }

    /// For a reporter, the nodes they may see: their unit's tasks and the
    /// sections above them; nil (everything) for other roles.
    static func visibleNodes(of loaded: PlanStore.Loaded, for account: Account) -> Set<UUID>? {
        guard account.role == .reporter else { return nil }
        let unitID = account.$unit.id
        let own = Set(loaded.assignments.filter { unitID != nil && $0.$unit.id == unitID }.map(\.$node.id))
        let parentByID = Dictionary(loaded.nodes.compactMap { n in n.id.map { ($0, n.parentID) } }, uniquingKeysWith: { a, _ in a })
        var visible = Set<UUID>()
        for id in own {
            var current: UUID? = id
            while let node = current, visible.insert(node).inserted {
                current = parentByID[node] ?? nil
            }
        }
        return visible
    }

    static func jurisdictionName(_ code: String, on db: any Database) async throws -> String {
        try await Jurisdiction.find(code, on: db)?.name ?? code
    }
}
