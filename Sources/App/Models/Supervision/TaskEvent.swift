import Fluent
import Foundation

/// One entry of a task's timeline.
final class TaskEvent: Model, @unchecked Sendable {
    static let schema = "task_events"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case saved, submitted, returned, accepted, completionProposed, completed, reopened, changed, reminded, chased

        var title: String {
            switch self {
            case .saved: return "保存草稿"
            case .submitted: return "报送"
            case .returned: return "退回"
            case .accepted: return "采纳"
            case .completionProposed: return "申请办结"
            case .completed: return "确认销号"
            case .reopened: return "撤销销号"
            case .changed: return "任务变更"
            case .reminded: return "临近提醒"
            case .chased: return "催办"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Parent(key: "node_id") var node: NodeRecord
    @OptionalField(key: "unit_id") var unitID: UUID?
    @OptionalField(key: "period") var period: String?
    @Field(key: "kind") var kind: Kind
    @Field(key: "account_name") var accountName: String
    @Field(key: "detail") var detail: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(planID: UUID, nodeID: UUID, unitID: UUID?, period: String?, kind: Kind, accountName: String, detail: String) {
        self.$plan.id = planID
        self.$node.id = nodeID
        self.unitID = unitID
        self.period = period
        self.kind = kind
        self.accountName = accountName
        self.detail = detail
    }
}

/// The office's confirmation that a task is done (销号).
final class TaskClosure: Model, @unchecked Sendable {
    static let schema = "task_closures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: NodeRecord
    @Field(key: "confirmed_by") var confirmedBy: String
    @Timestamp(key: "confirmed_at", on: .create) var confirmedAt: Date?

    init() {}

    init(nodeID: UUID, confirmedBy: String) {
        self.$node.id = nodeID
        self.confirmedBy = confirmedBy
    }
}
