import Foundation
import PlanDomain
import Plot

/// 督办单: proposed by the rules, issued by the office, answered by units.
enum NoticesPage {
    struct View {
        var plan: PlanRecord
        var notices: [SupervisionNotice]
        var nodes: [UUID: NodeRecord]
        var unitNames: [UUID: String]
        var canIssue: Bool
        var today: CivilDate
        var context: PageContext

        var html: HTML {
            let planID = plan.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, plan.displayTitle)]),
                H.heading(1, "督办单"),
                PlanTabs.tabs(planID: planID, current: .noticesPage, canEdit: canIssue),
                H.paragraph("规则每天检查：连续未报、连续滞后、第四季度仍有风险等情形会提出蓝色、黄色或红色督办单，由办公室签发并写明回复期限。", class: "hint"),
            ]
            if canIssue {
                body.append(H.form(SitePath.apiRunEscalations.path, class: "inline", [H.button("立即检查提醒与督办", class: "button secondary")]))
            }
            if notices.isEmpty { body.append(H.paragraph("暂无督办单。", class: "empty")) }
            for notice in notices {
                let node = nodes[notice.$node.id]
                var children: [Body] = [
                    H.div(class: "meta", [
                        H.strong([.class("notice-level level-\(notice.level.key)")], [.text(notice.level.title)]),
                        H.span([.text(unitNames[notice.$unit.id] ?? "")]),
                        H.span([.text(ReportingPeriod(key: notice.period)?.title ?? notice.period)]),
                        H.span([.class("state notice-\(notice.status.rawValue)")], [.text(notice.status.title)]),
                    ]),
                    H.div(class: "node task", [
                        H.span(class: "label", [.text(node?.key ?? "")]),
                        H.link(SitePath.taskPage(planID, notice.$node.id).path, node?.title ?? "", class: "title"),
                    ]),
                    H.paragraph(notice.reasons),
                ]
                if let replyBy = notice.replyBy { children.append(H.paragraph("回复期限：\(replyBy)（\(notice.issuedBy ?? "")签发）", class: "hint")) }
                if let reply = notice.reply { children.append(H.paragraph("单位回复：\(reply)", class: "facts")) }
                if canIssue && notice.status == .proposed {
                    children.append(H.form(SitePath.issueNotice(planID, notice.linkID).path, class: "inline", [
                        H.input("replyBy", value: today.adding(days: 7).iso, type: "date", label: "回复期限"),
                        H.button("签发", name: "action", value: "issue"),
                        H.button("不予签发", class: "button secondary", name: "action", value: "dismiss"),
                    ]))
                }
                body.append(H.article([.class("card notice"), .data("status", notice.status.rawValue), .data("level", notice.level.key)], children))
            }
            return Layout.page("督办单", context, body)
        }
    }
}
