import PlanDomain
import Plot

/// 地区对比: the table, the grouped bar chart, and the form that picks places,
/// years and the measure.
enum ComparisonPage {
    struct View {
        var context: PageContext
        var model: PlaceComparison

        var html: HTML {
            let c = model.comparison
            let d = c.definition
            var body: [Body] = [
                H.heading(1, "\(d.name) · 地区对比"),
                H.getForm(SitePath.comparePage(d.code).path, class: "filters", [
                    H.input("places", value: model.places.joined(separator: ","), label: "地区代码（逗号分隔）"),
                    H.input("years", value: model.years.map(String.init).joined(separator: ","), label: "年度（逗号分隔）"),
                    H.select("measure", label: "比较口径", options: ComparisonMeasure.allCases.map { ($0.rawValue, $0.title) },
                             selected: model.measure.rawValue),
                    H.button("比较", class: "button secondary small"),
                ]),
                H.paragraph(c.normalisationNote, class: "hint"),
                H.figure([.class("chart comparison-chart")], [.raw(c.chart(model.measure))]),
            ]
            let sheet = model.sheet
            body.append(H.table(headers: sheet.header, rows: zip(c.rows, sheet.rows).map { row, cells in
                cells.enumerated().map { index, cell -> Body in
                    switch (index, cell) {
                    case (5, .empty): return .text(row.attainment.missing ?? "—")
                    case (8, .empty): return .text(row.perGDP.missing ?? "—")
                    case (9, .empty): return .text(row.perCapita.missing ?? "—")
                    case (2, .number(let year)): return .text(String(Int(year)))
                    case (_, .number(let value)): return .text(Figure.text(value))
                    case (_, .text(let text)): return .text(text)
                    case (_, .empty): return .text("—")
                    }
                }
            }, class: "grid comparison"))
            body.append(H.p([
                H.link(SitePath.compareXlsx(d.code).path + "?" + model.queryString, "下载对比表 .xlsx"),
            ]))
            return Layout.page("\(d.name) · 地区对比", context, body)
        }
    }
}
