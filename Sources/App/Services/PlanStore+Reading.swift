import Fluent
import PlanDomain
import Foundation
import SQLKit

extension PlanStore {
    /// The plan's nodes, targets and assignments for pages that only read
    /// them (dashboards, standing, bulletins, escalation), read column by
    /// column. Fluent fills a model through reflection, field by field, and
    /// on a plan of hundreds of tasks that was a sixth of a dashboard's time.
    /// The models are marked as stored, but edits go through `load`.
    static func loadForReading(_ record: PlanRecord, on db: any Database) async throws -> Loaded {
        guard let sql = db as? any SQLDatabase else { return try await load(record, on: db) }
        let planID = try record.requireID()
        let read = RowReader(sql)
        let nodes = try await sql.select().column("*").from(NodeRecord.schema)
            .where("plan_id", .equal, SQLBind(planID)).orderBy("position").all()
            .map { row in
                let node = NodeRecord()
                node.id = try read.uuid(row, "id")
                node.$plan.id = planID
                node.parentID = try read.optionalUUID(row, "parent_id")
                node.position = try read.value(row, "position")
                node.key = try read.value(row, "key")
                node.label = try read.value(row, "label")
                node.level = try read.value(row, "level")
                node.title = try read.value(row, "title")
                node.isTask = try read.value(row, "is_task")
                node.leaders = try read.value(row, "leaders")
                node.spanStart = try read.value(row, "span_start")
                node.spanEnd = try read.value(row, "span_end")
                node.titleStart = try read.value(row, "title_start")
                node.titleEnd = try read.value(row, "title_end")
                node.deadlineText = try read.optional(row, "deadline_text")
                node.deadlineDate = try read.optional(row, "deadline_date")
                node.deadlineStart = try read.optional(row, "deadline_start")
                node.deadlineEnd = try read.optional(row, "deadline_end")
                node.weight = try read.optional(row, "weight")
                node.$id.exists = true
                return node
            }
        let targets = try await sql.select().column("*").from(TargetRecord.schema)
            .where("plan_id", .equal, SQLBind(planID)).orderBy("position").all()
            .map { row in
                let target = TargetRecord()
                target.id = try read.uuid(row, "id")
                target.$plan.id = planID
                target.nodeID = try read.optionalUUID(row, "node_id")
                target.position = try read.value(row, "position")
                target.text = try read.value(row, "text")
                target.metric = try read.value(row, "metric")
                target.indicator = try read.optional(row, "indicator")
                target.value = try read.value(row, "value")
                target.max = try read.optional(row, "max")
                target.unit = try read.value(row, "unit")
                target.comparator = try read.value(row, "comparator")
                target.year = try read.optional(row, "year")
                target.spanStart = try read.value(row, "span_start")
                target.spanEnd = try read.value(row, "span_end")
                target.$id.exists = true
                return target
            }
        let assignments = try await sql.select().column("*").from(Assignment.schema)
            .where("plan_id", .equal, SQLBind(planID)).orderBy("position").all()
            .map { row in
                let assignment = Assignment(
                    planID: planID, nodeID: try read.uuid(row, "node_id"), role: try read.raw(row, "role"),
                    position: try read.value(row, "position"), unitName: try read.value(row, "unit_name"),
                    unitID: try read.optionalUUID(row, "unit_id"))
                assignment.id = try read.uuid(row, "id")
                assignment.$id.exists = true
                return assignment
            }
        var loaded = Loaded(record: record, file: nil, nodes: nodes, targets: targets, assignments: assignments)
        loaded.groups = try await UnitGroup.of(place: record.jurisdictionCode, on: db)
        return loaded
    }
}
