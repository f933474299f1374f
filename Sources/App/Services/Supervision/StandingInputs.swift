import Fluent
import Foundation
import PlanDomain

/// Everything the health of one plan is computed from, loaded in a few
/// queries so a dashboard costs the same whatever the number of tasks.
struct StandingInputs {
    var loaded: PlanStore.Loaded
    var settings: CalendarSettings
    var reports: [ProgressReport]
    var values: [ReportValue]
    var completed: Set<UUID>
    var closedPeriods: Set<String>
    var unitNames: [UUID: String]
    /// The plan's own bureau, which reports on tasks that name no unit.
    var issuerUnits: [UUID]

    static func load(_ plan: PlanRecord, on db: any Database) async throws -> StandingInputs {
        let planID = try plan.requireID()
        let loaded = try await PlanStore.load(plan, on: db)
        let settings = try await CalendarSettings.load(planID: planID, on: db)
        let reports = try await ProgressReport.query(on: db).filter(\.$plan.$id == planID).all()
        let values = try await ReportValue.query(on: db)
            .join(ProgressReport.self, on: \ReportValue.$report.$id == \ProgressReport.$id)
            .filter(ProgressReport.self, \.$plan.$id == planID).all()
        let completed = Set(try await TaskClosure.query(on: db)
            .join(NodeRecord.self, on: \TaskClosure.$node.$id == \NodeRecord.$id)
            .filter(NodeRecord.self, \.$plan.$id == planID).all().map { $0.$node.id })
        let closed = Set(try await PeriodClosure.query(on: db).filter(\.$plan.$id == planID).all().map(\.period))
        let issuerUnits = try await PlanStore.issuerUnits(of: plan, on: db)
        let unitIDs = Set(loaded.assignments.compactMap { $0.$unit.id }).union(issuerUnits)
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: db).filter(\.$id ~~ Array(unitIDs)).all()
        return StandingInputs(
            loaded: loaded, settings: settings, reports: reports, values: values, completed: completed,
            closedPeriods: closed, unitNames: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a }),
            issuerUnits: issuerUnits)
    }
}

extension PlanStore.Loaded {
    /// The units that report on a task: its lead units, or, when none is
    /// named, its responsible units; a task that names neither takes them
    /// from the nearest section above that does (plans often name the unit
    /// once for a whole section), and a plan that names none at all (a
    /// bureau's own 工作要点) is reported on by its issuing bureau, `fallback`.
    /// Cooperating units support; they do not report.
    func reportingUnits(of node: NodeRecord, fallback: [UUID] = []) -> [UUID] {
        let byID = nodeByID
        var current: NodeRecord? = node
        var hops = 0
        while let here = current, hops < 32 {
            let lead = assignments(of: here, role: .lead).compactMap { $0.$unit.id }
            let ids = lead.isEmpty ? assignments(of: here, role: .responsible).compactMap { $0.$unit.id } : lead
            if !ids.isEmpty {
                var seen = Set<UUID>()
                return ids.filter { seen.insert($0).inserted }
            }
            current = here.parentID.flatMap { byID[$0] }
            hops += 1
        }
        return fallback
    }
}

extension PlanStore {
    /// The units among the plan's issuers (随州市科技局 → 市科技局), found by
    /// name in the plan's jurisdiction.
    static func issuerUnits(of plan: PlanRecord, on db: any Database) async throws -> [UUID] {
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: db)
        var seen = Set<UUID>()
        return plan.issuers.compactMap { directory.unitID(for: $0) }.filter { seen.insert($0).inserted }
    }
}
