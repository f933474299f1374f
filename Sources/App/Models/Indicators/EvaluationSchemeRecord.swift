import Fluent
import Foundation
import PlanDomain

/// A place's own evaluation scheme (`EvaluationScheme`, kept as JSON).
final class EvaluationSchemeRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_schemes"

    @ID(key: .id) var id: UUID?
    /// The evaluating place (the city that scores its counties).
    @Field(key: "place_code") var placeCode: String
    @Field(key: "scheme") var scheme: String
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(placeCode: String, scheme: String, updatedBy: String) {
        self.placeCode = placeCode
        self.scheme = scheme
        self.updatedBy = updatedBy
    }

    var decoded: EvaluationScheme? { try? JSONDecoder().decode(EvaluationScheme.self, from: Data(scheme.utf8)) }
}

/// The office's figure of a manual item (手工项) for one place and year.
final class EvaluationInputRecord: Model, @unchecked Sendable {
    static let schema = "evaluation_inputs"

    @ID(key: .id) var id: UUID?
    @Field(key: "place_code") var placeCode: String
    @Field(key: "year") var year: Int
    @Field(key: "item_key") var itemKey: String
    /// The place scored.
    @Field(key: "subject_code") var subjectCode: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "target") var target: Double?

    init() {}

    init(placeCode: String, year: Int, itemKey: String, subjectCode: String) {
        self.placeCode = placeCode
        self.year = year
        self.itemKey = itemKey
        self.subjectCode = subjectCode
    }
}
