import Fluent
import Foundation
import PlanDomain
import Vapor

/// One indicator across places and years (随州, 宜昌 and 广水's technology
/// contract turnover, say), each place's year-end target and actual rolled
/// up as its own indicator page shows them, with GDP and population from
/// base data to normalise counts and amounts.
struct PlaceComparison: Sendable {
    static let maxPlaces = 20
    static let maxYears = 6

    var comparison: IndicatorComparison
    var places: [String]
    var years: [Int]
    var measure: ComparisonMeasure

    /// `places=421300,420500&years=2024,2025&measure=perGDP`; by default the
    /// account's own place and the places directly under it, this year and last.
    static func make(_ req: Request) async throws -> PlaceComparison {
        let account = try req.requireAccount()
        let code = req.parameters.get("indicatorCode") ?? ""
        let definitions = try await IndicatorStore.definitions(on: req.db)
        guard let definition = definitions.first(where: { $0.code == code }) else { throw AppError.notFound("指标") }
        let measure = try ComparisonMeasure(rawValue: req.query[String.self, at: "measure"] ?? "actual")
            .orThrow(AppError.badRequest("比较口径只能是 \(ComparisonMeasure.allCases.map(\.rawValue).joined(separator: "、"))。"))
        let thisYear = req.clock.today().year
        let years = try list(req.query[String.self, at: "years"], name: "年度") { text in
            Int(text).flatMap { (2000...2100).contains($0) ? $0 : nil }
        } ?? [thisYear - 1, thisYear]
        guard years.count <= maxYears else { throw AppError.badRequest("一次最多比较 \(maxYears) 个年度。") }

        let all = try await Jurisdiction.query(on: req.db).all()
        let names = Dictionary(all.compactMap { j in j.id.map { ($0, j.name) } }, uniquingKeysWith: { a, _ in a })
        var places = try list(req.query[String.self, at: "places"], name: "地区代码") { names[$0] != nil ? $0 : nil } ?? []
        if places.isEmpty {
            let home = Access.homePlace(account)
            places = [home] + all.filter { $0.parentCode == home }.compactMap(\.id).sorted()
        }
        guard places.count <= maxPlaces else { throw AppError.badRequest("一次最多比较 \(maxPlaces) 个地区。") }
        let hidden = places.filter { !Access.coversPlace(account, $0, editing: false) }
        guard hidden.isEmpty else {
            throw AppError(status: .forbidden, reason: "没有权限查看这些地区的数据：\(hidden.compactMap { names[$0] }.joined(separator: "、"))。")
        }

        var inputs: [ComparisonInput] = []
        for place in places {
            for year in years {
                let figures = try await IndicatorAnalysis.make(code: code, place: place, year: year, month: 12, seasonal: false, on: req.db).top
                let gdp = try await baseValue("base.gdp", place: place, year: year, on: req.db)
                let population = try await baseValue("base.population", place: place, year: year, on: req.db)
                inputs.append(ComparisonInput(placeCode: place, placeName: names[place] ?? place, year: year,
                                              target: figures.target.effective, actual: figures.actual.effective,
                                              gdp: gdp, population: population))
            }
        }
        return PlaceComparison(comparison: IndicatorComparison(definition: definition, inputs: inputs),
                               places: places, years: years, measure: measure)
    }

    private static func baseValue(_ code: String, place: String, year: Int, on db: any Database) async throws -> Double? {
        try await IndicatorAnalysis.make(code: code, place: place, year: year, month: 12, seasonal: false, on: db).top.actual.effective
    }

    /// A comma-separated list (，、 and spaces too); nil when absent; an item
    /// `parse` rejects is an error naming it.
    private static func list<T>(_ text: String?, name: String, _ parse: (String) -> T?) throws -> [T]? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let items = text.split(whereSeparator: { ",，、 ".contains($0) }).map(String.init)
        return try items.map { item in
            guard let value = parse(item) else { throw AppError.badRequest("\(name)“\(item.prefix(20))”不正确。") }
            return value
        }
    }

    var queryString: String {
        "places=\(places.joined(separator: ","))&years=\(years.map(String.init).joined(separator: ","))&measure=\(measure.rawValue)"
    }

    /// The table as the page, the export and the API show it.
    var sheet: SheetTable {
        let c = comparison
        let unit = c.definition.unit
        let header = ["地区代码", "地区", "年度", "目标（\(unit)）", "实际（\(unit)）", "完成率（%）",
                      "地区生产总值（亿元）", "常住人口（万人）", "每亿元GDP（\(c.perGDPUnit)）", "每万人（\(c.perCapitaUnit)）"]
        let rows: [[SheetCell]] = c.rows.map { row in
            [.text(row.placeCode), .text(row.placeName), .number(Double(row.year)), Self.cell(row.target), Self.cell(row.actual),
             Self.cell(row.attainment.value.map { $0 * 100 }), Self.cell(row.gdp), Self.cell(row.population),
             Self.cell(row.perGDP.value), Self.cell(row.perCapita.value)]
        }
        return SheetTable(name: "\(c.definition.name)对比", header: header, rows: rows)
    }

    private static func cell(_ value: Double?) -> SheetCell { value.map { .number($0) } ?? .empty }
}

private extension Optional {
    func orThrow(_ error: some Error) throws -> Wrapped {
        guard let self else { throw error }
        return self
    }
}
