import PlanDomain
import Plot

enum AssessmentPage {
    struct Model {
        var place: Jurisdiction
        var book: AssessmentBook
        var canEdit: Bool
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let place = model.place.id ?? ""
            let book = model.book
            var body: [Body] = [
                H.heading(1, "\(model.place.name)\(book.year)年度考核"),
                PlaceTabs.tabs(place: place, year: book.year, current: .assessment, context: context),
                PlaceTabs.yearForm(SitePath.assessmentPage(place).path, year: book.year),
                H.paragraph("考核方案共 \(Format.number(book.scheme.total)) 分：" + book.scheme.items.map { "\($0.group)·\($0.name) \(Format.number($0.points)) 分（\($0.measure.title)）" }.joined(separator: "；")
                    + "。系统按本年度计划的报送和完成情况算出各项得分；办公室可改定最终得分，人工评分项由单位自评、办公室核定。", class: "hint"),
                H.p([
                    H.link(SitePath.assessmentXlsx(place).path + "?year=\(book.year)", "下载考核排名 .xlsx", class: "button secondary"),
                    // Only for whom may change it: a leader would get 403.
                    model.canEdit ? .text(" ") : .empty,
                    model.canEdit ? H.link(SitePath.assessmentSchemePage(place).path + "?year=\(book.year)", "调整考核方案", class: "button secondary") : .empty,
                ]),
            ]
            guard !book.units.isEmpty else {
                body.append(H.paragraph("这一年本地区没有已发布计划中的单位。", class: "empty"))
                return Layout.page("年度考核", context, body)
            }
            let headers = ["名次", "单位"] + book.scheme.items.map { "\($0.name)（\(Format.number($0.points))）" } + ["自评", "得分"]
            body.append(H.table(headers: headers, rows: book.units.map { u in
                [H.span([.data("rank", "\(u.rank)")], [.text("\(u.rank)")]), .text(u.name)]
                    + u.items.map { $0.applies ? .text(Figure.text($0.finalScore)) : H.span(class: "not-applicable", [.text("不适用")]) }
                    + [.text(Figure.text(u.selfTotal)), .group([H.strong([.text(Figure.text(u.finalTotal))]), Self.scaleNote(u)])]
            }, class: "grid ranking"))
            body.append(H.paragraph("“不适用”：该单位在这一项上没有可评的记录（例如没有量化目标、没有到期的报送），且未人工评分；此项不计入，其余各项按满分折算（得分 = 适用项得分之和 × 满分 ÷ 适用项分值之和，括号内为折算系数）。人工评分后此项即计入。", class: "hint"))
            if model.canEdit {
                body.append(H.heading(2, "评分"))
                body.append(H.paragraph("留空的最终得分按系统计算；填写后以填写为准。", class: "hint"))
                let rows: [[Body]] = book.units.flatMap { u in
                    u.items.map { r -> [Body] in
                        let key = "\(u.key)|\(r.item.id)"
                        let manualFinal = r.computed == nil || abs(r.finalScore - (r.computed ?? -1)) > 1e-9
                        return [
                            .text(u.name), .text(r.item.name), .text(Figure.text(r.computed)),
                            H.input([.name("self|\(key)"), .value(r.selfScore.map(Format.number) ?? ""), .size(5), .ariaLabel("\(u.name)\(r.item.name)自评")]),
                            H.input([.name("final|\(key)"), .value(manualFinal && r.finalScore > 0 ? Format.number(r.finalScore) : ""), .size(5), .ariaLabel("\(u.name)\(r.item.name)最终得分")]),
                            H.input([.name("evidence|\(key)"), .value(r.evidence), .ariaLabel("\(u.name)\(r.item.name)依据")]),
                        ]
                    }
                }
                body.append(H.form(SitePath.saveAssessmentScores(place).path, class: "scores-form", [
                    H.hidden("year", "\(book.year)"),
                    H.table(headers: ["单位", "项目", "系统计算", "自评", "最终得分", "依据"], rows: rows, class: "grid scores"),
                    H.button("保存评分"),
                ]))
            }
            return Layout.page("年度考核", context, body)
        }

        /// "（×1.43）" beside a total scaled from the items that apply.
        static func scaleNote(_ u: UnitAssessment) -> Body {
            guard let scale = u.scale, abs(scale - 1) > 1e-9 else { return .empty }
            return .text("（×\(Format.number((scale * 100).rounded() / 100))）")
        }
    }
}
