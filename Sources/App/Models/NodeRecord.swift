import Fluent
import Foundation

/// A numbered heading of a plan; one with no children is a task. `key` is the
/// label path (`二/（一）/1`) kept in step with the tree on every change.
package final class NodeRecord: Model, @unchecked Sendable {
    package static let schema = "nodes"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @OptionalField(key: "parent_id") package var parentID: UUID?
    /// Order in the document (pre-order over the tree).
    @Field(key: "position") package var position: Int
    @Field(key: "key") package var key: String
    @Field(key: "label") package var label: String
    @Field(key: "level") package var level: Int
    @Field(key: "title") package var title: String
    @Field(key: "is_task") package var isTask: Bool
    @Field(key: "leaders") package var leaders: [String]
    @Field(key: "span_start") package var spanStart: Int
    @Field(key: "span_end") package var spanEnd: Int
    @Field(key: "title_start") package var titleStart: Int
    @Field(key: "title_end") package var titleEnd: Int
    @OptionalField(key: "deadline_text") package var deadlineText: String?
    @OptionalField(key: "deadline_date") package var deadlineDate: String?
    @OptionalField(key: "deadline_start") package var deadlineStart: Int?
    @OptionalField(key: "deadline_end") package var deadlineEnd: Int?
    /// The office's weight (考核权重); nil → equal weights (`Weight`).
    @OptionalField(key: "weight") package var weight: Double?
    /// ISO date a task joined a running plan (`AddNodeJoinedOn`); nil: with the plan.
    @OptionalField(key: "joined_on") package var joinedOn: String?

    package init() {}
}

/// One stated number of a plan, with where it was printed and its indicator code.
package final class TargetRecord: Model, @unchecked Sendable {
    package static let schema = "targets"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @OptionalField(key: "node_id") package var nodeID: UUID?
    @Field(key: "position") package var position: Int
    @Field(key: "text") package var text: String
    @Field(key: "metric") package var metric: String
    @OptionalField(key: "indicator") package var indicator: String?
    @Field(key: "value") package var value: Double
    @OptionalField(key: "max") package var max: Double?
    @Field(key: "unit") package var unit: String
    @Field(key: "comparator") package var comparator: String
    @OptionalField(key: "year") package var year: Int?
    @Field(key: "span_start") package var spanStart: Int
    @Field(key: "span_end") package var spanEnd: Int

    package init() {}
}

/// A task given to a unit in one role. `unitName` is the name as printed;
/// `unit` is set once the name is resolved to a real unit.
package final class Assignment: Model, @unchecked Sendable {
    package static let schema = "assignments"

    package enum Role: String, Codable, CaseIterable, Sendable {
        case lead, responsible, cooperating

        var title: String {
            switch self {
            case .lead: return "牵头"
            case .responsible: return "责任"
            case .cooperating: return "配合"
            }
        }
    }

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @Parent(key: "node_id") package var node: NodeRecord
    @Field(key: "role") package var role: Role
    @Field(key: "position") package var position: Int
    @Field(key: "unit_name") package var unitName: String
    @OptionalParent(key: "unit_id") package var unit: Unit?

    package init() {}

    package init(planID: UUID, nodeID: UUID, role: Role, position: Int, unitName: String, unitID: UUID?) {
        self.$plan.id = planID
        self.$node.id = nodeID
        self.role = role
        self.position = position
        self.unitName = unitName
        self.$unit.id = unitID
    }
}
