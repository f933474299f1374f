import Foundation
import PlanDomain
import Vapor

/// A progress report on the wire.
struct ReportDTO: Content {
    var id: UUID
    var planID: UUID
    var nodeID: UUID
    var unitID: UUID
    var period: String
    var state: ReportState
    var narrative: String
    var percent: Double?
    var milestone: String?
    var selfStatus: Health?
    var completionProposed: Bool
    var firstSubmittedAt: Date?
    var lastSubmittedAt: Date?
    var reviewerName: String?
    var reviewComment: String?
    var values: [String: Double]

    init(_ report: ProgressReport, values: [UUID: Double]) throws {
        id = try report.requireID()
        planID = report.$plan.id
        nodeID = report.$node.id
        unitID = report.$unit.id
        period = report.period
        state = report.state
        narrative = report.narrative
        percent = report.percent
        milestone = report.milestone
        selfStatus = report.selfStatus
        completionProposed = report.completionProposed
        firstSubmittedAt = report.firstSubmittedAt
        lastSubmittedAt = report.lastSubmittedAt
        reviewerName = report.reviewerName
        reviewComment = report.reviewComment
        self.values = Dictionary(values.map { ($0.key.uuidString, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

/// `POST /api/reports`: one task, one period; `submit` false keeps a draft.
struct SaveReportRequest: Content, APIRequestBody {
    static let formatHint = "需要 JSON 字段 planID、nodeID、period，可选 narrative、percent、values、submit。"

    var planID: UUID
    var nodeID: UUID
    var period: String
    var narrative: String?
    var percent: Double?
    var milestone: String?
    var selfStatus: Health?
    var completionProposed: Bool?
    var values: [String: Double]?
    var submit: Bool?

    func input() throws -> ReportInput {
        var parsed: [UUID: Double] = [:]
        for (key, value) in values ?? [:] {
            guard let id = UUID(uuidString: key) else { throw AppError.badRequest("values 的键应为目标 id，现为“\(key.prefix(40))”。") }
            guard value.isFinite else { throw AppError.badRequest("目标值必须是有限的数字。") }
            parsed[id] = value
        }
        return ReportInput(
            planID: planID, nodeID: nodeID, period: period, narrative: narrative ?? "", percent: percent,
            milestone: milestone, selfStatus: selfStatus, completionProposed: completionProposed ?? false, values: parsed)
    }
}

/// One task a unit owes a report on, in `/api/reports`.
struct ReportTaskDTO: Content {
    var planID: UUID
    var planTitle: String
    var period: String
    var periodTitle: String
    var dueDate: String
    var deadline: String
    var open: Bool
    var nodeID: UUID
    var key: String
    var title: String
    var targets: [TargetRefDTO]
    var report: ReportDTO?
    /// For a partner (a responsible unit beside a lead): the lead units that compile its part.
    var compiledBy: [String]
    /// For a lead: what each partner has handed in this period (report nil: nothing yet).
    var partners: [PartnerReportDTO]
}

/// A partner's report of the period as its lead sees it, to compile from (牵头汇总).
struct PartnerReportDTO: Content {
    var unit: String
    var report: ReportDTO?
}

struct TargetRefDTO: Content {
    var id: UUID
    var text: String
    var value: Double
    var unit: String
}

/// `POST /api/plans/:planID/reports/:reportID/review`.
struct ReviewRequest: Content, APIRequestBody {
    static let formatHint = "decision 为 accept 或 return，退回时 comment 必填。"

    var decision: ReviewDesk.Decision
    var comment: String?
}
