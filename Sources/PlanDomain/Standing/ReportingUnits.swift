import Foundation

/// Which units report on a task: its lead units (牵头单位), who compile the
/// task's report, and beside them its other responsible units (责任单位), the
/// partners, who each report their own part — unless the office has chosen,
/// for the plan, that only leads report. A task that names no lead is
/// reported on by each of its responsible units alike. A task that names
/// neither takes them from the nearest section above that does (plans often
/// name the units once for a whole section), and a plan that names none at
/// all (a bureau's own 工作要点) is reported on by its issuing bureau.
/// Cooperating units (配合单位) support; they do not report.
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

    /// The units reporting on one task, by what their report is.
    public struct Reporters: Sendable, Equatable {
        /// Who writes the task's report: the lead units, which compile their
        /// partners' parts (牵头汇总), or, where no lead is named, every
        /// responsible unit.
        public var lead: [UUID]
        /// Responsible units beside a lead, each reporting its own part.
        public var partners: [UUID]

        public init(lead: [UUID], partners: [UUID] = []) {
            self.lead = lead
            self.partners = partners
        }

        /// Everyone who reports, leads first, in plan order.
        public var all: [UUID] { lead + partners }
    }

    /// `levels[0]` are the task's own lead and responsible units in plan
    /// order, `levels[1]` its parent's, and so on; nil when none names a
    /// unit (the caller falls back to the issuing bureau).
    public static func reporters(_ levels: [[Named]], partnersReport: Bool = true) -> Reporters? {
        for level in levels {
            let lead = unique(level.filter { $0.role == .lead }.map(\.unit))
            let responsible = unique(level.filter { $0.role == .responsible }.map(\.unit))
            if lead.isEmpty {
                if !responsible.isEmpty { return Reporters(lead: responsible) }
                continue
            }
            let partners = partnersReport ? responsible.filter { !lead.contains($0) } : []
            return Reporters(lead: lead, partners: partners)
        }
        return nil
    }

    /// Everyone who reports (`reporters(_:partnersReport:)`'s `all`).
    public static func pick(_ levels: [[Named]], partnersReport: Bool = true) -> [UUID]? {
        reporters(levels, partnersReport: partnersReport)?.all
    }

    /// The same rule over a plan's outline: walks from `node` up through its
    /// parents in `nodes`; `fallback` is the issuing bureau.
    public static func reporters(of node: StandingNode, in nodes: [UUID: StandingNode], fallback: [UUID] = [],
                                 partnersReport: Bool = true) -> Reporters {
        var levels: [[Named]] = []
        var current: StandingNode? = node
        while let here = current, levels.count < maxDepth {
            levels.append(here.named)
            current = here.parent.flatMap { nodes[$0] }
        }
        return reporters(levels, partnersReport: partnersReport) ?? Reporters(lead: fallback)
    }

    public static func of(_ node: StandingNode, in nodes: [UUID: StandingNode], fallback: [UUID] = [],
                          partnersReport: Bool = true) -> [UUID] {
        reporters(of: node, in: nodes, fallback: fallback, partnersReport: partnersReport).all
    }

    private static func unique(_ ids: [UUID]) -> [UUID] {
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
