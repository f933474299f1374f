import Foundation
import PlanDomain
import Plot

/// 通报: the bulletins issued for a plan, and the form to issue the next.
enum BulletinsPage {
    struct View {
        var plan: PlanRecord
        var bulletins: [BulletinRecord]
        var calendar: ReportingCalendar
        var today: CivilDate
        var canIssue: Bool
        var context: PageContext

        var html: HTML {
            let planID = plan.linkID
            var body: [Body] = [
                H.el("p", class: "crumbs", [H.link(SitePath.planPage(planID).path, plan.displayTitle)]),
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
                body.append(H.form(SitePath.issueBulletin(planID).path, class: "filters", [
                    H.select("kind", label: "类型", options: [("monthly", "月度通报"), ("quarterly", "季度通报")], selected: "monthly"),
                    H.select("period", label: "期次（月度选月份，季度选季度）", options: options, selected: preselected),
                    H.button("生成并发布通报"),
                ]))
            }
            if bulletins.isEmpty {
                body.append(H.paragraph("还没有发布通报。", class: "empty"))
            } else {
                body.append(H.table(headers: ["期数", "标题", "发布日期", "发布人", ""], rows: bulletins.map { b in
                    let id = b.linkID
                    return [
                        .text("第\(b.number)期"), H.link(SitePath.bulletinPage(planID, id).path, b.title), .text(b.issuedOn), .text(b.issuedBy),
                        H.link(SitePath.bulletinDocx(planID, id).path, "下载 .docx", class: "chip"),
                    ]
                }, class: "grid bulletins"))
            }
            return Layout.page("通报", context, body)
        }
    }
}

/// One bulletin as a page: the text of its .docx, paragraph by paragraph.
enum BulletinView {
    struct View {
        var plan: PlanRecord
        var bulletin: BulletinRecord
        var paragraphs: [String]
        var context: PageContext

        var html: HTML {
            let planID = plan.linkID
            let body: [Body] = [
                H.el("p", class: "crumbs", [
                    H.link(SitePath.planPage(planID).path, plan.displayTitle), .text(" · "),
                    H.link(SitePath.bulletinsPage(planID).path, "通报"),
                ]),
                H.el("div", class: "actions", [H.link(SitePath.bulletinDocx(planID, bulletin.linkID).path, "下载 .docx", class: "button")]),
                H.el("article", [("class", "card bulletin")], paragraphs.map { line in
                    line.contains("\t") || line.contains(" | ")
                        ? H.el("p", class: "row-line", [.text(line)])
                        : H.paragraph(line)
                }),
            ]
            return Layout.page(bulletin.title, context, body)
        }
    }
}
