import Fluent
import Foundation
import PlanDomain

/// The units of one jurisdiction with their aliases, loaded once to resolve the
/// unit names of a plan.
struct UnitDirectory {
    let units: [Unit]
    let matcher: UnitMatcher

    init(jurisdictionCode: String, on db: any Database) async throws {
        let units = try await Unit.query(on: db).filter(\.$jurisdictionCode == jurisdictionCode)
            .with(\.$aliases).sort(\.$name).all()
        let name = try await Jurisdiction.find(jurisdictionCode, on: db)?.name ?? ""
        self.units = units
        self.matcher = UnitMatcher(jurisdictionName: name, candidates: units.compactMap { unit in
            unit.id.map { .init(key: $0.uuidString, names: [unit.name] + unit.aliases.map(\.alias)) }
        })
    }

    func unitID(for name: String) -> UUID? {
        matcher.match(name).flatMap(UUID.init(uuidString:))
    }

    func unit(_ id: UUID?) -> Unit? {
        guard let id else { return nil }
        return units.first { $0.id == id }
    }

    func suggestions(for name: String) -> [(unit: Unit, score: Double)] {
        matcher.suggestions(for: name).compactMap { suggestion in
            unit(UUID(uuidString: suggestion.key)).map { ($0, suggestion.score) }
        }
    }
}
