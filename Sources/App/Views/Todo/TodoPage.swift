import Foundation
import PlanDomain
import Plot

/// 待办: what waits for the office, each line a link to where it is done.
enum TodoPage {
    struct Closing {
        var plan: PlanRecord
        var period: ReportingPeriod
        var deadline: CivilDate
        var days: Int
    }

    struct Model {
        var pending: [(PlanRecord, Int)]
        var proposed: [(PlanRecord, Int)]
        var closing: [Closing]
        var drafts: [PlanRecord]

        var isEmpty: Bool { pending.isEmpty && proposed.isEmpty && closing.isEmpty && drafts.isEmpty }
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            var body: [Body] = [H.heading(1, "待办")]
            if model.isEmpty { body.append(H.paragraph("目前没有待办事项。", class: "empty")) }
            func section(_ title: String, _ items: [Body]) {
                guard !items.isEmpty else { return }
                body.append(H.section(class: "card todo", [H.heading(2, title), H.ul(class: "todo-list", items)]))
            }
            section("待审核的报告", model.pending.map { plan, count in
                H.li([H.link(SitePath.planReportsPage(plan.linkID).path, "\(plan.displayTitle)：\(count) 份待审核")])
            })
            section("待签发的督办单", model.proposed.map { plan, count in
                H.li([H.link(SitePath.noticesPage(plan.linkID).path, "\(plan.displayTitle)：\(count) 份待签发")])
            })
            section("即将截止的报送期", model.closing.map { c in
                let when = c.days == 0 ? "今天截止" : "\(c.deadline.month)月\(c.deadline.day)日截止（还有 \(c.days) 天）"
                return H.li([H.link(SitePath.planReportsPage(c.plan.linkID).path + "?period=\(c.period.key)&state=all",
                                              "\(c.plan.displayTitle)：\(c.period.title)报送\(when)")])
            })
            section("未发布的计划", model.drafts.map { plan in
                H.li([H.link(SitePath.reviewPage(plan.linkID).path, "\(plan.displayTitle)：校对、匹配单位后发布")])
            })
            return Layout.page("待办", context, body)
        }
    }
}
