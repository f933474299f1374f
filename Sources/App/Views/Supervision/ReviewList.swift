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
        /// The unit filtered on, and the units that have reports (the filter's choices).
        var unit: UUID? = nil
        var reportingUnits: [UUID] = []
        var total = 0
        var pageNumber = 1
        var pageSize = 50
        /// Each report's figures by target, the target rows of its task, and
        /// the unit's figures in its latest earlier report (上期值).
        var values: [UUID: [UUID: Double]] = [:]
        var previousValues: [UUID: [UUID: Double]] = [:]
        var targets: [UUID: [TargetRecord]] = [:]

        /// The filters as a query string, for the pager.
        func query(page: Int) -> String {
            var parts: [String] = []
            if let period { parts.append("period=\(period.key)") }
            if let state { parts.append("state=\(state)") }
            if let unit { parts.append("unit=\(unit.uuidString)") }
            parts.append("page=\(page)")
            return parts.joined(separator: "&")
        }
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let planID = model.plan.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.heading(1, "报告审核"),
                PlanTabs.tabs(planID: planID, current: .planReportsPage, canEdit: model.canReview),
                H.getForm(SitePath.planReportsPage(planID).path, class: "filters", [
                    H.select("period", label: "报送期", options: [("", "全部")] + model.calendar.periods.map { ($0.key, $0.title + (model.closed.contains($0.key) ? "（已关闭）" : "")) },
                             selected: model.period?.key),
                    H.select("state", label: "状态", options: [("all", "全部"), ("submitted", "待审核"), ("returned", "已退回"), ("accepted", "已采纳")], selected: model.state),
                    H.select("unit", label: "单位", options: [("", "全部")] + model.reportingUnits.map { ($0.uuidString, model.unitNames[$0] ?? "") },
                             selected: model.unit?.uuidString),
                    H.button("筛选", class: "button secondary"),
                ]),
            ]
            let selectable = model.canReview && model.reports.contains { $0.state == .submitted }
            if selectable {
                // The checkboxes on the cards belong to this form (`form="select"`): cards hold forms of their own.
                body.append(H.form(SitePath.acceptSelectedReports(planID).path, class: "actions", id: "select", [
                    H.hidden("back", SitePath.planReportsPage(planID).path + "?" + model.query(page: model.pageNumber)),
                    H.button("采纳所选报告…", class: "button secondary"),
                ]))
            }
            let first = (model.pageNumber - 1) * model.pageSize
            body.append(H.paragraph(model.total == 0 ? "共 0 份报告。"
                : "共 \(model.total) 份报告，本页第 \(first + 1)–\(first + model.reports.count) 份。", class: "hint"))
            if model.reports.isEmpty { body.append(H.paragraph("没有符合条件的报告。", class: "empty")) }
            for report in model.reports {
                let node = model.nodes[report.$node.id]
                let period = ReportingPeriod(key: report.period)
                let timeliness = period.map { model.calendar.timeliness(of: report.fact, for: $0, now: model.now) }
                var children: [Body] = [
                    H.div(class: "meta", [
                        selectable && report.state == .submitted
                            ? H.label(class: "pick", [
                                H.input([.type("checkbox"), .name("report[]"), .value(report.linkID.uuidString), .form("select")]),
                                .text("选择"),
                            ])
                            : .empty,
                        H.strong([.text(period?.title ?? report.period)]),
                        H.span([.text(model.unitNames[report.$unit.id] ?? "")]),
                        H.span([.class("state state-\(report.state.rawValue)")], [.text(report.state.title)]),
                        timeliness.map { H.span([.class("timeliness t-\($0.rawValue)")], [.text($0.title)]) } ?? .empty,
                    ]),
                    H.div(class: "node task", [
                        H.span(class: "label", [.text(node?.key ?? "")]),
                        H.link(SitePath.taskPage(planID, report.$node.id).path, node?.title ?? "", class: "title"),
                    ]),
                    H.paragraph(report.narrative),
                ]
                var facts: [String] = []
                if let percent = report.percent { facts.append("进度 \(Format.number(percent))%") }
                if let milestone = report.milestone { facts.append("节点：\(milestone)") }
                if report.completionProposed { facts.append("申请办结") }
                if !facts.isEmpty { children.append(H.paragraph(facts.joined(separator: "；"), class: "facts")) }
                if let id = report.id, let targets = model.targets[report.$node.id], !targets.isEmpty {
                    let values = model.values[id] ?? [:], previous = model.previousValues[id] ?? [:]
                    children.append(H.ul(class: "figures", targets.compactMap { target -> Body? in
                        guard let targetID = target.id else { return nil }
                        let name = target.metric.isEmpty ? target.text : target.metric
                        let now = values[targetID].map { Format.number($0) + target.unit } ?? "未填"
                        let last = previous[targetID].map { "，上期 " + Format.number($0) + target.unit } ?? ""
                        return H.li([.text("\(name)：\(now)（目标 \(Format.number(target.value))\(target.unit)\(last)）")])
                    }))
                }
                if let comment = report.reviewComment { children.append(H.paragraph("审核意见：\(comment)", class: "hint")) }
                if model.canReview && report.state == .submitted {
                    children.append(ReviewForms.forms(planID: planID, reportID: report.linkID))
                }
                body.append(H.article([.class("card report"), .data("key", node?.key ?? ""), .data("state", report.state.rawValue)], children))
            }
            var pager: [Body] = []
            let path = SitePath.planReportsPage(planID).path
            if model.pageNumber > 1 { pager.append(H.link(path + "?" + model.query(page: model.pageNumber - 1), "上一页")) }
            if model.pageNumber * model.pageSize < model.total { pager.append(H.link(path + "?" + model.query(page: model.pageNumber + 1), "下一页")) }
            if !pager.isEmpty { body.append(H.nav(class: "pager", pager)) }
            return Layout.page("报告审核", context, body)
        }
    }
}

