import Fluent
import Foundation

/// An issued bulletin: what it said (`summary`, JSON of label → value) and
/// the .docx as it was sent.
final class BulletinRecord: Model, @unchecked Sendable {
    static let schema = "bulletins"

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
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
