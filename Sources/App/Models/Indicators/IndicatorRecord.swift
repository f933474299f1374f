import Fluent
import Foundation
import PlanDomain

/// One indicator of the catalogue: a seed code or one an office defined.
package final class IndicatorRecord: Model, @unchecked Sendable {
    package static let schema = "indicators"

    @ID(custom: "code", generatedBy: .user) package var id: String?
    @Field(key: "name") package var name: String
    @Field(key: "unit") package var unit: String
    @Field(key: "kind") package var kind: String
    @OptionalField(key: "numerator") package var numerator: String?
    @OptionalField(key: "denominator") package var denominator: String?
    @Field(key: "scale") package var scale: Double
    @Field(key: "is_base") package var isBase: Bool
    @Field(key: "is_custom") package var isCustom: Bool
    /// The office that defined it; nil for the seed catalogue.
    @OptionalField(key: "jurisdiction_code") package var jurisdictionCode: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package init(_ definition: IndicatorDefinition, custom: Bool, jurisdiction: String?) {
        id = definition.code
        name = definition.name
        unit = definition.unit
        kind = definition.kind.rawValue
        numerator = definition.numerator
        denominator = definition.denominator
        scale = definition.scale
        isBase = definition.isBase
        isCustom = custom
        jurisdictionCode = jurisdiction
    }

    package var definition: IndicatorDefinition {
        IndicatorDefinition(code: id ?? "", name: name, unit: unit, kind: IndicatorKind(rawValue: kind) ?? .count,
                            numerator: numerator, denominator: denominator, scale: scale, isBase: isBase)
    }
}

/// Whether a value is a goal or what was achieved.
package enum IndicatorMeasure: String, Codable, Sendable, CaseIterable {
    case target, actual

    package var title: String { self == .target ? "目标" : "实际" }
}

/// Where a value came from. The office's own entry is the official figure when
/// sources differ; the others are still shown beside it.
package enum ValueSource: String, Codable, Sendable, CaseIterable {
    case office, `import`, report, plan

    package var title: String {
        switch self {
        case .office: return "办公室录入"
        case .import: return "表格导入"
        case .report: return "单位报送"
        case .plan: return "计划文件"
        }
    }

    /// Higher wins when sources disagree.
    package var precedence: Int {
        switch self {
        case .office: return 3
        case .import: return 2
        case .report: return 1
        case .plan: return 0
        }
    }
}

/// One figure as given: an indicator's value at a place for a year up to the
/// end of a month (year-to-date; base data and year-end figures use month 12).
package final class IndicatorValue: Model, @unchecked Sendable {
    package static let schema = "indicator_values"

    @ID(key: .id) package var id: UUID?
    @Field(key: "indicator_code") package var indicatorCode: String
    @Field(key: "jurisdiction_code") package var jurisdictionCode: String
    @Field(key: "year") package var year: Int
    @Field(key: "month") package var month: Int
    @Field(key: "measure") package var measure: IndicatorMeasure
    @Field(key: "value") package var value: Double
    @Field(key: "source") package var source: ValueSource
    @Field(key: "note") package var note: String
    @OptionalField(key: "account_id") package var accountID: UUID?
    @Field(key: "account_name") package var accountName: String
    @Field(key: "recorded_at") package var recordedAt: Date

    package init() {}

    package init(code: String, jurisdiction: String, year: Int, month: Int, measure: IndicatorMeasure, value: Double,
         source: ValueSource, note: String, account: Account?, at date: Date) {
        indicatorCode = code
        jurisdictionCode = jurisdiction
        self.year = year
        self.month = month
        self.measure = measure
        self.value = value
        self.source = source
        self.note = note
        accountID = account?.id
        accountName = account?.displayName ?? "系统"
        recordedAt = date
    }
}
