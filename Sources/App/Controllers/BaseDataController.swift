import Fluent
import PlanDomain
import Vapor

/// 基础数据: GDP, enterprise legal persons, employed persons … of a place and
/// the places directly under it, for a year — what the evaluation ratios and
/// the comparisons per head or per GDP are computed from.
enum BaseDataController {
    static func model(_ req: Request, place: Jurisdiction, year: Int) async throws -> BaseDataPage.Model {
        let code = try place.requireID()
        let tree = try await IndicatorStore.tree(under: code, on: req.db)
        guard let root = tree.node(code) else { throw AppError.notFound("行政区划") }
        let places = [root] + tree.children(of: code)
        let definitions = try await IndicatorStore.definitions(on: req.db).filter(\.isBase)
        let figures = try await IndicatorStore.figures(codes: Set(definitions.map(\.code)), year: year, places: Set(places.map(\.code)), on: req.db)
        let account = try req.requireAccount()
        return BaseDataPage.Model(place: place, year: year, places: places, definitions: definitions, figures: figures.actuals,
                                  canEdit: Access.coversPlace(account, code, editing: true))
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let place = try await Access.readablePlace(req)
        let model = try await model(req, place: place, year: try req.yearParameter())
        return try await BaseDataPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    /// Fields `v|code|place`; empty ones are skipped, unchanged ones not
    /// written again; one bad field refuses the whole form.
    @Sendable static func save(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let yearText = fields["year"] ?? ""
        let back = SitePath.baseDataPage(try place.requireID()).path + "?year=\(yearText)"
        do {
            guard let year = Int(yearText), (2000...2100).contains(year) else { throw AppError.badRequest("年份应为 2000–2100 之间的整数。") }
            let model = try await model(req, place: place, year: year)
            let allowedPlaces = Set(model.places.map(\.code))
            let names = Dictionary(model.definitions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            let placeNames = Dictionary(model.places.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            var byPlace: [String: [ValueEntry]] = [:]
            for (key, text) in fields.sorted(by: { $0.key < $1.key }) where key.hasPrefix("v|") {
                let parts = key.split(separator: "|").map(String.init)
                guard parts.count == 3, let name = names[parts[1]], allowedPlaces.contains(parts[2]) else { continue }
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let field = "\(placeNames[parts[2]] ?? parts[2])·\(name)"
                guard let number = try ReportInput.number(text, field: field) else { continue }
                guard number >= 0 else { throw AppError.badRequest("“\(field)”不能为负数。") }
                if let current = model.figures.chosen(parts[1], parts[2], upTo: 12), abs(current.value - number) < 1e-9 { continue }
                byPlace[parts[2], default: []].append(
                    try ValueEntry(code: parts[1], year: "\(year)", month: "12", measure: "actual", value: "\(number)", note: "基础数据"))
            }
            guard !byPlace.isEmpty else { return req.redirectWithFlash(back, "没有改动。") }
            for (code, entries) in byPlace.sorted(by: { $0.key < $1.key }) {
                try await ValueEntry.save(entries, place: code, source: .office, by: account, at: req.clock.now(), on: req.db)
            }
            return req.redirectWithFlash(back, "基础数据已保存：\(byPlace.values.map(\.count).reduce(0, +)) 项。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }
}
