import Foundation
import PlanText
import Plot

/// The document on one side with everything recognised marked, the structure
/// on the other with every field editable.
enum ReviewPage {
    struct Model {
        var loaded: PlanStore.Loaded
        var unresolvedUnitNames: Int
    }

    struct View {
        var model: Model
        var context: PageContext

        var planID: UUID { model.loaded.record.linkID }

        var html: HTML {
            let plan = model.loaded.record
            var steps: [Body] = [
                H.link(SitePath.planPage(planID).path, "查看计划", class: "button secondary"),
                H.link(SitePath.unitsPage(planID).path, "下一步：单位匹配（\(model.unresolvedUnitNames) 个未匹配）", class: "button"),
            ]
            if plan.status == .draft {
                steps.append(H.form(SitePath.publish(planID).path, class: "inline", [H.button("发布")]))
            }
            return Layout.page("校对：\(plan.displayTitle)", context, [
                H.heading(1, "校对：\(plan.displayTitle)"),
                H.paragraph("左侧是原文，识别出的条目标题、单位和目标已标出；右侧逐项核对，改错后保存。\(plan.status == .draft ? "" : "计划已发布，每次修改都会生成新版本。")", class: "hint"),
                H.div(class: "actions", steps),
                H.div(class: "review", [
                    H.section([.class("source"), .ariaLabel("原文")], [
                        H.heading(2, "原文"),
                        // It scrolls on its own: focusable, so keyboard users can scroll it (WCAG 2.1.1).
                        H.div([.class("source-text"), .tabindex(0), .role("region"), .ariaLabel("原文全文")], sourceText()),
                    ]),
                    H.section([.class("structure"), .ariaLabel("结构")], structure()),
                ]),
            ])
        }

        private func sourceText() -> [Body] {
            guard let file = model.loaded.file, !file.text.isEmpty else {
                return [H.paragraph("该计划由任务分解表导入，没有原文。", class: "hint")]
            }
            let scalars = Array(file.text.unicodeScalars)
            var marks: [SourceMarks.Mark] = []
            for node in model.loaded.nodes where node.titleEnd > node.titleStart {
                marks.append(.init(start: node.titleStart, end: node.titleEnd, kind: "node", anchor: "src-n-\(node.linkID)"))
                for assignment in model.loaded.assignments where assignment.$node.id == node.id {
                    marks += SourceMarks.unitMarks(name: assignment.unitName, in: scalars, from: node.spanStart, to: min(node.spanEnd, scalars.count))
                }
            }
            for target in model.loaded.targets where target.spanEnd > target.spanStart {
                marks.append(.init(start: target.spanStart, end: target.spanEnd, kind: "target", anchor: "src-t-\(target.linkID)"))
            }
            return SourceMarks.render(text: file.text, marks: marks)
        }

        private func structure() -> [Body] {
            let plan = model.loaded.record
            var body: [Body] = [
                H.heading(2, "计划信息"),
                H.form(SitePath.updateFields(planID).path, class: "card fields", [
                    H.input("title", value: plan.title, label: "标题"),
                    H.input("issuers", value: plan.issuers.joined(separator: "、"), label: "发文单位（用、分隔）"),
                    H.input("jurisdictionName", value: plan.jurisdictionName, label: "行政区划（原文）"),
                    H.input("year", value: plan.year.map(String.init), label: "年度", extra: [.inputmode("numeric")]),
                    H.input("docNumber", value: plan.docNumber, label: "文号"),
                    H.input("issuedDate", value: plan.issuedDate, label: "发文日期", placeholder: "2025-02-09"),
                    H.button("保存计划信息"),
                ]),
                H.heading(2, "条目（\(model.loaded.nodes.count)）"),
            ]
            body += model.loaded.nodes.map(nodeCard)
            body.append(H.form(SitePath.addNode(planID).path, class: "card add", [
                H.heading(3, "新增一级条目"),
                H.input("label", label: "编号", placeholder: "如 五", required: true),
                H.input("title", label: "标题", required: true),
                H.button("新增"),
            ]))
            let preamble = model.loaded.targets.filter { $0.nodeID == nil }
            if !preamble.isEmpty {
                body.append(H.heading(2, "总体目标（不属于任何条目）"))
                body += preamble.map(targetForm)
            }
            return body
        }

