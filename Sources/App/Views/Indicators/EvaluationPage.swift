import PlanDomain
import Plot

enum EvaluationPage {
    struct View {
        var result: EvaluationController.Result
        var context: PageContext

        var html: HTML {
            let place = result.place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(result.place.name)\(result.year)年综合考评"),
                PlaceTabs.tabs(place: place, year: result.year, current: .evaluation, context: context),
                PlaceTabs.yearForm(SitePath.evaluationPage(place).path, year: result.year),
                H.paragraph("各项取下级地区中的最高值得满分，其余按与最高值的比例得分；比率由分子、分母计算（如研发经费 ÷ 地区生产总值），分子分母来自各地录入的基础数据和指标实际值。", class: "hint"),
                H.p([H.link(SitePath.evaluationXlsx(place).path + "?year=\(result.year)", "下载考评结果 .xlsx", class: "button secondary")]),
            ]
            guard !result.places.isEmpty else {
                body.append(H.paragraph("本地区没有下级地区。", class: "empty"))
                return Layout.page("综合考评", context, body)
            }
            let headers = ["名次", "地区"] + result.items.map { "\($0.definition.name)（\(Format.number($0.item.weight))分）" } + ["总分"]
            body.append(H.table(headers: headers, rows: result.places.map { p in
                [.text("\(p.rank)"), H.link(SitePath.baseDataPage(p.code).path + "?year=\(result.year)", p.name)]
                    + result.items.map { pair -> Body in
                        let value = p.values[pair.item.code]
                        return .text(value == nil ? "—" : "\(Figure.text(value, pair.definition.unit)) / \(Figure.text(p.points[pair.item.code]))分")
                    }
                    + [H.strong([.text(Figure.text(p.total))])]
            }, class: "grid evaluation"))
            return Layout.page("综合考评", context, body)
        }
    }
}
