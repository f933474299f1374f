import Foundation
import PlanDomain
import Plot

/// 通报: the plan's bulletins (drafts, issued and withdrawn), and the form to
/// draft the next.
enum BulletinsPage {
    struct View {
        var plan: PlanRecord
        var bulletins: [BulletinRecord]
        var calendar: ReportingCalendar
        var today: CivilDate
        var canIssue: Bool
        /// The issuing office offered by default (the place's 科学技术局).
        var issuer: String
        var context: PageContext

        var html: HTML {
            let planID = plan.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, plan.displayTitle)]),
                H.heading(1, "通报"),
                PlanTabs.tabs(planID: planID, current: .bulletinsPage, canEdit: canIssue),
            ]
            if canIssue {
                let months = calendar.periods.filter { $0.firstDay <= today }
                let quarters = (1...4).map { ReportingPeriod.quarter($0, of: calendar.year) }.filter { $0.firstDay <= today }
                // A bulletin reports what is due: the latest period past its deadline is
                // offered first; one still being collected says so.
                func closed(_ p: ReportingPeriod) -> Bool { calendar.deadline(for: ReportingPeriod(kind: calendar.kind, containing: p.lastDay)) < today }
                func option(_ p: ReportingPeriod) -> (value: String, title: String) { (p.key, closed(p) ? p.title : p.title + "（未到报送截止）") }
                var options: [(value: String, title: String)] = months.reversed().map(option)
                options += quarters.reversed().map(option)
                let preselected = months.last(where: closed)?.key ?? options.first?.value
                body.append(H.form(SitePath.draftBulletin(planID).path, class: "filters", [
                    H.select("kind", label: "类型", options: [("monthly", "月度通报"), ("quarterly", "季度通报")], selected: "monthly"),
                    H.select("period", label: "期次（月度选月份，季度选季度）", options: options, selected: preselected),
                    H.input("issuer", value: issuer, label: "发文单位", extra: [.maxlength(60)]),
                    H.button("生成草稿"),
                ]))
                body.append(H.paragraph("先生成草稿并核对，确认无误后再发布；已发布的通报可以撤回（须写明原因），不能删除。", class: "hint"))
            }
            if bulletins.isEmpty {
                body.append(H.paragraph("还没有通报。", class: "empty"))
            } else {
                body.append(H.table(headers: ["期数", "标题", "状态", "发文单位", "日期", "经办人", ""], rows: bulletins.map { b in
                    let id = b.linkID
                    var state: [Body] = [H.strong([.class("state"), .data("state", b.state.rawValue)], [.text(b.state.title)])]
                    if b.state == .withdrawn, let reason = b.withdrawnReason {
                        state.append(H.span(class: "muted", [.text("（\(b.withdrawnOn ?? "")：\(reason)）")]))
                    }
                    return [
                        .text(b.state == .draft ? "第\(b.number)期（拟）" : "第\(b.number)期"),
                        H.link(SitePath.bulletinPage(planID, id).path, b.title), H.span(state), .text(b.issuer),
                        .text(b.issuedOn), .text(b.issuedBy),
                        H.link(SitePath.bulletinDocx(planID, id).path, "下载 .docx", class: "chip"),
                    ]
                }, class: "grid bulletins"))
            }
            return Layout.page("通报", context, body)
        }
    }
}
