import Fluent
import PlanDomain
import Vapor

/// 指标: the catalogue, one indicator at a place (roll-up, forecast, sources,
/// history), the figures an office enters, and the overview of a place.
enum IndicatorController {
    // MARK: Catalogue

    @Sendable static func catalogue(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let model = CataloguePage.Model(definitions: try await IndicatorStore.definitions(on: req.db),
                                        custom: Set(try await IndicatorRecord.query(on: req.db).filter(\.$isCustom == true).all().compactMap(\.id)),
                                        canAdd: account.role == .office || account.role == .admin, home: Access.homePlace(account))
        return try await CataloguePage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func apiCatalogue(req: Request) async throws -> Response {
        try await IndicatorStore.definitions(on: req.db).map(IndicatorDTO.init).encodeResponse(for: req)
    }

    struct NewIndicator: Content, APIRequestBody {
        static let formatHint = "需要 JSON 字段 code、name、unit、kind，可选 numerator、denominator、scale。"

        var code: String?
        var name: String?
        var unit: String?
        var kind: String?
        var numerator: String?
        var denominator: String?
        var scale: String?
    }

    /// An office's own indicator: a new code (letters, digits, dots,
    /// underscores), a name, a unit and a kind; a ratio may name its parts.
    static func define(_ input: NewIndicator, by account: Account, on db: any Database) async throws -> IndicatorDefinition {
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let code = clean(input.code), name = clean(input.name), unit = clean(input.unit)
        guard (2...48).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }) else {
            throw AppError.badRequest("指标代码应为 2–48 个英文字母、数字、点或下划线，如 custom.patents。")
        }
        guard !name.isEmpty, name.count <= 60 else { throw AppError.badRequest("请填写指标名称（不超过 60 字）。") }
        guard unit.count <= 12 else { throw AppError.badRequest("单位不超过 12 字。") }
        guard let kind = IndicatorKind(rawValue: clean(input.kind).isEmpty ? "count" : clean(input.kind)) else {
            throw AppError.badRequest("类型只能是数量、金额、比率或增长率。")
        }
        guard try await IndicatorRecord.find(code, on: db) == nil else { throw AppError.conflict("指标代码“\(code)”已存在。") }
        var definition = IndicatorDefinition(code: code, name: name, unit: unit, kind: kind)
        let numerator = clean(input.numerator), denominator = clean(input.denominator)
        if kind == .ratio || kind == .growth, !numerator.isEmpty {
            guard try await IndicatorRecord.find(numerator, on: db) != nil else { throw AppError.badRequest("分子指标“\(numerator)”不存在。") }
            definition.numerator = numerator
        }
        if kind == .ratio, !denominator.isEmpty {
            guard try await IndicatorRecord.find(denominator, on: db) != nil else { throw AppError.badRequest("分母指标“\(denominator)”不存在。") }
            guard definition.numerator != nil else { throw AppError.badRequest("比率有分母时也要有分子。") }
            definition.denominator = denominator
        }
        if kind == .ratio, definition.numerator != nil, definition.denominator == nil { throw AppError.badRequest("比率有分子时也要有分母。") }
        if let scale = try ReportInput.number(input.scale, field: "倍数") {
            guard scale > 0 else { throw AppError.badRequest("倍数应大于 0。") }
            definition.scale = scale
        } else if kind == .ratio {
            definition.scale = unit.contains("%") ? 100 : 1
        }
        let record = IndicatorRecord(definition, custom: true, jurisdiction: account.jurisdictionCode)
        try await db.writeTransaction { tx in
            try await record.create(on: tx)
            try await Audit.record(account, "indicator.create", entity: "indicator", id: code, after: "\(name) \(unit) \(kind.rawValue)", on: tx)
        }
        return definition
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        do {
            let definition = try await define(try req.content.decode(NewIndicator.self), by: account, on: req.db)
            return req.redirectWithFlash(SitePath.indicatorsPage.path, "已新增指标“\(definition.name)”（\(definition.code)）。")
        } catch let error as AppError {
            return req.redirectWithFlash(SitePath.indicatorsPage.path, error.reason)
        }
    }

    @Sendable static func apiAdd(req: Request, body: JSONBody<NewIndicator>) async throws -> Response {
        let account = try req.requireAccount()
        let input = try body.decode()
        let response = try await IndicatorDTO(try await define(input, by: account, on: req.db)).encodeResponse(for: req)
        response.status = .created
        return response
    }

    // MARK: One indicator at a place

    static func analysis(_ req: Request, place: Jurisdiction) async throws -> IndicatorAnalysis {
        let code = req.parameters.get("indicatorCode") ?? ""
        let year = try req.yearParameter()
        let month = try req.monthParameter(year: year)
        let seasonal = req.query[String.self, at: "profile"] == "seasonal"
        return try await IndicatorAnalysis.make(code: code, place: try place.requireID(), year: year, month: month, seasonal: seasonal, on: req.db)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let analysis = try await analysis(req, place: place)
        let model = IndicatorPage.Model(
            analysis: analysis,
            history: try await IndicatorStore.history(code: analysis.definition.code, place: try place.requireID(), year: analysis.year, on: req.db),
            canEdit: Access.coversPlace(account, try place.requireID(), editing: true))
        return try await IndicatorPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let analysis = try await analysis(req, place: place)
        let data = try SimpleWorkbook.xlsx(analysis.sheets)
        try await Audit.record(account, "export.indicator", entity: "jurisdiction", id: try place.requireID(),
                               after: "\(analysis.definition.code) \(analysis.year)", on: req.db)
        return .xlsx(data, name: "\(place.name)\(analysis.year)年\(analysis.definition.name).xlsx", fallback: "indicator.xlsx")
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let place = try await Access.readablePlace(req)
        return try await IndicatorAnalysisDTO(try await analysis(req, place: place)).encodeResponse(for: req)
    }

    // MARK: Entering figures

    struct ValueForm: Content {
        var indicator: String?
        var year: String?
        var month: String?
        var measure: String?
        var value: String?
        var note: String?
    }

    @Sendable static func saveValue(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let form = try req.content.decode(ValueForm.self)
        let back = SitePath.placeIndicatorPage(code, form.indicator ?? "").path + "?year=\(form.year ?? "")"
        do {
            let entry = try ValueEntry(code: form.indicator, year: form.year, month: form.month, measure: form.measure, value: form.value, note: form.note)
            try await ValueEntry.save([entry], place: code, source: .office, by: account, at: req.clock.now(), on: req.db)
            return req.redirectWithFlash(back, "已保存：\(entry.year)年\(entry.month)月\(entry.measure.title) \(Format.number(entry.value))。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    struct ValueRequest: Content, APIRequestBody {
        static let formatHint = "需要 JSON 字段 indicator、year、month、value，可选 measure（target/actual）、note。"

        var indicator: String
        var year: Int
        var month: Int
        var measure: String?
        var value: Double
        var note: String?
    }

    @Sendable static func apiSaveValue(req: Request, body: JSONBody<ValueRequest>) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let body = try body.decode()
        let entry = try ValueEntry(code: body.indicator, year: "\(body.year)", month: "\(body.month)", measure: body.measure,
                                   value: "\(body.value)", note: body.note)
        try await ValueEntry.save([entry], place: try place.requireID(), source: .office, by: account, at: req.clock.now(), on: req.db)
        let response = Response(status: .created)
        try response.content.encode(SavedCount(saved: 1))
        return response
    }

    // MARK: Overview of a place

    @Sendable static func overview(req: Request) async throws -> Response {
        let place = try await Access.readablePlace(req)
        let year = try req.yearParameter()
        let month = try req.monthParameter(year: year)
        let code = try place.requireID()
        let codes = try await IndicatorStore.codesWithFigures(place: code, year: year, on: req.db)
        var analyses: [IndicatorAnalysis] = []
        for indicator in codes {
            analyses.append(try await IndicatorAnalysis.make(code: indicator, place: code, year: year, month: month, seasonal: false, on: req.db))
        }
        let model = PlaceOverview.Model(place: place, year: year, month: month, analyses: analyses)
        return try await PlaceOverview.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }
}
