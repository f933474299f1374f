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
        let loaded = try await PlanStore.loadForReading(plan, on: db)
        let settings = try await CalendarSettings.load(planID: planID, on: db)
        let reports = try await ReportRow.all(of: planID, on: db)
        let values = try await ValueRow.all(of: planID, on: db)
        let completed = Set(try await TaskClosure.query(on: db)
            .join(NodeRecord.self, on: \TaskClosure.$node.$id == \NodeRecord.$id)
            .filter(NodeRecord.self, \.$plan.$id == planID).all().map { $0.$node.id })
        let closed = Set(try await PeriodClosure.query(on: db).filter(\.$plan.$id == planID).all().map(\.period))
        let issuerUnits = try await PlanStore.issuerUnits(of: plan, on: db)
        let groupMembers = loaded.assignments.flatMap { loaded.groups.members(of: $0.unitName) ?? [] }
        let unitIDs = Set(loaded.assignments.compactMap { $0.$unit.id }).union(issuerUnits).union(groupMembers)
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: db).filter(\.$id ~~ Array(unitIDs)).all()
        return StandingInputs(
            loaded: loaded, settings: settings, reports: reports, values: values, completed: completed,
            closedPeriods: closed, unitNames: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a }),
            issuerUnits: issuerUnits)
    }
}

extension StandingInputs {
    /// The rows as PlanDomain's standing reads them.
    var facts: StandingFacts {
        var valuesByReport: [UUID: [UUID: Double]] = [:]
        for value in values { valuesByReport[value.reportID, default: [:]][value.targetID] = value.value }
        return StandingFacts(
            nodes: loaded.standingNodes,
            reports: reports.map { r in
                StandingReport(
                    id: r.id, node: r.nodeID, unit: r.unitID, period: r.period, state: r.state, percent: r.percent,
                    selfStatus: r.selfStatus, completionProposed: r.completionProposed, firstSubmittedAt: r.firstSubmittedAt,
                    lastSubmittedAt: r.lastSubmittedAt, updatedAt: r.updatedAt, values: valuesByReport[r.id] ?? [:])
            },
            completed: completed, publishedAt: loaded.record.publishedAt, issuerUnits: issuerUnits, unitNames: unitNames,
            partnersReport: loaded.record.partnersReport)
    }
}

extension PlanStore.Loaded {
    /// The outline as PlanDomain's rules read it, in plan order.
    var standingNodes: [StandingNode] {
        nodes.compactMap { node in
            guard let id = node.id else { return nil }
            return StandingNode(
                id: id, parent: node.parentID, isTask: node.isTask,
                deadline: node.deadlineDate.flatMap(CivilDate.init(iso:)),
                named: named(by: id), targets: targets(of: node).compactMap(\.standingTarget), weight: node.weight,
                joinedOn: node.joinedOn.flatMap(CivilDate.init(iso:)))
        }
    }

    /// The lead and responsible units a node names, in plan order; a unit
    /// group it names (各镇办) stands for its members, in the group's order.
    func named(by id: UUID) -> [ReportingUnits.Named] {
        (assignmentsByNode[id] ?? []).flatMap { a -> [ReportingUnits.Named] in
            let role: ReportingUnits.Named.Role
            switch a.role {
            case .lead: role = .lead
            case .responsible: role = .responsible
            case .cooperating: return []
            }
            // A group the office defined wins over a unit the name was once
            // matched to: the office said who 各镇办 are.
            if let members = groups.members(of: a.unitName) { return members.map { ReportingUnits.Named(role, $0) } }
            return a.$unit.id.map { [ReportingUnits.Named(role, $0)] } ?? []
        }
    }

    /// The units that report on a task (PlanDomain's `ReportingUnits`
    /// over the node and its parents, as the plan's partners choice says);
    /// `fallback` is the issuing bureau.
    func reporters(of node: NodeRecord, fallback: [UUID] = []) -> ReportingUnits.Reporters {
        var levels: [[ReportingUnits.Named]] = []
        var current: NodeRecord? = node
        while let here = current, let id = here.id, levels.count < ReportingUnits.maxDepth {
            levels.append(named(by: id))
            current = here.parentID.flatMap { nodeByID[$0] }
        }
        return ReportingUnits.reporters(levels, partnersReport: record.partnersReport) ?? ReportingUnits.Reporters(lead: fallback)
    }

