import Fluent
import SQLKit
import Foundation
import PlanDomain

/// The unit's side of reporting: save a draft, submit. Each call checks the
/// period against the plan's calendar, writes the report, its values, the
/// task's timeline and the audit trail in one transaction.
enum ReportDesk {
    enum Action: String, Sendable { case save, submit }

    struct Context: Sendable {
        var account: Account
        var unitID: UUID
        var now: Date
        var today: CivilDate
    }

    /// The plan, node and calendar a report goes into, once checked.
    struct Target: Sendable {
        var period: ReportingPeriod
        var targetIDs: Set<UUID> { Set(targets.keys) }
        /// The task's targets: what a reported value is checked against.
        var targets: [UUID: (text: String, value: Double, unit: String)]
    }

    static func context(for account: Account, now: Date, today: CivilDate) throws -> Context {
        guard account.role == .reporter, let unitID = account.$unit.id else {
            throw AppError(status: .forbidden, reason: "只有单位填报人可以报送进展。")
        }
        return Context(account: account, unitID: unitID, now: now, today: today)
    }

    /// Checks that the unit reports on this task and that the period is open.
    /// Three plain queries (the plan, task, calendar and closure together; the
    /// units up the tree; the task's targets): on the due day a thousand
    /// units submit at once, and Fluent's model queries cost more to build
    /// than to run.
    static func check(_ input: ReportInput, _ context: Context, on db: any Database) async throws -> Target {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 查询。") }
        let read = RowReader(sql)
        let row = try await sql.raw("""
            SELECT p.status, p.year, p.partners_report, p.jurisdiction_code, n.is_task, c.kind, c.due_day, c.grace_days, c.profile, c.on_track, c.behind,
                (SELECT COUNT(*) FROM period_closures pc WHERE pc.plan_id = p.id AND pc.period = \(bind: input.period)) AS closed
            FROM nodes n JOIN plans p ON p.id = n.plan_id LEFT JOIN plan_calendars c ON c.plan_id = p.id
            WHERE n.id = \(bind: input.nodeID) AND p.id = \(bind: input.planID)
            """).first()
        guard let row, try read.value(row, "status", as: String.self) == PlanRecord.Status.published.rawValue else {
            throw AppError.notFound("已发布的计划中的这项任务")
        }
        guard try read.value(row, "is_task", as: Bool.self) else { throw AppError.notFound("任务") }
        // Only this task's chain of sections is read: a submission must not
        // cost a whole plan's load.
        let partnersReport: Bool? = try read.optional(row, "partners_report")
        let groups = try await UnitGroup.of(place: try read.value(row, "jurisdiction_code"), on: db)
        var units = try await ReportingUnits.of(nodeID: input.nodeID, partnersReport: partnersReport ?? true, groups: groups, on: db)
        if units == nil, let plan = try await PlanRecord.find(input.planID, on: db) {
            units = try await PlanStore.issuerUnits(of: plan, on: db)
        }
        guard units?.contains(context.unitID) == true else {
            throw AppError(status: .forbidden, reason: "本单位不是这项任务的牵头（责任）单位，不能报送。")
        }
        var settings = CalendarSettings.standard
        if let kind = try read.optional(row, "kind", as: String.self).flatMap(PeriodKind.init(rawValue:)) {
            settings = CalendarSettings(
                kind: kind, dueDay: try read.value(row, "due_day"), graceDays: try read.value(row, "grace_days"),
                profileJSON: try read.optional(row, "profile"), onTrack: try read.value(row, "on_track"), behind: try read.value(row, "behind"))
        }
        let year: Int? = try read.optional(row, "year")
        let calendar = try settings.calendar(year: year ?? context.today.year)
        guard let period = ReportingPeriod(key: input.period), period.kind == calendar.kind else {
            throw AppError.badRequest("报送期“\(input.period.prefix(20))”不对：本计划\(calendar.kind.title)报送。")
        }
        let closed: Set<ReportingPeriod> = try read.value(row, "closed", as: Int.self) > 0 ? [period] : []
        let check = calendar.submissionCheck(for: period, on: context.today, closed: closed)
        guard check == .allowed else { throw AppError.conflict(check.message ?? "该报送期不能报送。") }
        var targets: [UUID: (text: String, value: Double, unit: String)] = [:]
        for row in try await sql.select().columns("id", "text", "value", "unit").from(TargetRecord.schema)
            .where("node_id", .equal, SQLBind(input.nodeID)).all() {
            targets[try read.uuid(row, "id")] = (try read.value(row, "text"), try read.value(row, "value"), try read.value(row, "unit"))
        }
        return Target(period: period, targets: targets)
    }

    /// One checked save or submission waiting to be written.
    struct Job: Sendable {
        var input: ReportInput
        var action: Action
        var context: Context
        var target: Target
    }

