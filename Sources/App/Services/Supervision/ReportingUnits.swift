import Fluent
import Foundation
import SQLKit

/// Which units report on a task: its lead units, or, when none is named, its
/// responsible units; a task that names neither takes them from the nearest
/// section above that does (plans often name the unit once for a whole
/// section), and a plan that names none at all (a bureau's own 工作要点) is
/// reported on by its issuing bureau. Cooperating units support; they do
/// not report.
enum ReportingUnits {
    /// Sections nest a few levels; the bound only guards against a cycle.
    static let maxDepth = 32

    /// `levels[0]` are the task's own resolved lead and responsible units in
    /// plan order, `levels[1]` its parent's, and so on; nil when none names
    /// a unit (the caller falls back to the issuing bureau).
    static func pick(_ levels: [[(role: Assignment.Role, unit: UUID)]]) -> [UUID]? {
        for level in levels {
            let lead = level.filter { $0.role == .lead }.map(\.unit)
            let ids = lead.isEmpty ? level.filter { $0.role == .responsible }.map(\.unit) : lead
            if !ids.isEmpty {
                var seen = Set<UUID>()
                return ids.filter { seen.insert($0).inserted }
            }
        }
        return nil
    }

    /// The same rule for one task read straight from the database (one
    /// query walking up the tree), so a submission does not load its plan.
    static func of(nodeID: UUID, on db: any Database) async throws -> [UUID]? {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        struct Row: Decodable {
            var depth: Int
            var role: Assignment.Role
            var unitID: UUID
            enum CodingKeys: String, CodingKey { case depth, role, unitID = "unit_id" }
        }
        let rows = try await sql.raw("""
            WITH RECURSIVE chain(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM nodes WHERE id = \(bind: nodeID)
                UNION ALL
                SELECT n.id, n.parent_id, c.depth + 1 FROM nodes n JOIN chain c ON n.id = c.parent_id
                WHERE c.depth < \(bind: maxDepth - 1)
            )
            SELECT c.depth, a.role, a.unit_id FROM chain c JOIN assignments a ON a.node_id = c.id
            WHERE a.unit_id IS NOT NULL AND a.role IN ('lead', 'responsible')
            ORDER BY c.depth, a.position
            """).all(decoding: Row.self)
        guard let deepest = rows.map(\.depth).max() else { return nil }
        var levels = Array(repeating: [(role: Assignment.Role, unit: UUID)](), count: deepest + 1)
        for row in rows { levels[row.depth].append((role: row.role, unit: row.unitID)) }
        return pick(levels)
    }
}
