import Foundation
import PlanDomain
import Plot

/// 会议议定事项: the meetings recorded for a plan, each with its decisions as
/// tasks and how they stand; for the office, the form to record another.
enum MeetingsPage {
    struct Decision {
        var node: NodeRecord
        var units: [String]
        var standing: PlanStanding.TaskStanding?
    }

    struct Entry {
        var meeting: MeetingRecord
        /// Nil when the office has since deleted the section from the plan.
        var section: NodeRecord?
        var decisions: [Decision]
    }

    /// What the office typed, kept as typed so a refused form comes back whole.
    struct Typed {
        var title = ""
        var heldOn = ""
        var rows: [MeetingMinutes.Row]

        init(title: String = "", heldOn: String = "", rows: [MeetingMinutes.Row]) {
            self.title = title
            self.heldOn = heldOn
            self.rows = rows
        }

        init(rows count: Int) {
            self.init(rows: Array(repeating: MeetingMinutes.Row(title: "", unit: "", deadline: ""), count: count))
        }
    }

    struct Model {
        var plan: PlanRecord
        var entries: [Entry]
        var canRecord: Bool
        /// The place's units, offered as the lead unit is typed.
        var unitNames: [String]
        var typed: Typed
        var error: String?
        var today: CivilDate
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let planID = model.plan.linkID
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.heading(1, "会议议定事项"),
                PlanTabs.tabs(planID: planID, current: .meetingsPage, canEdit: model.canRecord),
                H.paragraph("领导小组月例会、专题会议定的事项，记录后作为本计划的任务：牵头单位从下一报送期起报送进展，按完成时限督办，并列入通报。", class: "hint"),
            ]
            if model.entries.isEmpty { body.append(H.paragraph("尚未记录会议议定事项。", class: "empty")) }
            for entry in model.entries { body.append(meeting(entry)) }
            if model.canRecord { body.append(form) }
            return Layout.page("会议议定事项", context, body)
        }

        func meeting(_ entry: Entry) -> Body {
            let held = CivilDate(iso: entry.meeting.heldOn)?.chineseTitle ?? entry.meeting.heldOn
            var children: [Body] = [
                H.h2([.text("\(entry.meeting.title)（\(held)）")]),
                H.paragraph("记录人：\(entry.meeting.recordedBy)" + (entry.section.map { "；计划中的位置：\($0.key)" } ?? "；议定事项已从计划中删除"), class: "meta"),
            ]
            if !entry.decisions.isEmpty {
                children.append(H.cardTable(headers: ["序号", "议定事项", "牵头单位", "完成时限", "状态", "进度"], rows: entry.decisions.map { d in
                    let health = d.standing?.health.health
                    return [
                        .text(d.node.key),
                        H.link(SitePath.taskPage(model.plan.linkID, d.node.linkID).path, d.node.title),
                        .text(d.units.joined(separator: "、")),
                        .text(d.node.deadlineText ?? "—"),
                        H.span([.class("health health-\(health?.rawValue ?? "noData")")], [.text(health?.title ?? "—")]),
                        .text(d.standing?.progress.map { Format.percent($0) } ?? "—"),
                    ]
                }))
            }
            return H.section([.class("meeting"), .data("meeting", entry.meeting.linkID.uuidString)], children)
        }

        var form: Body {
            let typed = model.typed
            var children: [Body] = [H.h2([.text("记录会议议定事项")])]
            if let error = model.error { children.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            children += [
                H.div(class: "row", [
                    H.input("title", value: typed.title, label: "会议名称", placeholder: "如 \(model.today.year)年第3次领导小组月例会", required: true,
                            extra: [.maxlength(MeetingMinutes.titleLimit)]),
                    H.input("heldOn", value: typed.heldOn, type: "date", label: "会议日期", required: true),
                ]),
                H.paragraph("每行一条议定事项：事项、牵头单位（按单位名录填写）、完成时限。空行不记录。", class: "hint"),
                H.datalist([.id("meeting-units")], model.unitNames.map { H.option([.value($0)], []) }),
            ]
            for (index, row) in typed.rows.enumerated() {
                let n = index + 1
                children.append(H.fieldset(class: "decision-row", [
                    H.legend([.text("第\(n)条")]),
                    H.input("item\(n)", value: row.title, label: "议定事项", extra: [.maxlength(MeetingMinutes.decisionLimit)]),
                    H.input("unit\(n)", value: row.unit, label: "牵头单位", extra: [.list("meeting-units"), .autocomplete("off")]),
                    H.input("deadline\(n)", value: row.deadline, type: "date", label: "完成时限"),
                ]))
            }
            children.append(H.button("记录并纳入督办"))
            return H.form(SitePath.recordMeeting(model.plan.linkID).path, class: "meeting-form", children)
        }
    }
}
