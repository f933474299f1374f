import Fluent
import SQLKit
import Foundation
import PlanDomain

/// Everything the health of one plan is computed from, loaded in a few
/// queries so a dashboard costs the same whatever the number of tasks.
struct StandingInputs {
    var loaded: PlanStore.Loaded
    var settings: CalendarSettings
    var reports: [ReportRow]
    var values: [ValueRow]
    var completed: Set<UUID>
    var closedPeriods: Set<String>
    var unitNames: [UUID: String]
    /// The plan's own bureau, which reports on tasks that name no unit.
    var issuerUnits: [UUID]

    static func load(_ plan: PlanRecord, on db: any Database) async throws -> StandingInputs {
        let planID = try plan.requireID()
        let loaded = try await PlanStore.load(plan, on: db)
        let settings = try await CalendarSettings.load(planID: planID, on: db)
        let reports = try await ReportRow.all(of: planID, on: db)
        let values = try await ValueRow.all(of: planID, on: db)
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

/// What the standing needs of a progress report, read without the narrative
/// and without Fluent's model machinery: a dashboard reads every report of
/// a plan (thousands on a county's plan of a year), and decoding full models
/// was most of its time.
struct ReportRow: Decodable, Sendable {
    var id: UUID
    var nodeID: UUID
    var unitID: UUID
    var period: String
    var state: ReportState
    var percent: Double?
    var selfStatus: Health?
    var completionProposed: Bool
    var firstSubmittedAt: Date?
    var lastSubmittedAt: Date?
    var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, period, state, percent
        case nodeID = "node_id", unitID = "unit_id", selfStatus = "self_status", completionProposed = "completion_proposed"
        case firstSubmittedAt = "first_submitted_at", lastSubmittedAt = "last_submitted_at", updatedAt = "updated_at"
    }

    var fact: ReportFact { ReportFact(state: state, firstSubmittedAt: firstSubmittedAt, lastSubmittedAt: lastSubmittedAt) }

    static func all(of planID: UUID, on db: any Database) async throws -> [ReportRow] {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        return try await sql.select()
            .columns(CodingKeys.allNames.map { SQLIdentifier($0) })
            .from(ProgressReport.schema)
            .where(SQLIdentifier("plan_id"), .equal, SQLBind(planID))
            .all(decoding: ReportRow.self)
    }
}

extension ReportRow.CodingKeys: CaseIterable {
    static var allNames: [String] { allCases.map(\.rawValue) }
}

/// A reported value: which report, which target, how much.
struct ValueRow: Decodable, Sendable {
    var reportID: UUID
    var targetID: UUID
    var value: Double

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id", targetID = "target_id", value
    }

    static func all(of planID: UUID, on db: any Database) async throws -> [ValueRow] {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        return try await sql.select()
            .column(SQLColumn("report_id", table: "report_values"))
            .column(SQLColumn("target_id", table: "report_values"))
            .column(SQLColumn("value", table: "report_values"))
            .from("report_values")
            .join("progress_reports", on: SQLColumn("report_id", table: "report_values"), .equal, SQLColumn("id", table: "progress_reports"))
            .where(SQLColumn("plan_id", table: "progress_reports"), .equal, SQLBind(planID))
            .all(decoding: ValueRow.self)
    }
}
