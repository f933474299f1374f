import Foundation

/// Which units report on a task: its lead units, or, when none is named, its
/// responsible units; a task that names neither takes them from the nearest
/// section above that does (plans often name the unit once for a whole
/// section), and a plan that names none at all (a bureau's own 工作要点) is
/// reported on by its issuing bureau. Cooperating units support; they do
/// not report.
public enum ReportingUnits {
    /// Sections nest a few levels; the bound only guards against a cycle.
    public static let maxDepth = 32

    /// A unit a node names, and as what. Cooperating units are left out by
    /// whoever builds these: they never report.
    public struct Named: Sendable, Equatable, Hashable {
        public enum Role: Sendable, Equatable, Hashable { case lead, responsible }
        public var role: Role
        public var unit: UUID
        public init(_ role: Role, _ unit: UUID) {
            self.role = role
            self.unit = unit
        }
    }

    /// `levels[0]` are the task's own lead and responsible units in plan
    /// order, `levels[1]` its parent's, and so on; nil when none names a
    /// unit (the caller falls back to the issuing bureau).
    public static func pick(_ levels: [[Named]]) -> [UUID]? {
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

    /// The same rule over a plan's outline: walks from `node` up through its
    /// parents in `nodes`; `fallback` is the issuing bureau.
    public static func of(_ node: StandingNode, in nodes: [UUID: StandingNode], fallback: [UUID] = []) -> [UUID] {
        var levels: [[Named]] = []
        var current: StandingNode? = node
        while let here = current, levels.count < maxDepth {
            levels.append(here.named)
            current = here.parent.flatMap { nodes[$0] }
        }
        return pick(levels) ?? fallback
    }
}
