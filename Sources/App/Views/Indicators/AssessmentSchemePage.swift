import PlanDomain
import Plot

/// 考核方案: every item with its group, name and points; the office's own
/// items can be removed, and new ones added at the bottom.
enum AssessmentSchemePage {
    struct View {
        var context: PageContext
        var place: Jurisdiction
        var year: Int
        var scheme: AssessmentScheme
        var error: String?

        var html: HTML {
            let code = place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(place.name) · \(year)年考核方案"),
                PlaceTabs.tabs(place: code, year: year, current: .assessment, context: context),
                H.paragraph("计算项按报送和目标数据自动打分（满分为分值）；人工项由科技局按依据打分。新增的考核项为人工项。当前共 \(Format.number(scheme.total)) 分。", class: "hint"),
            ]
            if let error { body.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            var rows: [[Body]] = scheme.items.enumerated().map { index, item in
                [
                    H.input([.name("group.\(index)"), .value(item.group), .ariaLabel("\(item.name)分组")]),
                    H.input([.name("name.\(index)"), .value(item.name), .ariaLabel("第\(index + 1)项名称")]),
                    H.input([.name("points.\(index)"), .value(Format.number(item.points)), .size(5), .inputmode("decimal"), .ariaLabel("\(item.name)分值")]),
                    .text(item.measure.title),
                    item.measure == .manual
                        ? H.label([H.input([.type("checkbox"), .name("remove.\(index)"), .value("1")]), .text("删除")])
                        : .text(""),
                ]
            }
            rows += (0..<AssessmentSchemeController.newRows).map { row in
                [
                    H.input([.name("group.new\(row)"), .placeholder("加分与特色"), .ariaLabel("新增项\(row + 1)分组")]),
                    H.input([.name("name.new\(row)"), .placeholder("新增考核项名称"), .ariaLabel("新增项\(row + 1)名称")]),
                    H.input([.name("points.new\(row)"), .size(5), .inputmode("decimal"), .ariaLabel("新增项\(row + 1)分值")]),
                    .text("人工评分"), .text(""),
                ]
            }
            body.append(H.form(SitePath.saveAssessmentScheme(code).path, [
                H.hidden("year", "\(year)"),
                H.table(headers: ["分组", "考核项", "分值", "计分方式", ""], rows: rows, class: "grid scheme"),
                H.button("保存考核方案"),
            ]))
            body.append(H.p([H.link(SitePath.assessmentPage(code).path + "?year=\(year)", "返回年终考核")]))
            return Layout.page("考核方案", context, body)
        }
    }
}
