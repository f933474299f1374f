import PlanDomain
import Plot

/// 综合考评: the places ranked by the scheme, each cell the item's points
/// with how they were reached; the manual items' figures as a form.
enum EvaluationPage {
    struct View {
        var result: EvaluationBook.Result
        var canEdit: Bool
        var context: PageContext

        var html: HTML {
            let place = result.place.id ?? ""
            let scheme = result.scheme
            var body: [Body] = [
                H.heading(1, "\(result.place.name)\(result.year)年综合考评"),
                PlaceTabs.tabs(place: place, year: result.year, current: .evaluation, context: context),
                PlaceTabs.yearForm(SitePath.evaluationPage(place).path, year: result.year),
                H.paragraph("按“\(scheme.name)”评分（\(scheme.items.count) 项，基本分 \(Format.number(scheme.basePoints)) 分）；比率由分子、分母计算（如研发经费 ÷ 地区生产总值），来自各地录入的基础数据和指标实际值。每格为得分，其下为计算过程。", class: "hint"),
                H.p([
                    H.link(SitePath.evaluationSchemePage(place).path + "?year=\(result.year)", "考评方案", class: "button secondary"),
                    .text(" "),
                    H.link(SitePath.evaluationXlsx(place).path + "?year=\(result.year)", "下载考评结果 .xlsx", class: "button secondary"),
                ]),
            ]
            guard !result.places.isEmpty else {
                body.append(H.paragraph("本地区没有下级地区。", class: "empty"))
                return Layout.page("综合考评", context, body)
            }
            let headers = ["名次", "地区"] + scheme.items.map { "\($0.name)（\(Format.number($0.points))分）" } + ["总分"]
            body.append(H.table(headers: headers, rows: result.places.map { p in
                [.text("\(p.rank)"), H.link(SitePath.baseDataPage(p.code).path + "?year=\(result.year)", p.name)]
                    + scheme.items.map { item -> Body in
                        let score = p.score(of: item.key)
                        return H.div(class: "score", [
                            H.strong([.text(Figure.text(score?.points) + "分")]),
                            H.span(class: "explain", [.text(score?.explanation ?? "")]),
                        ])
                    }
                    + [H.strong([.text(Figure.text(p.total))])]
            }, class: "grid evaluation"))
            let manual = scheme.items.filter(\.isManual)
            if canEdit && !manual.isEmpty {
                var rows: [[Body]] = []
                for p in result.places.sorted(by: { $0.code < $1.code }) {
                    rows.append([.text(p.name)] + manual.flatMap { item -> [Body] in
                        let input = result.inputs[p.code]?[item.key]
                        return [
                            H.input([.name("v|\(item.key)|\(p.code)"), .value(input?.value.map(Format.number)), .size(8), .inputmode("decimal"),
                                     .ariaLabel("\(p.name)\(item.name)")]),
                            H.input([.name("t|\(item.key)|\(p.code)"), .value(input?.target.map(Format.number)), .size(8), .inputmode("decimal"),
                                     .ariaLabel("\(p.name)\(item.name)目标")]),
                        ]
                    })
                }
                body.append(H.form(SitePath.saveEvaluationInputs(place).path, class: "manual-inputs", [
                    H.heading(2, "手工项数字"),
                    H.hidden("year", "\(result.year)"),
                    H.table(headers: ["地区"] + manual.flatMap { ["\($0.name)", "\($0.name)目标"] }, rows: rows, class: "grid"),
                    H.button("保存手工项数字"),
                ]))
            }
            return Layout.page("综合考评", context, body)
        }
    }
}
