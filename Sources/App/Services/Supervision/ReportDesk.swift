import Fluent
import Foundation
import PlanDomain

/// The unit's side of reporting: save a draft, submit. Each call checks the
/// period against the plan's calendar, writes the report, its values, the
/// task's timeline and the audit trail in one transaction.
enum ReportDesk {
    enum Action: String, Sendable { case save, submit }

    struct Context {
        var account: Account
        var unitID: UUID
        var now: Date
        var today: CivilDate
    }

    /// The plan, node and calendar a report goes into, once checked.
    struct Target {
        var plan: PlanRecord
        var node: NodeRecord
        var period: ReportingPeriod
        var targetIDs: Set<UUID>
    }

    static func context(for account: Account, now: Date, today: CivilDate) throws -> Context {
        guard account.role == .reporter, let unitID = account.$unit.id else {
            throw AppError(status: .forbidden, reason: "只有单位填报人可以报送进展。")
        }
        return Context(account: account, unitID: unitID, now: now, today: today)
    }

    /// Checks that the unit reports on this task and that the period is open.
    static func check(_ input: ReportInput, _ context: Context, on db: any Database) async throws -> Target {
        guard let plan = try await PlanRecord.find(input.planID, on: db), plan.status == .published else {
            throw AppError.notFound("已发布的计划")
        }
        guard let node = try await NodeRecord.find(input.nodeID, on: db), node.$plan.id == input.planID, node.isTask else {
            throw AppError.notFound("任务")
        }
        // Only this task's chain of sections is read: a submission must not
        // cost a whole plan's load (a thousand units report on the due day).
        var units = try await ReportingUnits.of(nodeID: input.nodeID, on: db)
        if units == nil { units = try await PlanStore.issuerUnits(of: plan, on: db) }
        guard units?.contains(context.unitID) == true else {
            throw AppError(status: .forbidden, reason: "本单位不是这项任务的牵头（责任）单位，不能报送。")
        }
        let settings = try await CalendarSettings.load(planID: input.planID, on: db)
        let calendar = try settings.calendar(year: plan.reportingYear(today: context.today))
        guard let period = ReportingPeriod(key: input.period), period.kind == calendar.kind else {
            throw AppError.badRequest("报送期“\(input.period.prefix(20))”不对：本计划\(calendar.kind.title)报送。")
        }
        let closed: Set<ReportingPeriod> = try await PeriodClosure.query(on: db)
            .filter(\.$plan.$id == input.planID).filter(\.$period == period.key).count() > 0 ? [period] : []
        let check = calendar.submissionCheck(for: period, on: context.today, closed: closed)
        guard check == .allowed else { throw AppError.conflict(check.message ?? "该报送期不能报送。") }
        let targetIDs = Set(try await TargetRecord.query(on: db).filter(\.$nodeID == input.nodeID).all().compactMap(\.id))
        return Target(plan: plan, node: node, period: period, targetIDs: targetIDs)
    }

    @discardableResult
    static func save(_ raw: ReportInput, action: Action, _ context: Context, on db: any Database) async throws -> ProgressReport {
        let input = try raw.validated()
        let target = try await check(input, context, on: db)
        if let unknown = input.values.keys.first(where: { !target.targetIDs.contains($0) }) {
            throw AppError.badRequest("目标 \(unknown) 不属于这项任务。")
        }
        if action == .submit && input.narrative.isEmpty {
            throw AppError.badRequest("报送前请填写进展情况。")
        }
        return try await db.writeTransaction { tx in
            let existing = try await ProgressReport.query(on: tx)
                .filter(\.$node.$id == input.nodeID).filter(\.$unit.$id == context.unitID).filter(\.$period == input.period).first()
            if let existing, !existing.isEditable {
                throw AppError.conflict("\(target.period.title)的报告已报送，办公室退回后才能修改。")
            }
            let report = existing ?? ProgressReport(
                planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period,
                authorName: context.account.displayName)
            let before = existing.map(snapshot)
            report.narrative = input.narrative
            report.percent = input.percent
            report.milestone = input.milestone
            report.selfStatus = input.selfStatus
            report.completionProposed = input.completionProposed
            report.authorName = context.account.displayName
            if action == .submit {
                report.state = .submitted
                if report.firstSubmittedAt == nil { report.firstSubmittedAt = context.now }
                report.lastSubmittedAt = context.now
            }
            try await report.save(on: tx)
            let reportID = try report.requireID()
            if existing != nil { try await ReportValue.query(on: tx).filter(\.$report.$id == reportID).delete() }
            for (targetID, value) in input.values {
                try await ReportValue(reportID: reportID, targetID: targetID, value: value).create(on: tx)
            }
            let kind: TaskEvent.Kind = action == .submit ? .submitted : .saved
            var detail = action == .submit ? "报送\(target.period.title)进展" : "保存\(target.period.title)草稿"
            if let percent = input.percent { detail += "，进度 \(Int(percent.rounded()))%" }
            try await TaskEvent(
                planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period, kind: kind,
                accountName: context.account.displayName, detail: detail, at: context.now).create(on: tx)
            if action == .submit && input.completionProposed {
                try await TaskEvent(
                    planID: input.planID, nodeID: input.nodeID, unitID: context.unitID, period: input.period,
                    kind: .completionProposed, accountName: context.account.displayName, detail: "申请办结，待办公室确认销号", at: context.now).create(on: tx)
            }
            try await Audit.record(
                context.account, action == .submit ? "report.submit" : "report.save", entity: "progress_report", id: reportID,
                before: before, after: snapshot(report), on: tx)
            return report
        }
    }

    static func snapshot(_ report: ProgressReport) -> String {
        let fields: [String: String] = [
            "state": report.state.rawValue, "period": report.period, "narrative": report.narrative,
            "percent": report.percent.map { String($0) } ?? "", "milestone": report.milestone ?? "",
            "self_status": report.selfStatus?.rawValue ?? "", "completion_proposed": String(report.completionProposed),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
