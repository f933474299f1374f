import Fluent
import Foundation
import PlanDomain

/// A name a plan prints for many units (各镇办), and the units it stands for
/// in one place (`PlanDomain.UnitGroups`).
final class UnitGroup: Model, @unchecked Sendable {
    static let schema = "unit_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "name") var name: String
    /// Unit ids, in the order the office listed them.
    @Field(key: "members") var members: [UUID]
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(jurisdictionCode: String, name: String, members: [UUID], updatedBy: String) {
        self.jurisdictionCode = jurisdictionCode
        self.name = name
        self.members = members
        self.updatedBy = updatedBy
    }

    /// The groups of a place as the standing expands them.
    static func of(place: String, on db: any Database) async throws -> UnitGroups {
        UnitGroups(try await UnitGroup.query(on: db).filter(\.$jurisdictionCode == place).all().map { (name: $0.name, members: $0.members) })
    }
}