    func reportingUnits(of node: NodeRecord, fallback: [UUID] = []) -> [UUID] {
        reporters(of: node, fallback: fallback).all
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
struct ReportRow: Sendable, Equatable {
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
}

extension ReportRow {
    /// The one mapping from a row's columns (`CodingKeys`) to a report row.
    init(_ row: some ColumnReader) throws {
        self.init(
            id: try row.uuid("id"), nodeID: try row.uuid("node_id"), unitID: try row.uuid("unit_id"),
            period: try row.string("period"), state: try row.raw("state"), percent: try row.optionalDouble("percent"),
            selfStatus: try row.optionalString("self_status").flatMap(Health.init(rawValue:)),
            completionProposed: try row.bool("completion_proposed"),
            firstSubmittedAt: try row.optionalDate("first_submitted_at"), lastSubmittedAt: try row.optionalDate("last_submitted_at"),
            updatedAt: try row.optionalDate("updated_at"))
    }

    static func all(of planID: UUID, on db: any Database) async throws -> [ReportRow] {
        let columns = CodingKeys.allNames.joined(separator: ", ")
        if let rows = try await SQLiteRows.query(db, "SELECT \(columns) FROM progress_reports WHERE plan_id = ?", [.text(planID.uuidString)]) {
            return try rows.map(ReportRow.init)
        }
        return try await allThroughSQLKit(of: planID, on: db)
    }

    /// The portable path (PostgreSQL); also what the test compares the SQLite path with.
    static func allThroughSQLKit(of planID: UUID, on db: any Database) async throws -> [ReportRow] {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        let read = RowReader(sql)
        return try await sql.select()
            .columns(CodingKeys.allNames.map { SQLIdentifier($0) })
            .from(ProgressReport.schema)
            .where(SQLIdentifier("plan_id"), .equal, SQLBind(planID))
            .all()
            .map { try ReportRow(SQLColumns(row: $0, read: read)) }
    }
}

extension ReportRow.CodingKeys: CaseIterable {
    static var allNames: [String] { allCases.map(\.rawValue) }
}

/// A reported value: which report, which target, how much.
struct ValueRow: Sendable, Equatable {
    var reportID: UUID
    var targetID: UUID
    var value: Double

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id", targetID = "target_id", value
    }
}

extension ValueRow {
    init(_ row: some ColumnReader) throws {
        self.init(reportID: try row.uuid("report_id"), targetID: try row.uuid("target_id"), value: try row.double("value"))
    }

    static func all(of planID: UUID, on db: any Database) async throws -> [ValueRow] {
        if let rows = try await SQLiteRows.query(db, """
            SELECT v.report_id, v.target_id, v.value FROM report_values v
            JOIN progress_reports r ON v.report_id = r.id WHERE r.plan_id = ?
            """, [.text(planID.uuidString)]) {
            return try rows.map(ValueRow.init)
        }
        return try await allThroughSQLKit(of: planID, on: db)
    }

    static func allThroughSQLKit(of planID: UUID, on db: any Database) async throws -> [ValueRow] {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        let read = RowReader(sql)
        return try await sql.select()
            .column(SQLColumn("report_id", table: "report_values"))
            .column(SQLColumn("target_id", table: "report_values"))
            .column(SQLColumn("value", table: "report_values"))
            .from("report_values")
            .join("progress_reports", on: SQLColumn("report_id", table: "report_values"), .equal, SQLColumn("id", table: "progress_reports"))
            .where(SQLColumn("plan_id", table: "progress_reports"), .equal, SQLBind(planID))
            .all()
            .map { try ValueRow(SQLColumns(row: $0, read: read)) }
    }
}
