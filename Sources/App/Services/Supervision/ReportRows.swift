import Foundation
import SQLKit

/// The rows a batch of saved reports adds, as `SQLInsert`s (see there for
/// why not Fluent). Each model's columns are listed once here; a test writes
/// a batch and reads every field back through Fluent.
struct ReportRows {
    var reports = SQLInsert(ProgressReport.schema, [
        "id", "plan_id", "node_id", "unit_id", "period", "state", "narrative", "percent", "milestone", "self_status",
        "completion_proposed", "author_name", "first_submitted_at", "last_submitted_at", "reviewed_at", "reviewer_name",
        "review_comment", "created_at", "updated_at",
    ])
    var values = SQLInsert(ReportValue.schema, ["id", "report_id", "target_id", "value"])
    var events = SQLInsert(TaskEvent.schema, [
        "id", "plan_id", "node_id", "unit_id", "period", "kind", "account_name", "detail", "created_at",
    ])
    var audit = SQLInsert(AuditEntry.schema, [
        "id", "account_name", "account_id", "action", "entity", "entity_id", "before", "after", "created_at",
    ])

    /// A new report; it gets its id and Fluent's create stamps, and counts as stored from here on.
    mutating func add(_ report: ProgressReport, now: Date) {
        let id = report.id ?? UUID()
        report.id = id
        report.createdAt = now
        report.updatedAt = now
        reports.add([
            SQLBind(id), SQLBind(report.$plan.id), SQLBind(report.$node.id), SQLBind(report.$unit.id), SQLBind(report.period),
            SQLBind(report.state.rawValue), SQLBind(report.narrative), bound(report.percent), bound(report.milestone),
            bound(report.selfStatus?.rawValue), SQLBind(report.completionProposed), SQLBind(report.authorName),
            bound(report.firstSubmittedAt), bound(report.lastSubmittedAt), bound(report.reviewedAt), bound(report.reviewerName),
            bound(report.reviewComment), SQLBind(now), SQLBind(now),
        ])
        report.$id.exists = true
    }

    mutating func add(value: Double, report: UUID, target: UUID) {
        values.add([SQLBind(UUID()), SQLBind(report), SQLBind(target), SQLBind(value)])
    }

    mutating func add(_ event: TaskEvent) {
        events.add([
            SQLBind(event.id ?? UUID()), SQLBind(event.$plan.id), SQLBind(event.$node.id), bound(event.unitID), bound(event.period),
            SQLBind(event.kind.rawValue), SQLBind(event.accountName), SQLBind(event.detail), bound(event.createdAt),
        ])
    }

    mutating func add(_ entry: AuditEntry, now: Date) {
        audit.add([
            SQLBind(entry.id ?? UUID()), SQLBind(entry.accountName), bound(entry.accountID), SQLBind(entry.action),
            SQLBind(entry.entity), bound(entry.entityID), bound(entry.before), bound(entry.after), SQLBind(now),
        ])
    }

    func run(on sql: any SQLDatabase) async throws {
        for insert in [reports, values, events, audit] { try await insert.run(on: sql) }
    }
}
