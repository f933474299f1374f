import Fluent
import Foundation
import PlanDomain
import SQLKit

/// PlanDomain's `ReportingUnits` for one task read straight from the
/// database (one query walking up the tree), so a submission does not load
/// its plan.
extension ReportingUnits {
    static func of(nodeID: UUID, partnersReport: Bool, groups: UnitGroups = .none, on db: any Database) async throws -> [UUID]? {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        struct Row: Decodable {
            var depth: Int
            var role: Assignment.Role
            var unitID: UUID?
            var unitName: String
            enum CodingKeys: String, CodingKey { case depth, role, unitID = "unit_id", unitName = "unit_name" }
        }
        let rows = try await sql.raw("""
            WITH RECURSIVE chain(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM nodes WHERE id = \(bind: nodeID)
                UNION ALL
                SELECT n.id, n.parent_id, c.depth + 1 FROM nodes n JOIN chain c ON n.id = c.parent_id
                WHERE c.depth < \(bind: maxDepth - 1)
            )
            SELECT c.depth, a.role, a.unit_id, a.unit_name FROM chain c JOIN assignments a ON a.node_id = c.id
            WHERE a.role IN ('lead', 'responsible')
            ORDER BY c.depth, a.position
            """).all(decoding: Row.self)
        guard let deepest = rows.map(\.depth).max() else { return nil }
        var levels = Array(repeating: [ReportingUnits.Named](), count: deepest + 1)
        for row in rows {
            let role: ReportingUnits.Named.Role
            switch row.role {
            case .lead: role = .lead
            case .responsible: role = .responsible
            case .cooperating: continue
            }
            // A unit, or a unit group (各镇办) standing for its members; an unmatched name, nobody.
            let units = groups.members(of: row.unitName) ?? row.unitID.map { [$0] } ?? []
            levels[row.depth] += units.map { ReportingUnits.Named(role, $0) }
        }
        return pick(levels, partnersReport: partnersReport)
    }
}
