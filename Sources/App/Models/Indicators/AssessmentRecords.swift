import Fluent
import Foundation

/// The assessment scheme (考核方案) an office uses for its units in a year, as
/// JSON of `AssessmentScheme`; none stored means the standard scheme.
final class AssessmentSchemeRecord: Model, @unchecked Sendable {
    static let schema = "assessment_schemes"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "scheme") var scheme: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(jurisdictionCode: String, year: Int) {
        self.jurisdictionCode = jurisdictionCode
        self.year = year
        self.scheme = ""
    }
}

/// A unit's self-score, the office's final score and the evidence for one item.
final class AssessmentScoreRecord: Model, @unchecked Sendable {
    static let schema = "assessment_scores"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "item_id") var itemID: String
    @OptionalField(key: "self_score") var selfScore: Double?
    @OptionalField(key: "final_score") var finalScore: Double?
    @Field(key: "evidence") var evidence: String
    @Field(key: "account_name") var accountName: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
