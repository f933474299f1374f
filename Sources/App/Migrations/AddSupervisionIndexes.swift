import Fluent
import SQLKit

/// Indexes for the reads a dashboard, a report page and the escalation run
/// make on a province-sized database (tens of thousands of tasks, hundreds
/// of thousands of reports).
struct AddSupervisionIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("nodes_plan", "nodes", ["plan_id"]),
        ("targets_plan", "targets", ["plan_id"]),
        ("assignments_plan", "assignments", ["plan_id"]),
        ("assignments_unit", "assignments", ["unit_id"]),
        ("progress_reports_plan", "progress_reports", ["plan_id"]),
        ("progress_reports_unit", "progress_reports", ["unit_id"]),
        ("report_values_report", "report_values", ["report_id"]),
        ("task_events_node", "task_events", ["node_id"]),
        ("notifications_account", "notifications", ["account_id"]),
        ("escalations_plan", "escalations", ["plan_id"]),
        ("supervision_notices_plan", "supervision_notices", ["plan_id"]),
        ("outbox_status", "outbox", ["status", "next_attempt_at"]),
        ("accounts_unit", "accounts", ["unit_id"]),
        ("units_jurisdiction", "units", ["jurisdiction_code"]),
        ("plans_status", "plans", ["status"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
