import Foundation
import PlanDomain
import Plot

/// One bulletin as a page, laid out from the same value its .docx was written
/// from: the summary, the targets with 较上期, 完成率 and 预计完成率, the places
/// compared (when there are), the tasks by status, the late and at-risk tasks
/// and the ranking, as tables, under the headings numbered over the parts
/// present. A draft carries the publish form (with its confirmation) and the
/// delete button; an issued one the withdrawal form (with its reason).
enum BulletinView {
    enum Content {
        case bulletin(Bulletin)
        /// A bulletin issued before they were kept as values: its .docx text.
        case paragraphs([String])
    }

    struct View {
        var plan: PlanRecord
        var bulletin: BulletinRecord
        var content: Content
        var canIssue: Bool
        var context: PageContext

        var html: HTML {
            let planID = plan.linkID
            let id = bulletin.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [
                    H.link(SitePath.planPage(planID).path, plan.displayTitle), .text(" · "),
                    H.link(SitePath.bulletinsPage(planID).path, "通报"),
                ]),
            ]
            switch bulletin.state {
            case .draft:
                body.append(H.p([.class("notice draft")], [
                    .text("这是第\(bulletin.number)期通报的草稿，尚未发布：请核对下面的数字和表格，确认后发布。"),
                ]))
            case .withdrawn:
                body.append(H.p([.class("notice withdrawn")], [
                    .text("本期通报已撤回（\(bulletin.withdrawnOn ?? "")，\(bulletin.withdrawnBy ?? "")）。撤回原因：\(bulletin.withdrawnReason ?? "")"),
                ]))
            case .issued:
                break
            }
            body.append(H.div(class: "actions", [
                H.link(SitePath.bulletinDocx(planID, id).path, bulletin.state == .draft ? "下载草稿 .docx" : "下载 .docx", class: "button"),
            ]))
            switch content {
            case .bulletin(let b): body.append(Self.article(b))
            case .paragraphs(let lines):
                body.append(H.article([.class("card bulletin")], lines.map { line in
                    line.contains("\t") || line.contains(" | ") ? H.p(class: "row-line", [.text(line)]) : H.paragraph(line)
                }))
            }
            if canIssue { body += actions(planID: planID, id: id) }
            return Layout.page(bulletin.title, context, body)
        }

        private func actions(planID: UUID, id: UUID) -> [Body] {
            switch bulletin.state {
            case .draft:
                return [
                    H.form(SitePath.publishBulletin(planID, id).path, class: "card confirm", [
                        H.heading(2, "发布"),
                        H.label(class: "check", [
                            H.input([.type("checkbox"), .name("confirm"), .value("yes"), .required(true)]),
                            .text(" 已核对草稿内容，确认以第\(bulletin.number)期、\(bulletin.issuer)名义发布"),
                        ]),
                        H.button("确认发布"),
                    ]),
                    H.form(SitePath.discardBulletin(planID, id).path, class: "inline", [H.button("删除草稿", class: "button secondary")]),
                ]
            case .issued:
                return [
                    H.form(SitePath.withdrawBulletin(planID, id).path, class: "card confirm", [
                        H.heading(2, "撤回通报"),
                        H.label(class: "field wide", [
                            H.span([.text("撤回原因（必填，留存备查）")]),
                            H.textarea([.name("reason"), .rows(2), .minlength(2), .maxlength(500), .required(true)], []),
                        ]),
                        H.button("撤回通报", class: "button danger"),
                    ]),
                ]
            case .withdrawn:
                return []
            }
        }

        static func article(_ b: Bulletin) -> Body {
            var parts: [Body] = [
                H.heading(2, b.title),
                H.paragraph([b.number, b.issuer, b.printedIssuedOn].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "　　"), class: "byline"),
                H.paragraph(b.summarySentence),
            ]
            if !b.summary.isEmpty {
                parts.append(H.table(headers: Bulletin.Columns.summary, rows: b.summary.map { [.text($0.label), .text($0.value)] }, class: "grid summary"))
            }
            for (part, title) in zip(b.parts, b.headings) {
                parts.append(H.heading(3, title))
                switch part {
                case .targets:
                    parts.append(b.targets.isEmpty ? H.paragraph("本期无可计算的指标。") : H.table(headers: Bulletin.Columns.targets, rows: b.targets.map { t in
                        [.text(t.key), .text(t.text), .text(t.target), .text(t.actual), .text(t.trend), .text(t.completionRate),
                         .text(t.projected), .text(t.projectedRate), .text(t.status)]
                    }, class: "grid targets"))
                case .places:
                    guard let places = b.places else { break }
                    if !places.note.isEmpty { parts.append(H.paragraph(places.note)) }
                    parts.append(H.table(headers: places.header, rows: places.printedRows.map { row in row.map { cell -> Body in .text(cell) } }, class: "grid places"))
                case .tasks:
                    let groups = b.sections.filter { !$0.rows.isEmpty }
                    if groups.isEmpty { parts.append(H.paragraph("本期无任务。")) }
                    for (i, group) in groups.enumerated() {
                        parts.append(H.heading(4, Bulletin.groupNumber(i + 1) + group.title))
                        parts.append(taskTable(group.rows))
                    }
                case .late:
                    parts.append(b.late.isEmpty ? H.paragraph("本期无逾期任务。") : taskTable(b.late))
                case .atRisk:
                    parts.append(b.atRisk.isEmpty ? H.paragraph("本期无风险任务。") : taskTable(b.atRisk))
                case .decisions:
                    parts.append(taskTable(b.decisions ?? []))
                case .ranking:
                    parts.append(b.ranking.isEmpty ? H.paragraph("本期无单位排名。") : H.table(headers: Bulletin.Columns.ranking, rows: b.ranking.map { r in
                        [.text(String(r.rank)), .text(r.unit), .text(String(r.tasks)), .text(r.onTimeRate), .text(r.completionRate), .text(r.score)]
                    }, class: "grid ranking"))
                }
            }
            parts += b.remarks.filter { !$0.isEmpty }.map { H.paragraph($0) }
            return H.article([.class("card bulletin")], parts)
        }

        static func taskTable(_ rows: [Bulletin.TaskRow]) -> Body {
            H.table(headers: Bulletin.Columns.tasks, rows: rows.map { r in
                [.text(r.key), .text(r.title), .text(r.units), .text(r.status), .text(r.progress), .text(r.note)]
            }, class: "grid tasks")
        }
    }
}
