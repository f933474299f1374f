import Fluent
import PlanDomain
import Vapor

/// 综合考评: the places directly under a place scored on the ratio indicators
/// of 随州 2025 §三(三), each computed from the place's own figures or, when it
/// has none, from the sums of the places under it.
enum EvaluationController {
    struct Result: Sendable {
        var place: Jurisdiction
        var year: Int
        var items: [(item: EvaluationItem, definition: IndicatorDefinition)]
        var places: [JurisdictionEvaluation]
    }

    static func evaluate(_ req: Request, place: Jurisdiction) async throws -> Result {
        let year = try req.yearParameter()
        let code = try place.requireID()
        let definitions = Dictionary(try await IndicatorStore.definitions(on: req.db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let items = IndicatorDefaults.evaluationItems.compactMap { item in definitions[item.code].map { (item: item, definition: $0) } }
        let tree = try await IndicatorStore.tree(under: code, on: req.db)
        let codes = items.reduce(into: Set<String>()) { $0.formUnion(IndicatorStore.components(of: $1.item.code, in: definitions)) }
        let places = Set(tree.subtree(of: code).map(\.node.code))
        let figures = try await IndicatorStore.figures(codes: codes, year: year, places: places, on: req.db).actuals.figures(upTo: 12)
        let children = tree.children(of: code)
        let scored = Evaluation.evaluate(items: items.map(\.item), places: children.map { child in
            var values: [String: Double] = [:]
            for (item, _) in items {
                values[item.code] = IndicatorRollUp.effective(item.code, at: child.code, definitions: definitions, figures: figures, tree: tree)
            }
            return (code: child.code, name: child.name, values: values)
        })
        return Result(place: place, year: year, items: items, places: scored)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let result = try await evaluate(req, place: try await Access.readablePlace(req))
        return try await EvaluationPage.View(result: result, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let result = try await evaluate(req, place: try await Access.readablePlace(req))
        let header = ["名次", "地区"] + result.items.flatMap { ["\($0.definition.name)（\($0.definition.unit)）", "得分（\(Format.number($0.item.weight))）"] } + ["总分"]
        let rows: [[SheetCell]] = result.places.map { p in
            [.number(Double(p.rank)), .text(p.name)] + result.items.flatMap { pair -> [SheetCell] in
                [p.values[pair.item.code].map { .number(($0 * 10_000).rounded() / 10_000) } ?? .empty,
                 .number(((p.points[pair.item.code] ?? 0) * 100).rounded() / 100)]
            } + [.number((p.total * 100).rounded() / 100)]
        }
        let data = try SimpleWorkbook.xlsx([SheetTable(name: "\(result.year)年综合考评", header: header, rows: rows)])
        try await Audit.record(account, "export.evaluation", entity: "jurisdiction", id: result.place.id, after: "\(result.year)", on: req.db)
        return .xlsx(data, name: "\(result.year)年综合考评.xlsx", fallback: "evaluation-\(result.year).xlsx")
    }

    struct DTO: Content {
        struct Place: Content { var code: String; var name: String; var rank: Int; var total: Double; var values: [String: Double]; var points: [String: Double] }
        var place: String
        var year: Int
        var items: [EvaluationItem]
        var places: [Place]
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let r = try await evaluate(req, place: try await Access.readablePlace(req))
        return try await DTO(place: r.place.id ?? "", year: r.year, items: r.items.map(\.item), places: r.places.map {
            DTO.Place(code: $0.code, name: $0.name, rank: $0.rank, total: $0.total, values: $0.values, points: $0.points)
        }).encodeResponse(for: req)
    }
}
