import Fluent
import Foundation
import PlanDomain

/// A bulletin: a draft the office previews, then issued under its number,
/// perhaps withdrawn later with a reason (kept, never deleted). What it said
/// (`summary`, JSON of label → value; `content`, the whole `Bulletin` as
/// JSON) and the .docx as it was sent.
final class BulletinRecord: Model, @unchecked Sendable {
    static let schema = "bulletins"

    enum State: String, Codable, CaseIterable, Sendable {
        case draft, issued, withdrawn

        var title: String {
            switch self {
            case .draft: "草稿"
            case .issued: "已发布"
            case .withdrawn: "已撤回"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "kind") var kind: String
    @Field(key: "period") var period: String
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "summary") var summary: String
    @Field(key: "docx") var docx: Data
    @Field(key: "state") var stateValue: String
    /// The issuing office as printed (随州市科学技术局).
    @Field(key: "issuer") var issuer: String
    @OptionalField(key: "content") var content: String?
    @OptionalField(key: "withdrawn_reason") var withdrawnReason: String?
    @OptionalField(key: "withdrawn_by") var withdrawnBy: String?
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var state: State {
        get { State(rawValue: stateValue) ?? .issued }
        set { stateValue = newValue.rawValue }
    }

    /// The bulletin as previewed; nil for one issued before drafts were kept.
    var bulletin: Bulletin? {
        content.flatMap { try? JSONDecoder().decode(Bulletin.self, from: Data($0.utf8)) }
    }
}
