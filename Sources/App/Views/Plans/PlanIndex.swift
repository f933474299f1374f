import Foundation
import Plot

enum PlanIndex {
    struct Model {
        var plans: [PlanRecord]
        var jurisdictionNames: [String: String]
        var canImport: Bool
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            var body: [Body] = [H.heading(1, "工作计划")]
            if model.canImport {
                body.append(H.p([H.link(SitePath.importPage.path, "导入新计划", class: "button")]))
            }
            if model.plans.isEmpty {
                body.append(H.paragraph("还没有可查看的计划。", class: "empty"))
            } else {
                body.append(H.table(
                    headers: ["计划", "行政区划", "年度", "文号", "状态", "版本", ""],
                    rows: model.plans.map { plan in
                        let id = plan.linkID
                        return [
                            H.link(SitePath.planPage(id).path, plan.displayTitle),
                            .text(model.jurisdictionNames[plan.jurisdictionCode] ?? plan.jurisdictionCode),
                            .text(plan.year.map(String.init) ?? "—"),
                            .text(plan.docNumber ?? "—"),
                            H.span(class: "status status-\(plan.status.rawValue)", [.text(plan.status.title)]),
                            .text(plan.version == 0 ? "—" : "第 \(plan.version) 版"),
                            H.link(SitePath.breakdownPage(id).path, "任务分解表"),
                        ]
                    }))
            }
            return Layout.page("工作计划", context, body)
        }
    }
}
