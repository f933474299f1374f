import Fluent
import PlanDomain
import Vapor

/// 考核方案: the office sets the points of the computed items and adds its
/// own items (points the office awards with evidence on the assessment page).
/// Stored per place and year; every change is audited with before and after.
enum AssessmentSchemeController {
    static let newRows = 3

    @Sendable static func page(req: Request) async throws -> Response {
        let place = try await Access.editablePlace(req)
        let year = try req.yearParameter()
        let scheme = try await AssessmentBook.scheme(place: try place.requireID(), year: year, on: req.db)
        return try await AssessmentSchemePage.View(context: req.pageContextWithFlash, place: place, year: year, scheme: scheme, error: nil)
            .html.encodeResponse(for: req)
    }

    /// Fields `id.N`, `group.N`, `name.N`, `points.N`, `remove.N` for the
    /// items in order, `group.newN`, `name.newN`, `points.newN` for new ones.
    @Sendable static func save(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        guard let year = fields["year"].flatMap({ Int($0) }), (2000...2100).contains(year) else {
            throw AppError.badRequest("年份应为 2000–2100 之间的整数。")
        }
        let current = try await AssessmentBook.scheme(place: code, year: year, on: req.db)
        do {
            let scheme = try edited(current, fields: fields)
            try await store(scheme, place: code, year: year, by: account, on: req.db)
            return req.redirectWithFlash(SitePath.assessmentSchemePage(code).path + "?year=\(year)",
                                         "考核方案已保存，共 \(Format.number(scheme.total)) 分。")
        } catch let error as AppError {
            let view = AssessmentSchemePage.View(context: req.pageContext, place: place, year: year, scheme: current, error: error.reason)
            let response = try await view.html.encodeResponse(for: req)
            response.status = error.status
            return response
        }
    }

    @Sendable static func api(req: Request, body: JSONBody<AssessmentScheme>) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let year = try req.yearParameter()
        let scheme = try body.decode()
        try await store(try checked(scheme), place: try place.requireID(), year: year, by: account, on: req.db)
        let response = Response(status: .ok)
        try response.content.encode(scheme, as: .json)
        return response
    }

    static func edited(_ current: AssessmentScheme, fields: [String: String]) throws -> AssessmentScheme {
        func text(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func points(_ key: String, name: String) throws -> Double {
            guard let value = Double(text(key)), value.isFinite, value >= 0, value <= 1000 else {
                throw AppError.badRequest("“\(name)”的分值应为 0–1000 之间的数字。")
            }
            return value
        }
        var items: [AssessmentItem] = []
        for (index, item) in current.items.enumerated() {
            if item.measure == .manual, fields["remove.\(index)"] != nil { continue }
            var changed = item
            let name = text("name.\(index)")
            changed.name = name.isEmpty ? item.name : name
            let group = text("group.\(index)")
            changed.group = group.isEmpty ? item.group : group
            changed.points = try points("points.\(index)", name: changed.name)
            items.append(changed)
        }
        var taken = Set(items.map(\.id))
        for row in 0..<newRows {
            let name = text("name.new\(row)")
            guard !name.isEmpty else { continue }
            let group = text("group.new\(row)")
            var number = items.count + 1
            while taken.contains("office-\(number)") { number += 1 }
            taken.insert("office-\(number)")
            items.append(AssessmentItem(id: "office-\(number)", group: group.isEmpty ? "加分与特色" : group, name: name,
                                        points: try points("points.new\(row)", name: name), measure: .manual))
        }
        return try checked(AssessmentScheme(items: items))
    }

    /// The domain's rules plus the limits of a form: names of a sensible length, a total above 0.
    static func checked(_ scheme: AssessmentScheme) throws -> AssessmentScheme {
        do { _ = try scheme.validated() } catch let error as AssessmentError {
            throw AppError.badRequest(error.errorDescription ?? "考核方案不正确。")
        }
        for item in scheme.items where item.name.count > 60 || item.group.count > 30 || item.id.count > 40 {
            throw AppError.badRequest("考核项“\(item.name.prefix(20))”的名称或分组太长（名称不超过 60 字，分组不超过 30 字）。")
        }
        guard scheme.total > 0 else { throw AppError.badRequest("考核方案总分应大于 0。") }
        return scheme
    }

    static func store(_ scheme: AssessmentScheme, place: String, year: Int, by account: Account, on db: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        try await db.writeTransaction { tx in
            let record = try await AssessmentSchemeRecord.query(on: tx).filter(\.$jurisdictionCode == place).filter(\.$year == year).first()
                ?? AssessmentSchemeRecord(jurisdictionCode: place, year: year)
            let before = record.id == nil ? nil : record.scheme
            record.scheme = json
            try await record.save(on: tx)
            try await Audit.record(account, "assessment.scheme", entity: "jurisdiction", id: place, before: before, after: "\(year) \(json)", on: tx)
        }
    }
}

extension AssessmentScheme: APIRequestBody {
    static let formatHint = "需要 JSON {\"items\": [{\"id\", \"group\", \"name\", \"points\", \"measure\"}]}。"
}
