import Fluent
import Foundation
import PlanDomain

/// The office's side: accept or return a report, confirm a task done (销号),
/// close and reopen periods. The unit's reporters are told in the app.
enum ReviewDesk {
    enum Decision: String, Codable, Sendable, CaseIterable { case accept, `return` }

    static func review(
        _ report: ProgressReport, decision: Decision, comment: String, by account: Account, now: Date, on db: any Database
    ) async throws {
        guard report.state == .submitted else {
            throw AppError.conflict("这份报告当前为“\(report.state.title)”，只有已报送的报告可以采纳或退回。")
        }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .return && comment.isEmpty { throw AppError.badRequest("退回时请写明退回原因，单位据此修改。") }
        guard comment.count <= 2_000 else { throw AppError.badRequest("审核意见不能超过 2000 字。") }
        let period = ReportingPeriod(key: report.period)?.title ?? report.period
        try await db.writeTransaction { tx in
            let before = ReportDesk.snapshot(report)
            report.state = decision == .accept ? .accepted : .returned
            report.reviewedAt = now
            report.reviewerName = account.displayName
            report.reviewComment = comment.isEmpty ? nil : comment
            try await report.save(on: tx)
            let detail = decision == .accept ? "采纳\(period)报告" + (comment.isEmpty ? "" : "：\(comment)") : "退回\(period)报告：\(comment)"
            try await TaskEvent(
                planID: report.$plan.id, nodeID: report.$node.id, unitID: report.$unit.id, period: report.period,
                kind: decision == .accept ? .accepted : .returned, accountName: account.displayName, detail: detail, at: now).create(on: tx)
            try await Audit.record(
                account, "report.\(decision.rawValue)", entity: "progress_report", id: report.id,
                before: before, after: ReportDesk.snapshot(report), on: tx)
            if decision == .return {
                let node = try await NodeRecord.find(report.$node.id, on: tx)
                try await Notifier.tellUnit(
                    report.$unit.id, kind: "returned", title: "进展报告被退回：\(node?.title.prefix(30) ?? "")",
                    body: "\(period)报告被退回。退回原因：\(comment)。请修改后重新报送。",
                    link: SitePath.reportsPage.path + "?period=\(report.period)", at: now, on: tx)
            }
        }
    }

    static func confirmCompletion(node: NodeRecord, by account: Account, at now: Date, on db: any Database) async throws {
        let nodeID = try node.requireID()
        guard node.isTask else { throw AppError.badRequest("只有任务可以销号。") }
        if try await TaskClosure.query(on: db).filter(\.$node.$id == nodeID).first() != nil {
            throw AppError.conflict("这项任务已经销号。")
        }
        let proposed = try await ProgressReport.query(on: db).filter(\.$node.$id == nodeID)
            .filter(\.$completionProposed == true).all()
            .contains { $0.state == .submitted || $0.state == .accepted }
        guard proposed else { throw AppError.conflict("单位尚未申请办结：办结由责任单位在报告中提出，办公室确认后销号。") }
        try await db.writeTransaction { tx in
            try await TaskClosure(nodeID: nodeID, confirmedBy: account.displayName).create(on: tx)
            try await TaskEvent(
                planID: node.$plan.id, nodeID: nodeID, unitID: nil, period: nil, kind: .completed,
                accountName: account.displayName, detail: "确认办结，任务销号", at: now).create(on: tx)
            try await Audit.record(account, "task.complete", entity: "node", id: nodeID, after: node.title, on: tx)
        }
    }

    static func setPeriod(_ period: ReportingPeriod, of plan: PlanRecord, closed: Bool, by account: Account, on db: any Database) async throws {
        let planID = try plan.requireID()
        let existing = try await PeriodClosure.query(on: db).filter(\.$plan.$id == planID).filter(\.$period == period.key).first()
        try await db.writeTransaction { tx in
            if closed {
                guard existing == nil else { throw AppError.conflict("\(period.title)已经关闭。") }
                try await PeriodClosure(planID: planID, period: period.key, closedBy: account.displayName).create(on: tx)
            } else {
                guard let existing else { throw AppError.conflict("\(period.title)没有关闭，无需重新开放。") }
                try await existing.delete(on: tx)
            }
            try await Audit.record(
                account, closed ? "period.close" : "period.reopen", entity: "plan", id: planID,
                before: closed ? "open" : "closed", after: "\(period.key) \(closed ? "closed" : "open")", on: tx)
        }
    }
}
