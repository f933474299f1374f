import PlanDomain
import Vapor

/// 地区对比: one indicator across places and years, page, .xlsx and API.
enum ComparisonController {
    @Sendable static func page(req: Request) async throws -> Response {
        let comparison = try await PlaceComparison.make(req)
        return try await ComparisonPage.View(context: req.pageContextWithFlash, model: comparison).html.encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let comparison = try await PlaceComparison.make(req)
        let data = try SimpleWorkbook.xlsx([comparison.sheet])
        try await Audit.record(account, "export.comparison", entity: "indicator", id: comparison.comparison.definition.code,
                               after: comparison.queryString, on: req.db)
        return .xlsx(data, name: "\(comparison.comparison.definition.name)地区对比.xlsx", fallback: "comparison.xlsx")
    }

    @Sendable static func api(req: Request) async throws -> Response {
        try await ComparisonDTO(try await PlaceComparison.make(req)).encodeResponse(for: req)
    }
}

struct ComparisonDTO: Content {
    struct Row: Content {
        var placeCode: String
        var placeName: String
        var year: Int
        var target: Double?
        var actual: Double?
        var gdp: Double?
        var population: Double?
        var attainment: Double?
        var perGDP: Double?
        var perCapita: Double?
        /// Why a normalised value is missing (无地区生产总值数据, 比率不折算 …).
        var missing: [String: String]
    }

    var indicator: String
    var unit: String
    var normalised: Bool
    var note: String
    var rows: [Row]

    init(_ model: PlaceComparison) {
        let c = model.comparison
        indicator = c.definition.code
        unit = c.definition.unit
        normalised = c.isNormalised
        note = c.normalisationNote
        rows = c.rows.map { row in
            var missing: [String: String] = [:]
            for (name, value) in [("attainment", row.attainment), ("perGDP", row.perGDP), ("perCapita", row.perCapita)] {
                if let reason = value.missing { missing[name] = reason }
            }
            return Row(placeCode: row.placeCode, placeName: row.placeName, year: row.year, target: row.target, actual: row.actual,
                       gdp: row.gdp, population: row.population, attainment: row.attainment.value, perGDP: row.perGDP.value,
                       perCapita: row.perCapita.value, missing: missing)
        }
    }
}
