import Fluent
import PlanDomain
import Vapor

/// 年终考核: the units of a place scored on the scheme's items, the office's
/// final scores and the units' self-scores, the ranking and its workbook.
enum AssessmentController {
    static func book(_ req: Request, place: Jurisdiction) async throws -> AssessmentBook {
        try await AssessmentBook.build(place: try place.requireID(), year: try req.yearParameter(), today: req.clock.today(),
                                       now: req.clock.now(), on: req.db)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let model = AssessmentPage.Model(place: place, book: try await book(req, place: place),
                                         canEdit: Access.coversPlace(account, try place.requireID(), editing: true))
        return try await AssessmentPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.readablePlace(req)
        let book = try await book(req, place: place)
        let data = try book.workbook(placeName: place.name)
        try await Audit.record(account, "export.assessment", entity: "jurisdiction", id: try place.requireID(), after: "\(book.year)", on: req.db)
        return .xlsx(data, name: "\(place.name)\(book.year)年考核排名.xlsx", fallback: "assessment-\(book.year).xlsx")
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let place = try await Access.readablePlace(req)
        return try await AssessmentDTO(try await book(req, place: place)).encodeResponse(for: req)
    }

    /// The score sheet (PlanDomain's `ScoreForm` reads and checks it).
    @Sendable static func saveScores(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let yearText = fields["year"] ?? ""
        let back = SitePath.assessmentPage(code).path + "?year=\(yearText)"
        do {
            guard let year = Int(yearText), (2000...2100).contains(year) else { throw AppError.badRequest("年份应为 2000–2100 之间的整数。") }
            let book = try await AssessmentBook.build(place: code, year: year, today: req.clock.today(), now: req.clock.now(), on: req.db)
            let units = Dictionary(book.units.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
            typealias Key = ScoreForm.Key
            let changes: [Key: ScoreForm.Entry]
            do {
                changes = try ScoreForm.read(fields, items: book.scheme.items, units: units)
            } catch {
                throw AppError.badRequest(error.message)
            }
            let existing = try await AssessmentScoreRecord.query(on: req.db).filter(\.$jurisdictionCode == code).filter(\.$year == year).all()
            let byKey = Dictionary(existing.map { (Key(unit: $0.unitID.uuidString, item: $0.itemID), $0) }, uniquingKeysWith: { a, _ in a })
            let pending = changes
            let written = try await req.db.writeTransaction { tx -> Int in
                var written = 0
                for (key, change) in pending {
                    guard let unitID = UUID(uuidString: key.unit) else { continue }
                    let record = byKey[key] ?? AssessmentScoreRecord()
                    let before = byKey[key].map { "self \($0.selfScore.map(Format.number) ?? "-") final \($0.finalScore.map(Format.number) ?? "-")" }
                    if record.id != nil, record.selfScore == change.own, record.finalScore == change.final, record.evidence == change.evidence { continue }
                    if record.id == nil, change.own == nil, change.final == nil, change.evidence.isEmpty { continue }
                    record.jurisdictionCode = code
                    record.year = year
                    record.unitID = unitID
                    record.itemID = key.item
                    record.selfScore = change.own
                    record.finalScore = change.final
                    record.evidence = change.evidence
                    record.accountName = account.displayName
                    try await record.save(on: tx)
                    try await Audit.record(account, "assessment.score", entity: "unit", id: unitID, before: before,
                                           after: "\(year) \(key.item) self \(change.own.map(Format.number) ?? "-") final \(change.final.map(Format.number) ?? "-")", on: tx)
                    written += 1
                }
                return written
            }
            return req.redirectWithFlash(back, written == 0 ? "没有改动。" : "已保存 \(written) 项评分。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }
}

struct AssessmentDTO: Content {
    struct Item: Content { var id: String; var group: String; var name: String; var points: Double; var measure: AssessmentMeasure }
    /// `applies` false: the unit has nothing to be judged on for this item; it is left out of the total.
    struct Score: Content { var item: String; var computed: Double?; var selfScore: Double?; var finalScore: Double; var evidence: String; var applies: Bool }
    /// `scale`: full score over the points of the items that apply (1 when all apply).
    struct UnitRow: Content { var unit: String; var name: String; var rank: Int; var selfTotal: Double?; var finalTotal: Double; var scale: Double?; var items: [Score] }

    var place: String
    var year: Int
    var items: [Item]
    var units: [UnitRow]

    init(_ book: AssessmentBook) {
        place = book.place
        year = book.year
        items = book.scheme.items.map { Item(id: $0.id, group: $0.group, name: $0.name, points: $0.points, measure: $0.measure) }
        units = book.units.map { u in
            UnitRow(unit: u.key, name: u.name, rank: u.rank, selfTotal: u.selfTotal, finalTotal: u.finalTotal, scale: u.scale,
                    items: u.items.map { Score(item: $0.item.id, computed: $0.computed, selfScore: $0.selfScore, finalScore: $0.finalScore,
                                               evidence: $0.evidence, applies: $0.applies) })
        }
    }
}
