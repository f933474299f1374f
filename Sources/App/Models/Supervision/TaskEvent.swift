import Fluent
import Foundation

/// One entry of a task's timeline.
final class TaskEvent: Model, @unchecked Sendable {
    static let schema = "task_events"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case saved, submitted, returned, accepted, completionProposed, completed, reopened, changed, reminded, chased
        case noticeIssued, noticeReplied

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
            case .noticeIssued: return "签发督办单"
            case .noticeReplied: return "回复督办单"
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
    /// Set from the business clock, so a demo or trial on a fixed date has
    /// a timeline in that date.
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}

    init(planID: UUID, nodeID: UUID, unitID: UUID?, period: String?, kind: Kind, accountName: String, detail: String, at: Date = Date()) {
        self.createdAt = at
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
