import Foundation
import PlanDomain
import Plot

/// 报告审核: a plan's reports, newest period first, with accept / return.
enum ReviewList {
    struct Model {
        var plan: PlanRecord
        var calendar: ReportingCalendar
        var period: ReportingPeriod?
        var state: String?
        var reports: [ProgressReport]
        var nodes: [UUID: NodeRecord]
        var unitNames: [UUID: String]
        var closed: Set<String>
        var canReview: Bool
        var now: Date
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let planID = model.plan.linkID
            var body: [Body] = [
                H.el("p", class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.heading(1, "报告审核"),
                PlanTabs.tabs(planID: planID, current: .planReportsPage, canEdit: model.canReview),
                H.getForm(SitePath.planReportsPage(planID).path, class: "filters", [
                    H.select("period", label: "报送期", options: [("", "全部")] + model.calendar.periods.map { ($0.key, $0.title + (model.closed.contains($0.key) ? "（已关闭）" : "")) },
                             selected: model.period?.key),
                    H.select("state", label: "状态", options: [("", "全部"), ("submitted", "待审核"), ("returned", "已退回"), ("accepted", "已采纳")], selected: model.state),
                    H.button("筛选", class: "button secondary"),
                ]),
            ]
            let pending = model.reports.filter { $0.state == .submitted }.count
            body.append(H.paragraph("共 \(model.reports.count) 份报告，待审核 \(pending) 份。", class: "hint"))
            if model.reports.isEmpty { body.append(H.paragraph("没有符合条件的报告。", class: "empty")) }
            for report in model.reports {
                let node = model.nodes[report.$node.id]
                let period = ReportingPeriod(key: report.period)
                let timeliness = period.map { model.calendar.timeliness(of: report.fact, for: $0, now: model.now) }
                var children: [Body] = [
                    H.el("div", class: "meta", [
                        H.el("strong", [], [.text(period?.title ?? report.period)]),
                        H.el("span", [], [.text(model.unitNames[report.$unit.id] ?? "")]),
                        H.el("span", [("class", "state state-\(report.state.rawValue)")], [.text(report.state.title)]),
                        timeliness.map { H.el("span", [("class", "timeliness t-\($0.rawValue)")], [.text($0.title)]) } ?? .empty,
                    ]),
                    H.el("div", class: "node task", [
                        H.el("span", class: "label", [.text(node?.key ?? "")]),
                        H.link(SitePath.taskPage(planID, report.$node.id).path, node?.title ?? "", class: "title"),
                    ]),
                    H.paragraph(report.narrative),
                ]
                var facts: [String] = []
                if let percent = report.percent { facts.append("进度 \(Format.number(percent))%") }
                if let milestone = report.milestone { facts.append("节点：\(milestone)") }
                if report.completionProposed { facts.append("申请办结") }
                if !facts.isEmpty { children.append(H.paragraph(facts.joined(separator: "；"), class: "facts")) }
                if let comment = report.reviewComment { children.append(H.paragraph("审核意见：\(comment)", class: "hint")) }
                if model.canReview && report.state == .submitted {
                    children.append(ReviewForms.forms(planID: planID, reportID: report.linkID))
                }
                body.append(H.el("article", [("class", "card report"), ("data-key", node?.key ?? ""), ("data-state", report.state.rawValue)], children))
            }
            return Layout.page("报告审核", context, body)
        }
    }
}

/// The links between a plan's pages.
enum PlanTabs {
    static func tabs(planID: UUID, current: SiteRoute, canEdit: Bool) -> Body {
        var items: [(SitePath, String)] = [
            (.planPage(planID), "计划"), (.dashboardPage(planID), "看板"), (.planReportsPage(planID), "报告审核"),
            (.breakdownPage(planID), "任务分解表"), (.noticesPage(planID), "督办单"), (.bulletinsPage(planID), "通报"),
        ]
        if canEdit { items.append((.calendarPage(planID), "报送日历")) }
        return H.el("nav", class: "tabs", items.map { link, title in
            H.link(link.path, title, class: link.route == current ? "tab current" : "tab")
        })
    }
}
