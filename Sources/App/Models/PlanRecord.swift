import Fluent
import Foundation

/// A plan in the database: the document fields as read (and corrected), its
/// status and version. The structure is in `nodes`, `targets`, `assignments`;
/// the original file in `plan_files`.
final class PlanRecord: Model, @unchecked Sendable {
    static let schema = "plans"

    enum Status: String, Codable, CaseIterable, Sendable {
        case draft, published, closed

        var title: String {
            switch self {
            case .draft: return "草稿"
            case .published: return "已发布"
            case .closed: return "已关闭"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "file") var file: String
    @OptionalField(key: "title") var title: String?
    @Field(key: "issuers") var issuers: [String]
    /// The jurisdiction as printed in the document, and the one it was filed under.
    @OptionalField(key: "jurisdiction_name") var jurisdictionName: String?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "doc_number") var docNumber: String?
    @OptionalField(key: "issued_date") var issuedDate: String?
    @Field(key: "all_tasks_also") var allTasksAlso: [String]
    @Field(key: "status") var status: Status
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    var displayTitle: String { title?.isEmpty == false ? title! : file }
}

/// The uploaded document kept as it came, with the decoded text the source
/// positions of nodes and targets point into.
final class PlanFile: Model, @unchecked Sendable {
    static let schema = "plan_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "filename") var filename: String
    @Field(key: "format") var format: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "text") var text: String
    @Field(key: "bytes") var bytes: Data

    init() {}

    init(planID: UUID, filename: String, format: String, encoding: String, text: String, bytes: Data) {
        self.$plan.id = planID
        self.filename = filename
        self.format = format
        self.encoding = encoding
        self.text = text
        self.bytes = bytes
    }
}

/// One published change of a plan: who, when, what, and the plan as it then was.
final class PlanVersion: Model, @unchecked Sendable {
    static let schema = "plan_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "version") var version: Int
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "account_name") var accountName: String
    @Field(key: "summary") var summary: String
    @Field(key: "snapshot") var snapshot: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(planID: UUID, version: Int, accountID: UUID?, accountName: String, summary: String, snapshot: String) {
        self.$plan.id = planID
        self.version = version
        self.accountID = accountID
        self.accountName = accountName
        self.summary = summary
        self.snapshot = snapshot
    }
}
