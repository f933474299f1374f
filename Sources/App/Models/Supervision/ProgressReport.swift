import Fluent
import Foundation
import PlanDomain

/// A unit's progress report on one task for one period. A draft is the
/// unit's own; once submitted it is fixed until the office returns it.
final class ProgressReport: Model, @unchecked Sendable {
    static let schema = "progress_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Parent(key: "node_id") var node: NodeRecord
    @Parent(key: "unit_id") var unit: Unit
    /// `ReportingPeriod.key`: 2025-03, 2025-Q1, 2025-H1.
    @Field(key: "period") var period: String
    @Field(key: "state") var state: ReportState
    @Field(key: "narrative") var narrative: String
    @OptionalField(key: "percent") var percent: Double?
    @OptionalField(key: "milestone") var milestone: String?
    @OptionalField(key: "self_status") var selfStatus: Health?
    @Field(key: "completion_proposed") var completionProposed: Bool
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "last_submitted_at") var lastSubmittedAt: Date?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "reviewer_name") var reviewerName: String?
    @OptionalField(key: "review_comment") var reviewComment: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(planID: UUID, nodeID: UUID, unitID: UUID, period: String, authorName: String) {
        self.$plan.id = planID
        self.$node.id = nodeID
        self.$unit.id = unitID
        self.period = period
        self.state = .draft
        self.narrative = ""
        self.completionProposed = false
        self.authorName = authorName
    }

    var fact: ReportFact {
        ReportFact(state: state, firstSubmittedAt: firstSubmittedAt, lastSubmittedAt: lastSubmittedAt)
    }

    /// The unit may change it: a draft, or a report the office sent back.
    var isEditable: Bool { state == .draft || state == .returned }
}

/// The value a report gives for one numeric target of its task.
final class ReportValue: Model, @unchecked Sendable {
    static let schema = "report_values"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: ProgressReport
    @Parent(key: "target_id") var target: TargetRecord
    @Field(key: "value") var value: Double

    init() {}

    init(reportID: UUID, targetID: UUID, value: Double) {
        self.$report.id = reportID
        self.$target.id = targetID
        self.value = value
    }
}

/// A file attached to a report, kept in the database with its checksum.
final class ReportAttachment: Model, @unchecked Sendable {
    static let schema = "report_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: ProgressReport
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
