import Foundation
import Plot

enum UnitsPage {
    struct View {
        var plan: PlanRecord
        var statuses: [UnitController.NameStatus]
        var units: [Unit]
        var context: PageContext

        var html: HTML {
            let id = plan.linkID
            let open = statuses.filter { $0.unitID == nil && !$0.collective }.count
            let collective = statuses.filter(\.collective)
            var body: [Body] = [
                H.heading(1, "单位匹配：\(plan.displayTitle)"),
                H.paragraph("计划中出现的每个单位名称都要对应到本辖区的一个单位，单位才能在“我的任务”中看到自己的任务。名称相同或是已记录的别名会自动匹配。", class: "hint"),
                H.paragraph((open == 0 ? "全部 \(statuses.count - collective.count) 个单位名称都已匹配。" : "共 \(statuses.count - collective.count) 个单位名称，\(open) 个未匹配。")
                    + (collective.isEmpty ? "" : "另有 \(collective.count) 个泛指名称（\(collective.map(\.name).joined(separator: "、"))）指多个单位，不匹配、不新建，也不影响发布；任务需要具体单位报送时，请在校对页写明单位。"),
                    class: open == 0 ? "ok" : "warn"),
                H.div(class: "actions", [
                    H.link(SitePath.reviewPage(id).path, "返回校对", class: "button secondary"),
                    open > 0 ? H.form(SitePath.createAllUnits(id).path, class: "inline", [H.button("为未匹配的名称全部新建单位", class: "button secondary")]) : .empty,
                    plan.status == .draft ? H.form(SitePath.publish(id).path, class: "inline", [H.button("发布计划")]) : .empty,
                ]),
            ]
            body.append(H.table(headers: ["计划中的名称", "任务数", "对应单位", "操作"], rows: statuses.map(row)))
            if units.count >= 2 {
                let options = units.compactMap { unit in unit.id.map { ($0.uuidString, unit.name) } }
                body.append(H.form(SitePath.mergeUnits(id).path, class: "card narrow", [
                    H.heading(2, "合并单位"),
                    H.paragraph("同一个单位被记成了两个（如“市科技局”和“随州市科学技术局”）时，把一个合并到另一个：其任务、报告、账号和督办记录都归后者，原名称记为别名，以后导入的计划自动匹配。两个单位在同一任务同一期次都有报告时不能合并。合并不能撤销。", class: "hint"),
                    H.select("merged", label: "把单位", options: options, selected: nil),
                    H.select("kept", label: "合并到", options: options, selected: nil),
                    H.label(class: "check", [
                        H.input([.type("checkbox"), .name("confirm"), .value("yes"), .required(true)]),
                        .text(" 确认合并（不可撤销）"),
                    ]),
                    H.button("合并单位", class: "button danger"),
                ]))
            }
            return Layout.page("单位匹配", context, body)
        }

        private func row(_ status: UnitController.NameStatus) -> [Body] {
            let id = plan.linkID
            let action = SitePath.resolveUnit(id).path
            guard status.unitID == nil else {
                return [.text(status.name), .text("\(status.tasks)"), H.span(class: "ok", [.text(status.unitName ?? "")]), .empty]
            }
            var actions: [Body] = status.suggestions.map { suggestion in
                H.form(action, class: "inline", [
                    H.hidden("name", status.name), H.hidden("unitID", suggestion.unitID.uuidString),
                    H.button("匹配到 \(suggestion.name)", class: "small"),
                ])
            }
            if !status.collective {
                actions.append(H.form(action, class: "inline", [
                    H.hidden("name", status.name), H.hidden("create", "true"),
                    H.button("新建单位“\(status.name)”", class: "small"),
                ]))
            }
            if !units.isEmpty {
                actions.append(H.form(action, class: "inline pick", [
                    H.hidden("name", status.name),
                    // Named for screen readers (WCAG 4.1.2): one such list per unmatched name.
                    H.label([
                        H.span(class: "visually-hidden", [.text("“\(status.name)”对应的单位")]),
                        H.select("unitID", options: units.compactMap { unit in unit.id.map { ($0.uuidString, unit.name) } }, selected: nil),
                    ]),
                    H.button("匹配到所选单位", class: "small secondary"),
                ]))
            }
            return [
                .text(status.name), .text("\(status.tasks)"),
                status.collective
                    ? H.span(class: "hint", [.text("泛指多个单位：在"), H.link(SitePath.unitGroupsPage.path, "单位组"), .text("中列出成员后，任务分解到每个成员")])
                    : H.span(class: "warn", [.text(status.suggestions.isEmpty ? "未匹配" : "未匹配，可能是：" + status.suggestions.map(\.name).joined(separator: "、"))]),
                H.div(class: "unit-actions", actions),
            ]
        }
    }
}
