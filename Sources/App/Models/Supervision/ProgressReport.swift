import Fluent
import Foundation
import PlanDomain

/// A unit's progress report on one task for one period. A draft is the
/// unit's own; once submitted it is fixed until the office returns it.
package final class ProgressReport: Model, @unchecked Sendable {
    package static let schema = "progress_reports"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @Parent(key: "node_id") package var node: NodeRecord
    @Parent(key: "unit_id") package var unit: Unit
    /// `ReportingPeriod.key`: 2025-03, 2025-Q1, 2025-H1.
    @Field(key: "period") package var period: String
    @Field(key: "state") package var state: ReportState
    @Field(key: "narrative") package var narrative: String
    @OptionalField(key: "percent") package var percent: Double?
    @OptionalField(key: "milestone") package var milestone: String?
    @OptionalField(key: "self_status") package var selfStatus: Health?
    @Field(key: "completion_proposed") package var completionProposed: Bool
    @Field(key: "author_name") package var authorName: String
    @OptionalField(key: "first_submitted_at") package var firstSubmittedAt: Date?
    @OptionalField(key: "last_submitted_at") package var lastSubmittedAt: Date?
    @OptionalField(key: "reviewed_at") package var reviewedAt: Date?
    @OptionalField(key: "reviewer_name") package var reviewerName: String?
    @OptionalField(key: "review_comment") package var reviewComment: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package init(planID: UUID, nodeID: UUID, unitID: UUID, period: String, authorName: String) {
        self.$plan.id = planID
        self.$node.id = nodeID
        self.$unit.id = unitID
        self.period = period
        self.state = .draft
        self.narrative = ""
        self.completionProposed = false
        self.authorName = authorName
    }

    package var fact: ReportFact {
        ReportFact(state: state, firstSubmittedAt: firstSubmittedAt, lastSubmittedAt: lastSubmittedAt)
    }

    /// The unit may change it: a draft, or a report the office sent back.
    package var isEditable: Bool { state == .draft || state == .returned }
}

/// The value a report gives for one numeric target of its task.
package final class ReportValue: Model, @unchecked Sendable {
    package static let schema = "report_values"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "report_id") package var report: ProgressReport
    @Parent(key: "target_id") package var target: TargetRecord
    @Field(key: "value") package var value: Double

    package init() {}

    package init(reportID: UUID, targetID: UUID, value: Double) {
        self.$report.id = reportID
        self.$target.id = targetID
        self.value = value
    }
}

/// A file attached to a report, kept in the database with its checksum.
package final class ReportAttachment: Model, @unchecked Sendable {
    package static let schema = "report_attachments"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "report_id") package var report: ProgressReport
    @Field(key: "filename") package var filename: String
    @Field(key: "content_type") package var contentType: String
    @Field(key: "size") package var size: Int
    @Field(key: "sha256") package var sha256: String
    @Field(key: "data") package var data: Data
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}
}
