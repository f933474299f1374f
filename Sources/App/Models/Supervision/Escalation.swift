import Fluent
import Foundation
import PlanDomain

/// One thing the escalation rules did for a task of a unit (a reminder, a
/// chase, a proposed notice). The unique key makes it happen once.
final class EscalationRecord: Model, @unchecked Sendable {
    static let schema = "escalations"

    @ID(key: .id) var id: UUID?
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "node_id") var nodeID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "period") var period: String
    /// The server instance that did it.
    @Field(key: "holder") var holder: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// 督办单: raised by the rules (proposed), issued by the office with a reply
/// date, answered by the unit.
final class SupervisionNotice: Model, @unchecked Sendable {
    static let schema = "supervision_notices"

    enum Status: String, Codable, CaseIterable, Sendable {
        case proposed, issued, replied, dismissed

        var title: String {
            switch self {
            case .proposed: return "待签发"
            case .issued: return "已签发，待回复"
            case .replied: return "已回复"
            case .dismissed: return "不予签发"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Parent(key: "node_id") var node: NodeRecord
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "level") var level: NoticeLevel
    @Field(key: "period") var period: String
    @Field(key: "reasons") var reasons: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "issued_by") var issuedBy: String?
    @OptionalField(key: "issued_at") var issuedAt: Date?
    @OptionalField(key: "reply_by") var replyBy: String?
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "replied_at") var repliedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A webhook message waiting to go out (WeCom / DingTalk group robots).
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"

    enum Status: String, Codable, Sendable, CaseIterable { case pending, sent, failed }

    @ID(key: .id) var id: UUID?
    @Field(key: "url") var url: String
    @Field(key: "body") var body: String
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_error") var lastError: String?
    /// The sender that took it, until when: two servers never send one message both.
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}

/// Which server instance runs the scheduled work, until when.
final class SchedulerLease: Model, @unchecked Sendable {
    static let schema = "scheduler_leases"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "holder") var holder: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

/// A plan's escalation policy (JSON of `EscalationPolicy`); none = the standard one.
final class EscalationPolicyRecord: Model, @unchecked Sendable {
    static let schema = "escalation_policies"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "policy") var policy: String

    init() {}
}