extension ReviewList {
    /// 采纳所选, second step: the reports to be accepted, and the button that does it.
    struct Confirmation {
        var model: Model
        var back: String
        var context: PageContext

        var html: HTML {
            let planID = model.plan.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.heading(1, "确认采纳 \(model.reports.count) 份报告"),
            ]
            if model.reports.isEmpty {
                body.append(H.paragraph("所选报告都已不在待审核状态。", class: "empty"))
            } else {
                body.append(H.table(headers: ["报送期", "单位", "任务", "进展情况"], rows: model.reports.map { report in
                    let node = model.nodes[report.$node.id]
                    return [
                        .text(ReportingPeriod(key: report.period)?.title ?? report.period), .text(model.unitNames[report.$unit.id] ?? ""),
                        .text("\(node?.key ?? "") \(node?.title ?? "")"), .text(String(report.narrative.prefix(80))),
                    ]
                }))
                body.append(H.form(SitePath.acceptSelectedReports(planID).path, class: "actions", model.reports.map {
                    H.hidden("report[]", $0.linkID.uuidString)
                } + [H.hidden("confirm", "yes"), H.hidden("back", back), H.button("确认采纳 \(model.reports.count) 份")]))
            }
            body.append(H.link(back, "返回，不采纳", class: "button secondary"))
            return Layout.page("确认采纳", context, body)
        }
    }
}

/// The links between a plan's pages.
enum PlanTabs {
    static func tabs(planID: UUID, current: SiteRoute, canEdit: Bool) -> Body {
        var items: [(SitePath, String)] = [
            (.planPage(planID), "计划"), (.dashboardPage(planID), "看板"), (.planReportsPage(planID), "报告审核"),
            (.breakdownPage(planID), "任务分解表"), (.noticesPage(planID), "督办单"), (.bulletinsPage(planID), "通报"),
            (.meetingsPage(planID), "会议议定"),
        ]
        if canEdit { items.append((.calendarPage(planID), "报送日历")) }
        return H.nav(class: "tabs", items.map { link, title in
            H.link(link.path, title, class: link.route == current ? "tab current" : "tab")
        })
    }
}
