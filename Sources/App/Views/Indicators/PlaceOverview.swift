import Fluent
import PlanDomain
import PlanText
import Plot
import SQLKit

/// 指标总览: every indicator with a figure at a place or under it in a year —
/// target, actual, forecast — with the warnings of the roll-up.
enum PlaceOverview {
    struct Model {
        var place: Jurisdiction
        var year: Int
        var month: Int
        var analyses: [IndicatorAnalysis]
    }

    /// Codes with a plan target or an entered figure at the place or below.
    static func codes(place: String, year: Int, on db: any Database) async throws -> [String] {
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

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let place = model.place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(model.place.name)指标总览"),
                PlaceTabs.tabs(place: place, year: model.year, current: .overview),
                PlaceTabs.yearForm(SiteRoute.placeIndicatorsPage.path(place), year: model.year),
                H.paragraph("\(model.year)年，实际值截至\(model.month)月。目标来自本地区计划文件或办公室录入，实际来自单位报送、办公室录入或导入；本级没有的数由下级汇总。", class: "hint"),
            ]
            if model.analyses.isEmpty {
                body.append(H.paragraph("这一年还没有指标数据。发布含量化目标的计划，或在指标页录入数值后，这里会列出。", class: "empty"))
            } else {
                body.append(H.table(headers: ["指标", "单位", "目标", "实际", "预计全年", "完成率", "预测", "提示"], rows: model.analyses.map { a in
                    let top = a.top
                    var notes: [String] = []
                    if top.target.mismatch != nil { notes.append("目标与下级合计不一致") }
                    if top.actual.mismatch != nil { notes.append("实际与下级合计不一致") }
                    let below = a.rows.dropFirst().filter { $0.target.mismatch != nil || $0.actual.mismatch != nil }.count
                    if below > 0 { notes.append("下级 \(below) 处不一致") }
                    return [
                        H.link(SiteRoute.placeIndicatorPage.path(place, a.definition.code) + "?year=\(model.year)", a.definition.name),
                        .text(a.definition.unit), .text(Figure.text(top.target.effective)), .text(Figure.text(top.actual.effective)),
                        .text(Figure.text(top.forecast.projected)), .text(top.forecast.attainment.map { Format.percent($0) } ?? "—"),
                        H.el("span", [("class", "forecast \(top.forecast.status.rawValue)")], [.text(top.forecast.status.title)]),
                        .text(notes.joined(separator: "；")),
                    ]
                }, class: "grid overview"))
            }
            return Layout.page("\(model.place.name)指标总览", context, body)
        }
    }
}
