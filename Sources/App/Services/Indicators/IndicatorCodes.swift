import Fluent
import Foundation
import SQLKit

extension IndicatorStore {
    /// Codes with a plan target or an entered figure at the place or below.
    static func codesWithFigures(place: String, year: Int, on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var codes = Set<String>()
        let targets = try await sql.select().distinct().column(SQLColumn("indicator", table: "targets")).column(SQLColumn("jurisdiction_code", table: "plans"))
            .from("targets")
            .join("plans", on: SQLColumn("plan_id", table: "targets"), .equal, SQLColumn("id", table: "plans"))
            .where(SQLColumn("year", table: "plans"), .equal, SQLBind(year))
            .where(SQLColumn("status", table: "plans"), .notEqual, SQLBind(PlanRecord.Status.draft.rawValue))
            .all()
        for row in targets {
            guard let code = try row.decode(column: "indicator", as: String?.self),
                  Access.covers(place, try row.decode(column: "jurisdiction_code", as: String.self)) else { continue }
            codes.insert(code)
        }
        let entered = try await sql.select().distinct().column("indicator_code").column("jurisdiction_code").from("indicator_values")
            .where("year", .equal, year).all()
        let base = Set(try await IndicatorRecord.query(on: db).filter(\.$isBase == true).all().compactMap(\.id))
        for row in entered {
            let code = try row.decode(column: "indicator_code", as: String.self)
            guard !base.contains(code), Access.covers(place, try row.decode(column: "jurisdiction_code", as: String.self)) else { continue }
            codes.insert(code)
        }
        return codes.sorted()
    }
}
