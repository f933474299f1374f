import PlanDomain
import Plot

/// 考评方案: the items the place's counties are scored on, with points and
/// scoring rules; the office downloads it as .xlsx, edits it in a
/// spreadsheet as its province publishes it, and uploads it back.
enum EvaluationSchemePage {
    struct View {
        var place: Jurisdiction
        var year: Int
        var scheme: EvaluationScheme
        var isOwn: Bool
        var canEdit: Bool
        var error: String?
        var context: PageContext

        var html: HTML {
            let code = place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(place.name) · 综合考评方案"),
                PlaceTabs.tabs(place: code, year: year, current: .evaluation, context: context),
                H.paragraph("\(scheme.name)：共 \(scheme.items.count) 项，基本分 \(Format.number(scheme.basePoints)) 分（加分、减分项另计）。"
                            + (isOwn ? "本地区导入的方案。" : "系统内置方案（随州 2025 §三(三) 七项比率指标，最高值得满分，其余按比例）。"), class: "hint"),
            ]
            if let error { body.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            body.append(H.table(headers: ["序号", "考评项目", "类别", "指标代码 / 任务", "分值", "计分方法", "参数", "说明"], rows: scheme.items.map { item in
                let source: String = switch item.source {
                case .indicator(let indicator): indicator
                case .taskGroup(let key): key
                case .manual: "—"
                }
                return [.text(item.key), .text(item.name), .text(item.sourceTitle), .text(source), .text(Format.number(item.points)),
                        .text(item.rule.title), .text(item.parametersText.isEmpty ? "—" : item.parametersText), .text(item.note)]
            }, class: "grid scheme"))
            body.append(H.p([H.link(SitePath.evaluationSchemeXlsx(code).path + "?year=\(year)", "下载考评方案 .xlsx", class: "button secondary")]))
            if canEdit {
                body.append(H.form(SitePath.importEvaluationScheme(code).path + "?year=\(year)", class: "card narrow", multipart: true, [
                    H.heading(2, "导入考评方案"),
                    H.paragraph("表头：序号、考评项目、类别（指标 / 任务 / 手工 / 加分项 / 减分项）、指标代码、分值、计分方法（达标得满分、按完成比例计分、按排名计分、最高值得满分其余按比例、对标基准值、按增幅计分、加分、减分）、参数、说明。整表无误才导入，否则不作任何改动。", class: "hint"),
                    H.input("file", type: "file", label: "考评方案（.xlsx）", required: true, extra: [.accept(".xlsx")]),
                    H.button("上传并替换方案"),
                ]))
                if isOwn {
                    body.append(H.form(SitePath.importEvaluationScheme(code).path + "?year=\(year)", class: "inline", multipart: true, [
                        H.hidden("reset", "1"), H.button("恢复系统内置方案", class: "button secondary small"),
                    ]))
                }
            }
            body.append(H.p([H.link(SitePath.evaluationPage(code).path + "?year=\(year)", "返回综合考评")]))
            return Layout.page("综合考评方案", context, body)
        }
    }
}
