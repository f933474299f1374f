import Fluent
import Foundation

/// A numbered heading of a plan; one with no children is a task. `key` is the
/// label path (`二/（一）/1`) kept in step with the tree on every change.
final class NodeRecord: Model, @unchecked Sendable {
    static let schema = "nodes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @OptionalField(key: "parent_id") var parentID: UUID?
    /// Order in the document (pre-order over the tree).
    @Field(key: "position") var position: Int
    @Field(key: "key") var key: String
    @Field(key: "label") var label: String
    @Field(key: "level") var level: Int
    @Field(key: "title") var title: String
    @Field(key: "is_task") var isTask: Bool
    @Field(key: "leaders") var leaders: [String]
    @Field(key: "span_start") var spanStart: Int
    @Field(key: "span_end") var spanEnd: Int
    @Field(key: "title_start") var titleStart: Int
    @Field(key: "title_end") var titleEnd: Int
    @OptionalField(key: "deadline_text") var deadlineText: String?
    @OptionalField(key: "deadline_date") var deadlineDate: String?
    @OptionalField(key: "deadline_start") var deadlineStart: Int?
    @OptionalField(key: "deadline_end") var deadlineEnd: Int?

    init() {}
}

/// One stated number of a plan, with where it was printed and its indicator code.
final class TargetRecord: Model, @unchecked Sendable {
    static let schema = "targets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @OptionalField(key: "node_id") var nodeID: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @Field(key: "metric") var metric: String
    @OptionalField(key: "indicator") var indicator: String?
    @Field(key: "value") var value: Double
    @OptionalField(key: "max") var max: Double?
    @Field(key: "unit") var unit: String
    @Field(key: "comparator") var comparator: String
    @OptionalField(key: "year") var year: Int?
    @Field(key: "span_start") var spanStart: Int
    @Field(key: "span_end") var spanEnd: Int

    init() {}
}

/// A task given to a unit in one role. `unitName` is the name as printed;
/// `unit` is set once the name is resolved to a real unit.
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    enum Role: String, Codable, CaseIterable, Sendable {
        case lead, responsible, cooperating

        var title: String {
            switch self {
            case .lead: return "牵头"
            case .responsible: return "责任"
            case .cooperating: return "配合"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Parent(key: "node_id") var node: NodeRecord
    @Field(key: "role") var role: Role
    @Field(key: "position") var position: Int
    @Field(key: "unit_name") var unitName: String
    @OptionalParent(key: "unit_id") var unit: Unit?

    init() {}

    init(planID: UUID, nodeID: UUID, role: Role, position: Int, unitName: String, unitID: UUID?) {
        self.$plan.id = planID
        self.$node.id = nodeID
        self.role = role
        self.position = position
        self.unitName = unitName
        self.$unit.id = unitID
    }
}