        private func nodeCard(_ node: NodeRecord) -> Body {
            let id = node.linkID
            let units = { (role: Assignment.Role) in model.loaded.assignments(of: node, role: role).map(\.unitName).joined(separator: "、") }
            var parts: [Body] = [
                H.div(class: "node-head", [
                    H.span(class: "key", [.text(node.key)]),
                    H.span(class: node.isTask ? "tag task" : "tag", [.text(node.isTask ? "任务" : "章节")]),
                    H.link("#src-n-\(id)", "在原文中定位", class: "locate"),
                ]),
                H.form(SitePath.updateNode(planID, id).path, class: "node-form", [
                    H.input("label", value: node.label, label: "编号"),
                    H.input("title", value: node.title, label: "标题"),
                    H.input("lead", value: units(.lead), label: "牵头单位"),
                    H.input("responsible", value: units(.responsible), label: "责任单位"),
                    H.input("cooperating", value: units(.cooperating), label: "配合单位"),
                    H.input("leaders", value: node.leaders.joined(separator: "、"), label: "分管领导"),
                    H.input("deadline", value: node.deadlineText ?? "", label: "完成时限"),
                    H.input("deadlineDate", value: node.deadlineDate ?? "", type: "date", label: "完成日期"),
                    H.input("weight", value: node.weight.map(Format.number) ?? "",
                            label: node.isTask ? "权重（空为 1）" : "权重（空为所含任务之和）", extra: [.inputmode("decimal")]),
                    H.button("保存条目"),
                ]),
                H.div(class: "node-tools", [
                    H.form(SitePath.moveNode(planID, id).path, class: "inline", [H.hidden("direction", "up"), H.button("上移", class: "small")]),
                    H.form(SitePath.moveNode(planID, id).path, class: "inline", [H.hidden("direction", "down"), H.button("下移", class: "small")]),
                    H.form(SitePath.deleteNode(planID, id).path, class: "inline confirm", [H.button("删除条目", class: "small danger")]),
                ]),
            ]
            parts += model.loaded.targets(of: node).map(targetForm)
            parts.append(H.details(class: "add-more", [
                H.summary([.text("新增目标或下级条目")]),
                H.form(SitePath.addTarget(planID).path, class: "target-form", [
                    H.hidden("node", id.uuidString),
                    H.input("text", label: "目标原文", required: true),
                    H.input("value", label: "目标值", required: true, extra: [.inputmode("decimal")]),
                    H.input("unit", label: "单位"),
                    comparatorSelect(Comparator.atLeast.rawValue),
                    H.input("year", value: model.loaded.record.year.map(String.init), label: "年份"),
                    H.button("新增目标", class: "small"),
                ]),
                H.form(SitePath.addNode(planID).path, class: "target-form", [
                    H.hidden("parent", id.uuidString),
                    H.input("label", label: "下级编号", required: true),
                    H.input("title", label: "下级标题", required: true),
                    H.button("新增下级条目", class: "small"),
                ]),
            ]))
            return H.article([.class("card node-card level-\(min(node.level, 4))"), .id("node-\(id)"), .data("key", node.key)], parts)
        }

        private func targetForm(_ target: TargetRecord) -> Body {
            let id = target.linkID
            return H.div([.class("target"), .id("target-\(id)")], [
                H.form(SitePath.updateTarget(planID, id).path, class: "target-form", [
                    H.input("text", value: target.text, label: "目标原文"),
                    H.input("metric", value: target.metric, label: "指标名称"),
                    H.input("indicator", value: target.indicator ?? "", label: "指标代码"),
                    H.input("value", value: format(target.value), label: "目标值", extra: [.inputmode("decimal")]),
                    H.input("max", value: target.max.map(format) ?? "", label: "上限"),
                    H.input("unit", value: target.unit, label: "单位"),
                    comparatorSelect(target.comparator),
                    H.input("year", value: target.year.map(String.init) ?? "", label: "年份"),
                    H.button("保存目标", class: "small"),
                ]),
                H.form(SitePath.deleteTarget(planID, id).path, class: "inline confirm", [H.button("删除目标", class: "small danger")]),
            ])
        }

        private func comparatorSelect(_ selected: String) -> Body {
            H.select("comparator", label: "比较", options: [
                (">=", "不少于（≥）"), (">", "超过（>）"), ("~", "左右（~）"), ("<=", "不超过（≤）"), ("range", "区间"),
            ], selected: selected)
        }

        private func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }
}
