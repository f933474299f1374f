import Foundation
import Plot

enum PlanShow {
    struct Model {
        var loaded: PlanStore.Loaded
        /// For a reporter, the nodes of their unit; nil shows all.
        var visible: Set<UUID>?
        var jurisdictionName: String
        var canEdit: Bool
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let plan = model.loaded.record
            let id = plan.linkID
            var actions: [Body] = [H.link(SitePath.breakdownPage(id).path, "任务分解表", class: "button")]
            if plan.status != .draft {
                actions.insert(H.link(SitePath.dashboardPage(id).path, model.visible == nil ? "看板" : "本单位情况", class: "button"), at: 0)
                if model.visible == nil { actions.insert(H.link(SitePath.planReportsPage(id).path, "报告审核", class: "button"), at: 1) }
                if model.canEdit { actions.append(H.link(SitePath.calendarPage(id).path, "报送日历", class: "button secondary")) }
            }
            if model.visible == nil {
                // The place's figures: targets and actuals, base data, assessment and evaluation.
                actions.append(H.link(SitePath.placeIndicatorsPage(plan.jurisdictionCode).path, "地区指标", class: "button secondary"))
            }
            if model.canEdit {
                actions += [
                    H.link(SitePath.reviewPage(id).path, plan.status == .draft ? "校对与修改" : "修改", class: "button"),
                    H.link(SitePath.unitsPage(id).path, "单位匹配", class: "button"),
                    H.link(SitePath.versionsPage(id).path, "版本记录", class: "button secondary"),
                    H.link(SitePath.sourceFile(id).path, "下载原文", class: "button secondary"),
                ]
            }
            var body: [Body] = [
                H.heading(1, plan.displayTitle),
                H.dl(class: "facts", facts(plan)),
                H.div(class: "actions", actions),
            ]
            if model.visible != nil {
                body.append(H.paragraph("只显示本单位承担的任务。", class: "hint"))
            }
            body.append(H.ol(class: "tree", children(of: nil)))
            return Layout.page(plan.displayTitle, context, body)
        }

        private func facts(_ plan: PlanRecord) -> [Body] {
            let pairs: [(String, String)] = [
                ("状态", plan.status.title + (plan.version > 0 ? "（第 \(plan.version) 版）" : "")),
                ("行政区划", model.jurisdictionName),
                ("年度", plan.year.map(String.init) ?? "—"),
                ("发文单位", plan.issuers.isEmpty ? "—" : plan.issuers.joined(separator: "、")),
                ("文号", plan.docNumber ?? "—"),
                ("发文日期", plan.issuedDate ?? "—"),
            ]
            return pairs.flatMap { [H.dt([.text($0.0)]), H.dd([.text($0.1)])] }
        }

        private func children(of parent: UUID?) -> [Body] {
            model.loaded.nodes.filter { $0.parentID == parent }
                .filter { node in model.visible.map { node.id.map($0.contains) ?? false } ?? true }
                .map(item)
        }

        private func item(_ node: NodeRecord) -> Body {
            var parts: [Body] = [
                H.div(class: node.isTask ? "node task" : "node section", [
                    H.span(class: "label", [.text(node.label)]),
                    node.isTask && model.loaded.record.status != .draft
                        ? H.link(SitePath.taskPage(model.loaded.record.linkID, node.linkID).path, node.title, class: "title")
                        : H.span(class: "title", [.text(node.title)]),
                ]),
            ]
            var meta: [Body] = []
            for role in Assignment.Role.allCases {
                let names = model.loaded.assignments(of: node, role: role).map(\.unitName)
                if !names.isEmpty { meta.append(H.span(class: "units", [.text("\(role.title)：\(names.joined(separator: "、"))")])) }
            }
            if !node.leaders.isEmpty { meta.append(H.span(class: "units", [.text("分管领导：\(node.leaders.joined(separator: "、"))")])) }
            if let deadline = node.deadlineText { meta.append(H.span(class: "deadline", [.text("完成时限：\(deadline)")])) }
            if let weight = node.weight { meta.append(H.span([.class("weight"), .data("weight", Format.number(weight))], [.text("权重：\(Format.number(weight))")])) }
            if !meta.isEmpty { parts.append(H.div(class: "meta", meta)) }
            let targets = model.loaded.targets(of: node)
            if !targets.isEmpty {
                parts.append(H.ul(class: "targets", targets.map { H.li([.text("目标：\($0.text)")]) }))
            }
            let below = children(of: node.id)
            if !below.isEmpty { parts.append(H.ol(class: "tree", below)) }
            return H.li([.id("n-\(node.linkID)")], parts)
        }
    }
}
