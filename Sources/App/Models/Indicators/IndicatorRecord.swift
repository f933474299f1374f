import Fluent
import Foundation
import PlanDomain

/// One indicator of the catalogue: a seed code or one an office defined.
final class IndicatorRecord: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "numerator") var numerator: String?
    @OptionalField(key: "denominator") var denominator: String?
    @Field(key: "scale") var scale: Double
    @Field(key: "is_base") var isBase: Bool
    @Field(key: "is_custom") var isCustom: Bool
    /// The office that defined it; nil for the seed catalogue.
    @OptionalField(key: "jurisdiction_code") var jurisdictionCode: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ definition: IndicatorDefinition, custom: Bool, jurisdiction: String?) {
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

    var definition: IndicatorDefinition {
        IndicatorDefinition(code: id ?? "", name: name, unit: unit, kind: IndicatorKind(rawValue: kind) ?? .count,
                            numerator: numerator, denominator: denominator, scale: scale, isBase: isBase)
    }
}

/// Whether a value is a goal or what was achieved.
enum IndicatorMeasure: String, Codable, Sendable, CaseIterable {
    case target, actual

    var title: String { self == .target ? "目标" : "实际" }
}

/// Where a value came from. The office's own entry is the official figure when
/// sources differ; the others are still shown beside it.
enum ValueSource: String, Codable, Sendable, CaseIterable {
    case office, `import`, report, plan

    var title: String {
        switch self {
        case .office: return "办公室录入"
        case .import: return "表格导入"
        case .report: return "单位报送"
        case .plan: return "计划文件"
        }
    }

    /// Higher wins when sources disagree.
    var precedence: Int {
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
final class IndicatorValue: Model, @unchecked Sendable {
    static let schema = "indicator_values"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: Int
    @Field(key: "measure") var measure: IndicatorMeasure
    @Field(key: "value") var value: Double
    @Field(key: "source") var source: ValueSource
    @Field(key: "note") var note: String
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "account_name") var accountName: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(code: String, jurisdiction: String, year: Int, month: Int, measure: IndicatorMeasure, value: Double,
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