    @discardableResult
    static func save(_ raw: ReportInput, action: Action, _ context: Context, on db: any Database, writer: ReportWriter) async throws -> ProgressReport {
        let input = try raw.validated()
        let target = try await check(input, context, on: db)
        if let unknown = input.values.keys.first(where: { !target.targetIDs.contains($0) }) {
            throw AppError.badRequest("目标 \(unknown) 不属于这项任务。")
        }
        for (id, value) in input.values.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard let stated = target.targets[id] else { continue }
            if let problem = ReportedValueRange.problem(value: value, targetText: stated.text, targetValue: stated.value, unit: stated.unit) {
                throw AppError.badRequest(problem)
            }
        }
        if action == .submit && input.narrative.isEmpty {
            throw AppError.badRequest("报送前请填写进展情况。")
        }
        return try await writer.write(Job(input: input, action: action, context: context, target: target))
    }

    /// Writes checked jobs in the caller's transaction with a fixed number
    /// of statements whatever their number: the reports already there (one
    /// query), the new ones (one insert), each changed one, their values,
    /// the timeline and the audit trail (one insert each). A job whose report
    /// is already handed in fails on its own (409); the others are written.
    /// Jobs on the same report are taken in order, each seeing the last.
    static func write(_ jobs: [Job], on tx: any Database) async throws -> [Result<ProgressReport, any Error>] {
        struct Key: Hashable { var node: UUID, unit: UUID, period: String }
        let stored = try await ProgressReport.query(on: tx)
            .filter(\.$node.$id ~~ Set(jobs.map(\.input.nodeID)))
            .filter(\.$unit.$id ~~ Set(jobs.map(\.context.unitID)))
            .filter(\.$period ~~ Set(jobs.map(\.input.period)))
            .all()
        var current = Dictionary(stored.map { (Key(node: $0.$node.id, unit: $0.$unit.id, period: $0.period), $0) }, uniquingKeysWith: { a, _ in a })
        var created: [UUID: ProgressReport] = [:]
        var changed: [UUID: ProgressReport] = [:]
        var values: [UUID: [UUID: Double]] = [:]
        var events: [TaskEvent] = []
        var audit: [AuditEntry] = []
        var results: [Result<ProgressReport, any Error>] = []

        for job in jobs {
            let input = job.input, context = job.context
            let key = Key(node: input.nodeID, unit: context.unitID, period: input.period)
            let existing = current[key]
            if let existing, !existing.isEditable {
                results.append(.failure(AppError.conflict("\(job.target.period.title)的报告已报送，办公室退回后才能修改。")))
                continue
            }
            let report = existing ?? ProgressReport(
                planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period,
                authorName: context.account.displayName)
            if report.id == nil { report.id = UUID() }
            let reportID = try report.requireID()
            let before = existing.map(snapshot)
            report.narrative = input.narrative
            report.percent = input.percent
            report.milestone = input.milestone
            report.selfStatus = input.selfStatus
            report.completionProposed = input.completionProposed
            report.authorName = context.account.displayName
            if job.action == .submit {
                report.state = .submitted
                if report.firstSubmittedAt == nil { report.firstSubmittedAt = context.now }
                report.lastSubmittedAt = context.now
            }
            current[key] = report
            if report.$id.exists { changed[reportID] = report } else { created[reportID] = report }
            values[reportID] = input.values
            let kind: TaskEvent.Kind = job.action == .submit ? .submitted : .saved
            var detail = job.action == .submit ? "报送\(job.target.period.title)进展" : "保存\(job.target.period.title)草稿"
            if let percent = input.percent { detail += "，进度 \(Int(percent.rounded()))%" }
            events.append(TaskEvent(
                planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period, kind: kind,
                accountName: context.account.displayName, detail: detail, at: context.now))
            if job.action == .submit && input.completionProposed {
                events.append(TaskEvent(
                    planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period,
                    kind: .completionProposed, accountName: context.account.displayName, detail: "申请办结，待办公室确认销号", at: context.now))
            }
            audit.append(AuditEntry(
                account: context.account, action: job.action == .submit ? "report.submit" : "report.save",
                entity: "progress_report", entityID: reportID.uuidString, before: before, after: snapshot(report)))
            results.append(.success(report))
        }

        guard let sql = tx as? any SQLDatabase else { throw AppError(status: .internalServerError, reason: "数据库不支持 SQL 写入。") }
        let now = Date()
        var rows = ReportRows()
        for report in created.values { rows.add(report, now: now) }
        try await rows.reports.run(on: sql)
        for report in changed.values { try await report.save(on: tx) }
        if !changed.isEmpty {
            try await ReportValue.query(on: tx).filter(\.$report.$id ~~ Array(changed.keys)).delete()
        }
        for (reportID, byTarget) in values {
            for (target, value) in byTarget { rows.add(value: value, report: reportID, target: target) }
        }
        for event in events { rows.add(event) }
        for entry in audit { rows.add(entry, now: now) }
        try await rows.values.run(on: sql)
        try await rows.events.run(on: sql)
        try await rows.audit.run(on: sql)
        return results
    }

    static func snapshot(_ report: ProgressReport) -> String {
        let fields: [String: String] = [
            "state": report.state.rawValue, "period": report.period, "narrative": report.narrative,
            "percent": report.percent.map { String($0) } ?? "", "milestone": report.milestone ?? "",
            "self_status": report.selfStatus?.rawValue ?? "", "completion_proposed": String(report.completionProposed),
        ]
        return JSONText.object(fields)
    }
}
