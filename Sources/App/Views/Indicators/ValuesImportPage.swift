import Plot

/// 导入实际值: download the template, fill it in, upload it; every problem
/// of a refused file is listed with its row.
enum ValuesImportPage {
    struct View {
        var context: PageContext
        var place: Jurisdiction
        var problems: [String]
        var year: Int

        var html: HTML {
            let code = place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(place.name) · 导入实际值"),
                PlaceTabs.tabs(place: code, year: year, current: .importValues, context: context),
                H.paragraph("一行一个数值：地区代码或地区名称、指标代码或指标名称、年份、月份（累计到该月；基础数据可不填，按年末）、数值、备注。可导入本地区和下级地区的数值；导入的数值与录入、报送的数值并列保存，不覆盖任何已有数值。有任何一行不对，整个文件不导入。", class: "hint"),
                H.p([H.link(SitePath.valuesTemplate(code).path, "下载模板 .xlsx")]),
            ]
            if !problems.isEmpty {
                body.append(H.div([.class("error"), .role("alert"), .data("problems", "\(problems.count)")], [
                    H.paragraph("未导入任何数值，请修改后重新上传："),
                    H.ul(problems.map { H.li([.text($0)]) }),
                ]))
            }
            body.append(H.form(SitePath.importValues(code).path, class: "card narrow", multipart: true, [
                H.input("file", type: "file", label: "实际值表（.xlsx）", required: true, extra: [.accept(".xlsx")]),
                H.button("上传并导入"),
            ]))
            body.append(H.p([H.link(SitePath.placeIndicatorsPage(code).path, "返回指标总览")]))
            return Layout.page("导入实际值", context, body)
        }
    }
}
