import Fluent
import PlanText

/// The provinces of China, and Hubei down to its counties (GB/T 2260, from
/// `Seeds/divisions.tsv` through PlanText's catalogue).
struct SeedJurisdictions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let rows = Divisions.all.filter { $0.level == .province || $0.code.hasPrefix("42") }
        for chunk in stride(from: 0, to: rows.count, by: 200) {
            let batch = rows[chunk..<min(chunk + 200, rows.count)].map {
                Jurisdiction(code: $0.code, name: $0.name, level: $0.level.rawValue, parentCode: $0.parent)
            }
            try await batch.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await Jurisdiction.query(on: database).delete()
    }
}
