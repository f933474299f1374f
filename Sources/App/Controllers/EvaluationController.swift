import Fluent
import PlanDomain
import Vapor

/// 综合考评: the places directly under a place scored by the place's scheme
/// (`EvaluationBook`): its own, imported from the .xlsx a province
/// publishes, or the built-in 随州 2025 §三(三) ratios. Every point is
/// explained item by item; manual items' figures are entered on the page.
enum EvaluationController {
    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let result = try await EvaluationBook.evaluate(place, year: try req.yearParameter(), on: req.db)
        return try await EvaluationPage.View(result: result, canEdit: account.scope.mayEditPlan(of: place.id ?? ""), context: req.pageContextWithFlash)
            .html.encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let result = try await EvaluationBook.evaluate(try await Access.readablePlace(req), year: try req.yearParameter(), on: req.db)
        let items = result.scheme.items
        let header = ["名次", "地区"] + items.flatMap { ["\($0.name)（值）", "\($0.name)（\(Format.number($0.points))分）"] } + ["基本分", "加分", "减分", "总分"]
        let rows: [[SheetCell]] = result.places.map { p in
            [.number(Double(p.rank)), .text(p.name)] + items.flatMap { item -> [SheetCell] in
                let value = result.inputs[p.code]?[item.key]?.value
                return [value.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .empty,
                        .number(((p.score(of: item.key)?.points ?? 0) * 100).rounded() / 100)]
            } + [p.base, p.bonus, p.deduction, p.total].map { .number(($0 * 100).rounded() / 100) }
        }
        // The second sheet says how each point was reached, so a county can check its own.
        let explained: [[SheetCell]] = result.places.flatMap { p in
            p.items.map { score in
                [.text(p.name), .text(items.first { $0.key == score.key }?.name ?? score.key),
                 .number((score.points * 100).rounded() / 100), .text(score.explanation)]
            }
        }
        let data = try SimpleWorkbook.xlsx([
            SheetTable(name: "\(result.year)年综合考评", header: header, rows: rows),
            SheetTable(name: "得分说明", header: ["地区", "考评项目", "得分", "计算过程"], rows: explained),
        ])
        try await Audit.record(account, "export.evaluation", entity: "jurisdiction", id: result.place.id, after: "\(result.year)", on: req.db)
        return .xlsx(data, name: "\(result.year)年综合考评.xlsx", fallback: "evaluation-\(result.year).xlsx")
    }

    struct DTO: Content {
        struct Item: Content {
            var key: String
            var name: String
            var points: Double
            var rule: String
        }
        struct Score: Content { var key: String; var points: Double; var explanation: String; var value: Double? }
        struct Place: Content {
            var code: String; var name: String; var rank: Int; var total: Double
            var base: Double; var bonus: Double; var deduction: Double; var items: [Score]
        }
        var place: String
        var year: Int
        var scheme: String
        var ownScheme: Bool
        var items: [Item]
        var places: [Place]
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let r = try await EvaluationBook.evaluate(try await Access.readablePlace(req), year: try req.yearParameter(), on: req.db)
        return try await DTO(
            place: r.place.id ?? "", year: r.year, scheme: r.scheme.name, ownScheme: r.isOwn,
            items: r.scheme.items.map { DTO.Item(key: $0.key, name: $0.name, points: $0.points, rule: $0.rule.title) },
            places: r.places.map { p in
                DTO.Place(code: p.code, name: p.name, rank: p.rank, total: p.total, base: p.base, bonus: p.bonus, deduction: p.deduction,
                          items: p.items.map { DTO.Score(key: $0.key, points: $0.points, explanation: $0.explanation,
                                                         value: r.inputs[p.code]?[$0.key]?.value) })
            }).encodeResponse(for: req)
    }

    // MARK: The scheme

    /// A scheme as the sheet shows it: plain fields a client reads without
    /// knowing the rule types (the same words the .xlsx uses).
    struct SchemeDTO: Content {
        struct Item: Content {
            var key: String
            var name: String
            /// 指标 / 任务 / 手工.
            var category: String
            /// The indicator code or the task group's outline key; nil for a manual item.
            var source: String?
            var points: Double
            /// 计分方法 and 参数, as the sheet writes them.
            var rule: String
            var parameters: String
            var unit: String
            var note: String
        }
        var name: String
        var ownScheme: Bool
        var basePoints: Double
        var items: [Item]

        init(_ scheme: EvaluationScheme, isOwn: Bool) {
            name = scheme.name
            ownScheme = isOwn
            basePoints = scheme.basePoints
            items = scheme.items.map { item in
                let source: String? = switch item.source {
                case .indicator(let code): code
                case .taskGroup(let key): key
                case .manual: nil
                }
                return Item(key: item.key, name: item.name, category: item.sourceTitle, source: source, points: item.points,
                            rule: item.rule.title, parameters: item.parametersText, unit: item.unit, note: item.note)
            }
        }
    }

    @Sendable static func apiScheme(req: Request) async throws -> Response {
        let place = try await Access.readablePlace(req)
        let (scheme, isOwn) = try await EvaluationBook.scheme(for: try place.requireID(), on: req.db)
        return try await SchemeDTO(scheme, isOwn: isOwn).encodeResponse(for: req)
    }

    @Sendable static func schemePage(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let (scheme, isOwn) = try await EvaluationBook.scheme(for: try place.requireID(), on: req.db)
        return try await EvaluationSchemePage.View(
            place: place, year: try req.yearParameter(), scheme: scheme, isOwn: isOwn,
            canEdit: account.scope.mayEditPlan(of: place.id ?? ""), error: nil, context: req.pageContextWithFlash
        ).html.encodeResponse(for: req)
    }

    @Sendable static func schemeXlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let (scheme, _) = try await EvaluationBook.scheme(for: try place.requireID(), on: req.db)
        let data = try EvaluationSchemeWorkbook.xlsx(scheme)
        try await Audit.record(account, "export.evaluation_scheme", entity: "jurisdiction", id: place.id, after: scheme.name, on: req.db)
        return .xlsx(data, name: "\(scheme.name).xlsx", fallback: "evaluation-scheme.xlsx")
    }

    struct SchemeUpload: Content {
        var file: File?
        var reset: String?
    }

    /// Replaces the place's scheme with one read from an .xlsx (all rows
    /// right, or nothing changes), or, with `reset`, goes back to the built-in one.
    @Sendable static func importScheme(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let year = (try? req.query.get(Int.self, at: "year")) ?? req.clock.today().year
        let back = SitePath.evaluationSchemePage(code).path + "?year=\(year)"
        let upload = try req.content.decode(SchemeUpload.self)
        let existing = try await EvaluationSchemeRecord.query(on: req.db).filter(\.$placeCode == code).first()
        if upload.reset != nil {
            guard let existing else { return req.redirectWithFlash(back, "本地区使用的已是系统内置方案。") }
            try await req.db.writeTransaction { tx in
                try await existing.delete(on: tx)
                try await Audit.record(account, "evaluation.scheme", entity: "jurisdiction", id: code, before: existing.scheme, after: "内置方案", on: tx)
            }
            return req.redirectWithFlash(back, "已恢复为系统内置的考评方案。")
        }
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await schemeError(req, place: place, year: year, "请选择考评方案 .xlsx 文件。")
        }
        let definitions = try await IndicatorStore.definitions(on: req.db)
        let scheme: EvaluationScheme
        do {
            scheme = try EvaluationSchemeWorkbook.read(Data(buffer: file.data), indicators: definitions)
        } catch {
            return try await schemeError(req, place: place, year: year, error.localizedDescription)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        try await req.db.writeTransaction { tx in
            let record = existing ?? EvaluationSchemeRecord(placeCode: code, scheme: json, updatedBy: account.displayName)
            let before = existing?.scheme
            record.scheme = json
            record.updatedBy = account.displayName
            try await record.save(on: tx)
            try await Audit.record(account, "evaluation.scheme", entity: "jurisdiction", id: code, before: before,
                                   after: "\(scheme.name)（\(scheme.items.count) 项，基本分 \(Format.number(scheme.basePoints))）", on: tx)
        }
        return req.redirectWithFlash(back, "已导入考评方案“\(scheme.name)”，共 \(scheme.items.count) 项，基本分 \(Format.number(scheme.basePoints)) 分。")
    }

    static func schemeError(_ req: Request, place: Jurisdiction, year: Int, _ message: String) async throws -> Response {
        let (scheme, isOwn) = try await EvaluationBook.scheme(for: try place.requireID(), on: req.db)
        let view = EvaluationSchemePage.View(place: place, year: year, scheme: scheme, isOwn: isOwn, canEdit: true, error: message,
                                             context: req.pageContext)
        let response = try await view.html.encodeResponse(for: req)
        response.status = .badRequest
        return response
    }

    /// The figures of the scheme's manual items: fields `v|<item>|<place>` and
    /// `t|<item>|<place>` (value, target), blank clears; all or nothing.
    @Sendable static func saveInputs(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        guard let year = fields["year"].flatMap({ Int($0) }), (2000...2100).contains(year) else {
            throw AppError.badRequest("年份应为 2000–2100 之间的整数。")
        }
        let back = SitePath.evaluationPage(code).path + "?year=\(year)"
        let (scheme, _) = try await EvaluationBook.scheme(for: code, on: req.db)
        let manual = scheme.items.filter { if case .manual = $0.source { return true } else { return false } }
        let places = try await IndicatorStore.tree(under: code, on: req.db).children(of: code)
        var changes: [(item: SchemeItem, place: String, value: Double?, target: Double?)] = []
        var problem: String?
        for item in manual {
            for child in places where problem == nil {
                let value = number(fields["v|\(item.key)|\(child.code)"], field: "\(child.name)的“\(item.name)”")
                let target = number(fields["t|\(item.key)|\(child.code)"], field: "\(child.name)的“\(item.name)”目标")
                switch (value, target) {
                case (.success(let v), .success(let t)): changes.append((item, child.code, v, t))
                case (.failure(let error), _), (_, .failure(let error)): problem = error.description
                }
            }
        }
        if let problem { return req.redirectWithFlash(back, problem + " 未保存任何数字。") }
        let edits = changes
        try await req.db.writeTransaction { tx in
            var said: [String] = []
            for change in edits {
                let record = try await EvaluationInputRecord.query(on: tx).filter(\.$placeCode == code).filter(\.$year == year)
                    .filter(\.$itemKey == change.item.key).filter(\.$subjectCode == change.place).first()
                if change.value == nil && change.target == nil {
                    if let record { try await record.delete(on: tx); said.append("\(change.place) \(change.item.key) 清除") }
                    continue
                }
                let entry = record ?? EvaluationInputRecord(placeCode: code, year: year, itemKey: change.item.key, subjectCode: change.place)
                guard entry.value != change.value || entry.target != change.target || record == nil else { continue }
                entry.value = change.value
                entry.target = change.target
                try await entry.save(on: tx)
                said.append("\(change.place) \(change.item.key) = \(change.value.map(Format.number) ?? "—")/\(change.target.map(Format.number) ?? "—")")
            }
            try await Audit.record(account, "evaluation.inputs", entity: "jurisdiction", id: code,
                                   after: "\(year)：" + (said.isEmpty ? "无变化" : said.joined(separator: "；")), on: tx)
        }
        return req.redirectWithFlash(back, "手工项数字已保存。")
    }

    /// A typed number, or why it is not one (`FormNumber`).
    static func number(_ text: String?, field: String) -> Result<Double?, FormError> {
        Result { () throws(FormError) -> Double? in try FormNumber.read(text, field: field) }
    }
}
