import Foundation
import Plot

enum MyTasksPage {
    struct View {
        var unitName: String
        var tasks: [MyTasksController.TaskDTO]
        var context: PageContext

        var html: HTML {
            var body: [Body] = [H.heading(1, "我的任务"), H.paragraph("\(unitName)在已发布计划中承担的任务：共 \(tasks.count) 项。", class: "hint")]
            var currentPlan: UUID?
            var cards: [Body] = []
            for task in tasks {
                if task.planID != currentPlan {
                    currentPlan = task.planID
                    cards.append(H.h2([H.link(SitePath.planPage(task.planID).path, task.planTitle)]))
                }
                var parts: [Body] = [
                    H.div(class: "node task", [
                        H.span(class: "label", [.text(task.key)]),
                        H.span(class: "title", [.text(task.title)]),
                    ]),
                    H.div(class: "meta", [
                        H.span(class: "role", [.text(task.roles.map { $0.title + "单位" }.joined(separator: "、"))]),
                        task.deadline.map { H.span(class: "deadline", [.text("完成时限：\($0)")]) } ?? .empty,
                    ]),
                ]
                if !task.targets.isEmpty {
                    parts.append(H.ul(class: "targets", task.targets.map { H.li([.text("目标：\($0)")]) }))
                }
                cards.append(H.article([.class("card my-task"), .data("key", task.key)], parts))
            }
            if tasks.isEmpty { body.append(H.paragraph("暂无任务：本单位还没有出现在已发布的计划中。", class: "empty")) }
            body += cards
            return Layout.page("我的任务", context, body)
        }
    }
}
