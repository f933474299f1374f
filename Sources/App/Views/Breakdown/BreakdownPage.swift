import Foundation
import PlanDomain
import Plot

enum BreakdownPage {
    struct Model {
        var plan: PlanRecord
        /// Every row the account may see, for the filter choices.
        var full: BreakdownTable
        var shown: BreakdownTable
        var filter: BreakdownController.Filter
        var canUpload: Bool
        var query: String?
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let id = model.plan.linkID
            let rows = model.full.rows
            let units = ordered(rows.flatMap { $0.leadUnits + $0.responsibleUnits + $0.cooperatingUnits })
            let leaders = ordered(rows.flatMap(\.leaders))
            let sections = rows.filter { !$0.isTask && !$0.number.contains("/") }
            let exportPath = SitePath.breakdownXlsx(id).path + (model.query.map { "?" + $0 } ?? "")
            var body: [Body] = [
                H.heading(1, "任务分解表：\(model.plan.displayTitle)"),
                H.getForm(SitePath.breakdownPage(id).path, class: "filters", [
                    H.select("unit", label: "单位", options: [("", "全部单位")] + units.map { ($0, $0) }, selected: model.filter.unit ?? ""),
                    H.select("leader", label: "分管领导", options: [("", "全部领导")] + leaders.map { ($0, $0) }, selected: model.filter.leader ?? ""),
                    H.select("section", label: "章节", options: [("", "全部章节")] + sections.map { ($0.number, "\($0.number) \($0.task)") }, selected: model.filter.section ?? ""),
                    H.button("筛选", class: "small"),
                ]),
                H.div(class: "actions", [
                    H.link(exportPath, "导出 Excel（.xlsx）", class: "button"),
                    H.link(SitePath.planPage(id).path, "返回计划", class: "button secondary"),
                ]),
                H.paragraph("共 \(model.shown.rows.filter(\.isTask).count) 项任务。", class: "hint"),
                H.cardTable(
                    headers: ["序号", "任务", "牵头单位", "责任单位", "配合单位", "分管领导", "目标", "完成时限"],
                    rows: model.shown.rows.map { row in
                        [
                            .text(row.number), row.isTask ? .text(row.task) : H.strong([.text(row.task)]),
                            .text(row.leadUnits.joined(separator: "、")), .text(row.responsibleUnits.joined(separator: "、")),
                            .text(row.cooperatingUnits.joined(separator: "、")), .text(row.leaders.joined(separator: "、")),
                            H.div(class: "lines", row.targets.map { H.div([.text($0)]) }),
                            .text(row.deadline ?? ""),
                        ]
                    }, class: "grid breakdown"),
            ]
            if model.canUpload {
                body.append(H.form(SitePath.uploadBreakdown(id).path, class: "card narrow", multipart: true, [
                    H.heading(3, "用 Excel 更新计划"),
                    H.paragraph("上传按本表表头填写的 .xlsx，计划的条目、单位、目标和时限将按表格更新\(model.plan.status == .draft ? "" : "，并生成新版本")。", class: "hint"),
                    H.input("file", type: "file", label: "任务分解表", required: true, extra: [.accept(".xlsx")]),
                    H.button("上传并更新", class: "small"),
                ]))
            }
            return Layout.page("任务分解表", context, body)
        }

        private func ordered(_ names: [String]) -> [String] {
            var seen = Set<String>()
            return names.filter { seen.insert($0).inserted }
        }
    }
}
