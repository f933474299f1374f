import Foundation
import PlanDomain
import Plot

/// 指标页: one indicator at one place for a year — target, actual and
/// forecast as a chart, the roll-up over the places under it with the
/// warnings where the parts do not add up, every source of a figure, the
/// history of entries, and (for an office) the form to enter a figure.
enum IndicatorPage {
    struct Model {
        var analysis: IndicatorAnalysis
        var history: [IndicatorValue]
        var canEdit: Bool
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let a = model.analysis
            let d = a.definition
            let place = a.place.code
            let top = a.top
            let unit = d.unit
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.placeIndicatorsPage(place).path + "?year=\(a.year)", "\(a.place.name)指标总览")]),
                H.heading(1, "\(a.place.name) · \(d.name)"),
                PlaceTabs.tabs(place: place, year: a.year, current: nil, context: context),
                H.paragraph("\(a.year)年 · 代码 \(d.code) · \(d.kind.title) · 单位 \(d.unit)" + composition(d), class: "hint"),
                H.p([H.link(SitePath.comparePage(d.code).path + "?places=" + a.rows.prefix(PlaceComparison.maxPlaces).map(\.actual.code).joined(separator: ",")
                                      + "&years=\(a.year - 1),\(a.year)", "与下级地区、上一年度对比"),
                               .text(" · "),
                               H.link(SitePath.placeIndicatorXlsx(place, d.code).path + "?year=\(a.year)&month=\(a.month)", "下载 .xlsx")]),
                PlaceTabs.yearForm(SitePath.placeIndicatorPage(place, d.code).path, year: a.year, extra: [
                    H.input("month", value: "\(a.month)", type: "number", label: "截至月份", extra: [.min(1), .max(12)]),
                    H.select("profile", label: "预测方式", options: [("linear", "按全年均匀"), ("seasonal", "按上年各月分布")],
                             selected: a.profile == .linear ? "linear" : "seasonal"),
                ]),
            ]
            var summary: [Body] = [
                H.div(class: "stat", [H.span([.text("年度目标")]), H.strong([.data("field", "target")], [.text(Figure.text(top.target.effective, unit))])]),
                H.div(class: "stat", [H.span([.text("截至\(a.month)月实际")]), H.strong([.data("field", "actual")], [.text(Figure.text(top.actual.effective, unit))])]),
                H.div(class: "stat", [H.span([.text("预计全年")]), H.strong([.data("field", "projected")], [.text(Figure.text(top.forecast.projected, unit))])]),
                H.div(class: "stat", [H.span([.text("预测")]), H.strong([.class("forecast \(top.forecast.status.rawValue)"), .data("field", "forecast")], [.text(top.forecast.status.title)])]),
            ]
            if let p = top.forecast.probability {
                summary.append(H.div(class: "stat", [H.span([.text("完成概率")]), H.strong([.text(Format.percent(p))])]))
            }
            body.append(H.div(class: "stats", summary))
            if let red = top.forecast.redSince {
                body.append(H.paragraph("自 \(red.chineseTitle) 起预测为完不成。", class: "warning"))
            }
            body += warnings(top, unit: unit)
            let target = top.target.effective ?? .nan
            let expected = (1...12).map { m -> Double in
                guard target.isFinite else { return target }
                let monthEnd = CivilDate(year: a.year, month: m, day: CivilDate.daysIn(month: m, year: a.year))
                return Forecaster.expected(target: target, at: monthEnd, profile: a.profile, accumulation: a.accumulation)
            }
            body.append(H.figure([.class("chart indicator-chart")], [
                .raw(Chart.targetLine(title: d.name, unit: unit, target: target, expected: expected, actual: a.monthly, projected: a.projected)),
                H.figcaption([.text("灰色虚线：序时应达；蓝线：实际；橙色点线：按当时进度预计的全年值；红线：年度目标。")]),
            ]))
            if a.rows.count > 1 {
                body.append(H.heading(2, "下级汇总"))
                body.append(H.paragraph(d.kind.isAdditive
                    ? "数量和金额按下级相加；本级已有数值时以本级为准，与下级合计不一致时标出。"
                    : (d.isComposite ? "比率按分子、分母分别汇总后重新计算，不取下级比率的平均。" : "此指标没有分子分母口径，只能逐地查看，不能汇总。"),
                    class: "hint"))
                body.append(H.table(headers: ["地区", "目标（本级）", "目标（下级合计）", "实际", "实际（下级合计）", "完成率", "预计完成率", "预测", "提示"],
                                    rows: a.rows.map { row in rollUpRow(row, year: a.year, code: d.code, unit: unit) }, class: "grid rollup"))
            }
            body.append(H.heading(2, "数据来源"))
            body.append(sources(top))
            if model.canEdit {
                body.append(H.heading(2, "录入数值"))
                body.append(H.form(SitePath.saveValue(place).path, class: "value-form", [
                    H.hidden("indicator", d.code), H.hidden("year", "\(a.year)"),
                    H.select("measure", label: "类别", options: IndicatorMeasure.allCases.map { ($0.rawValue, $0.title) }, selected: "actual"),
                    H.input("month", value: "\(a.month)", type: "number", label: "截至月份（目标填 12）", extra: [.min(1), .max(12)]),
                    H.input("value", label: "数值（\(unit)）", required: true),
                    H.input("note", label: "说明（来源、口径）"),
                    H.button("保存"),
                ]))
            }
            body.append(H.heading(2, "录入记录"))
            body.append(model.history.isEmpty ? H.paragraph("还没有录入或导入的数值。", class: "hint") : H.table(
                headers: ["时间", "类别", "月份", "数值", "来源", "录入人", "说明"],
                rows: model.history.map { v in [
                    .text(DateText.minute(v.recordedAt)), .text(v.measure.title), .text("\(v.month)月"), .text(Figure.text(v.value, unit)),
                    .text(v.source.title), .text(v.accountName), .text(v.note),
                ] }))
            return Layout.page("\(a.place.name) · \(d.name)", context, body)
        }

        func composition(_ d: IndicatorDefinition) -> String {
            switch d.kind {
            case .ratio:
                guard let n = d.numerator, let m = d.denominator else { return "" }
                return " · = \(n) ÷ \(m)" + (d.scale == 1 ? "" : " × \(Format.number(d.scale))")
            case .growth:
                return d.numerator.map { " · = \($0) 本年 ÷ 上年 − 1" } ?? ""
            default:
                return ""
            }
        }

        func warnings(_ row: IndicatorAnalysis.Row, unit: String) -> [Body] {
            var out: [Body] = []
            if let m = row.target.mismatch { out.append(H.p([.class("warning"), .data("warning", "target-mismatch")], [.text("目标：" + m.message)])) }
            if let m = row.actual.mismatch { out.append(H.p([.class("warning"), .data("warning", "actual-mismatch")], [.text("实际：" + m.message)])) }
            if row.targetsDisagree { out.append(H.paragraph("目标有多个来源且数值不同，见“数据来源”。", class: "warning")) }
            if row.actualsDisagree { out.append(H.paragraph("实际值有多个来源且数值不同，见“数据来源”。", class: "warning")) }
            return out
        }

        func rollUpRow(_ row: IndicatorAnalysis.Row, year: Int, code: String, unit: String) -> [Body] {
            let name = String(repeating: "　", count: row.actual.depth) + row.actual.name
            var notes: [String] = []
            if let m = row.target.mismatch { notes.append("目标" + m.message) }
            if let m = row.actual.mismatch { notes.append("实际" + m.message) }
            if row.targetsDisagree || row.actualsDisagree { notes.append("来源不一致") }
            if let partial = row.actual.partialNote { notes.append("实际" + partial) }
            let month = row.actualMonth.map { "（\($0)月）" } ?? ""
            return [
                H.link(SitePath.placeIndicatorPage(row.actual.code, code).path + "?year=\(year)", name),
                .text(Figure.text(row.target.own, unit)), .text(Figure.text(row.target.fromChildren, unit)),
                .text(Figure.text(row.actual.own, unit) + (row.actual.own == nil ? "" : month)), .text(Figure.text(row.actual.fromChildren, unit)),
                .text(CompletionRate.of(actual: row.actual.effective, target: row.target.effective).map { Format.percent($0) } ?? "—"),
                .text(row.forecast.attainment.map { Format.percent($0) } ?? "—"),
                H.span([.class("forecast \(row.forecast.status.rawValue)")], [.text(row.forecast.status.title)]),
                H.span([.class(notes.isEmpty ? nil : "warning-text"), .data("mismatch", notes.isEmpty ? nil : row.actual.code)], [.text(notes.joined(separator: "；"))]),
            ]
        }

        func sources(_ row: IndicatorAnalysis.Row) -> Body {
            let lines = row.targetSources.map { ("目标", $0) } + row.actualSources.map { ("实际", $0) }
            guard !lines.isEmpty else { return H.paragraph("本级没有直接给出的数值（上面的数来自下级汇总）。", class: "hint") }
            return H.table(headers: ["类别", "来源", "数值", "给出人", "时间", "说明"], rows: lines.enumerated().map { index, line in
                let (measure, v) = line
                return [.text(measure), .text(v.source.title), .text(Figure.text(v.value, model.analysis.definition.unit)),
                        .text(v.by), .text(v.recordedAt.map(DateText.minute) ?? ""), .text(v.note)]
            })
        }
    }
}
