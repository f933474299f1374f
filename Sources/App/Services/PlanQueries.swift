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
            var plans: [PlanRecord] = []
            for plan in try await query.filter(\.$status != .draft).all() {
                if plan.id.map(planIDs.contains) ?? false {
                    plans.append(plan)
                } else if plan.jurisdictionCode == account.jurisdictionCode, try await PlanStore.issuerUnits(of: plan, on: db).contains(unitID) {
                    plans.append(plan)
                }
            }
            return plans
        }
    }

    /// For a reporter, the nodes they may see: their unit's tasks (named, or
    /// reported on as the section's or the issuing bureau's, see
    /// `reportingUnits`) and the sections above them; nil (everything) for other roles.
    static func visibleNodes(of loaded: PlanStore.Loaded, for account: Account, issuerUnits: [UUID] = []) -> Set<UUID>? {
        guard account.role == .reporter else { return nil }
        let unitID = account.$unit.id
        var own = Set(loaded.assignments.filter { unitID != nil && $0.$unit.id == unitID }.map(\.$node.id))
        if let unitID {
            for node in loaded.nodes where node.isTask && loaded.reportingUnits(of: node, fallback: issuerUnits).contains(unitID) {
                if let id = node.id { own.insert(id) }
            }
        }
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
