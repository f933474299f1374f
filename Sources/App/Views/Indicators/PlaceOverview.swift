import PlanDomain
import PlanText
import Plot

/// 指标总览: every indicator with a figure at a place or under it in a year —
/// target, actual, forecast — with the warnings of the roll-up.
enum PlaceOverview {
    struct Model {
        var place: Jurisdiction
        var year: Int
        var month: Int
        var analyses: [IndicatorAnalysis]
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let place = model.place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(model.place.name)指标总览"),
                PlaceTabs.tabs(place: place, year: model.year, current: .overview, context: context),
                PlaceTabs.yearForm(SitePath.placeIndicatorsPage(place).path, year: model.year),
                H.paragraph("\(model.year)年，实际值截至\(model.month)月。目标来自本地区计划文件或办公室录入，实际来自单位报送、办公室录入或导入；本级没有的数由下级汇总。", class: "hint"),
            ]
            if model.analyses.isEmpty {
                body.append(H.paragraph("这一年还没有指标数据。发布含量化目标的计划，或在指标页录入数值后，这里会列出。", class: "empty"))
            } else {
                body.append(H.table(headers: ["指标", "单位", "目标", "实际", "完成率", "预计全年", "预计完成率", "预测", "提示"], rows: model.analyses.map { a in
                    let top = a.top
                    var notes: [String] = []
                    if top.target.mismatch != nil { notes.append("目标与下级合计不一致") }
                    if top.actual.mismatch != nil { notes.append("实际与下级合计不一致") }
                    let below = a.rows.dropFirst().filter { $0.target.mismatch != nil || $0.actual.mismatch != nil }.count
                    if below > 0 { notes.append("下级 \(below) 处不一致") }
                    return [
                        H.link(SitePath.placeIndicatorPage(place, a.definition.code).path + "?year=\(model.year)", a.definition.name),
                        .text(a.definition.unit), .text(Figure.amount(top.target.effective, of: a.definition.unit)), .text(Figure.amount(top.actual.effective, of: a.definition.unit)),
                        .text(CompletionRate.of(actual: top.actual.effective, target: top.target.effective).map { Format.percent($0) } ?? "—"),
                        .text(Figure.amount(top.forecast.projected, of: a.definition.unit)), .text(top.forecast.attainment.map { Format.percent($0) } ?? "—"),
                        H.span([.class("forecast \(top.forecast.status.rawValue)")], [.text(top.forecast.status.title)]),
                        .text(notes.joined(separator: "；")),
                    ]
                }, class: "grid overview"))
            }
            return Layout.page("\(model.place.name)指标总览", context, body)
        }
    }
}
