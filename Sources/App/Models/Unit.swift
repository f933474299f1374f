import Fluent
import Foundation

/// An organisation that is given tasks: a bureau, a department, a town, a park,
/// or an internal section of the bureau.
package final class Unit: Model, @unchecked Sendable {
    package static let schema = "units"

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case bureau, department, town, park, section, other

        var title: String {
            switch self {
            case .bureau: return "科技主管部门"
            case .department: return "部门"
            case .town: return "乡镇（街道）"
            case .park: return "园区"
            case .section: return "内设科室"
            case .other: return "其他"
            }
        }
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "kind") package var kind: Kind
    @Field(key: "jurisdiction_code") package var jurisdictionCode: String
    @Children(for: \.$unit) package var aliases: [UnitAlias]

    package init() {}

    package init(id: UUID? = nil, name: String, kind: Kind, jurisdictionCode: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.jurisdictionCode = jurisdictionCode
    }
}

/// Another name a unit goes by (市科技局, 随州市科技局, 市科技经信局 …), unique
/// within a jurisdiction so that a name always finds one unit.
package final class UnitAlias: Model, @unchecked Sendable {
    package static let schema = "unit_aliases"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "unit_id") package var unit: Unit
    @Field(key: "alias") package var alias: String
    @Field(key: "jurisdiction_code") package var jurisdictionCode: String

    package init() {}

    package init(unitID: UUID, alias: String, jurisdictionCode: String) {
        self.$unit.id = unitID
        self.alias = alias
        self.jurisdictionCode = jurisdictionCode
    }
}
