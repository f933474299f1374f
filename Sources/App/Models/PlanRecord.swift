import Fluent
import Foundation

/// A plan in the database: the document fields as read (and corrected), its
/// status and version. The structure is in `nodes`, `targets`, `assignments`;
/// the original file in `plan_files`.
package final class PlanRecord: Model, @unchecked Sendable {
    package static let schema = "plans"

    package enum Status: String, Codable, CaseIterable, Sendable {
        case draft, published, closed

        var title: String {
            switch self {
            case .draft: return "草稿"
            case .published: return "已发布"
            case .closed: return "已关闭"
            }
        }
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "file") package var file: String
    @OptionalField(key: "title") package var title: String?
    @Field(key: "issuers") package var issuers: [String]
    /// The jurisdiction as printed in the document, and the one it was filed under.
    @OptionalField(key: "jurisdiction_name") package var jurisdictionName: String?
    @Field(key: "jurisdiction_code") package var jurisdictionCode: String
    @OptionalField(key: "year") package var year: Int?
    @OptionalField(key: "doc_number") package var docNumber: String?
    @OptionalField(key: "issued_date") package var issuedDate: String?
    @Field(key: "all_tasks_also") package var allTasksAlso: [String]
    @Field(key: "status") package var status: Status
    @Field(key: "version") package var version: Int
    @OptionalField(key: "created_by") package var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @OptionalField(key: "published_at") package var publishedAt: Date?
    /// Whether responsible units beside a lead report their own part; nil is
    /// the default, yes (`partnersReport`).
    @OptionalField(key: "partners_report") package var partnersReportChoice: Bool?

    package init() {}

    /// Responsible units beside a lead report their own part, and the lead
    /// compiles (牵头汇总); the office may keep reporting to the leads alone.
    var partnersReport: Bool { partnersReportChoice ?? true }

    package var displayTitle: String { title?.isEmpty == false ? title! : file }
}

/// The uploaded document kept as it came, with the decoded text the source
/// positions of nodes and targets point into.
package final class PlanFile: Model, @unchecked Sendable {
    package static let schema = "plan_files"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @Field(key: "filename") package var filename: String
    @Field(key: "format") package var format: String
    @Field(key: "encoding") package var encoding: String
    @Field(key: "text") package var text: String
    @Field(key: "bytes") package var bytes: Data

    package init() {}

    package init(planID: UUID, filename: String, format: String, encoding: String, text: String, bytes: Data) {
        self.$plan.id = planID
        self.filename = filename
        self.format = format
        self.encoding = encoding
        self.text = text
        self.bytes = bytes
    }
}

/// One published change of a plan: who, when, what, and the plan as it then was.
package final class PlanVersion: Model, @unchecked Sendable {
    package static let schema = "plan_versions"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "plan_id") package var plan: PlanRecord
    @Field(key: "version") package var version: Int
    @OptionalField(key: "account_id") package var accountID: UUID?
    @Field(key: "account_name") package var accountName: String
    @Field(key: "summary") package var summary: String
    @Field(key: "snapshot") package var snapshot: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package init(planID: UUID, version: Int, accountID: UUID?, accountName: String, summary: String, snapshot: String) {
        self.$plan.id = planID
        self.version = version
        self.accountID = accountID
        self.accountName = accountName
        self.summary = summary
        self.snapshot = snapshot
    }
}
