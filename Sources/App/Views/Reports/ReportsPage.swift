import Foundation
import PlanDomain
import Plot

/// 本期报送: all of a unit's tasks of the period, each with its form fields,
/// in one form so the whole period can be filled in at one sitting.
enum ReportsPage {
    /// What was typed for one task, kept as text so a wrong value comes back as typed.
    struct Draft {
        var planID: String = ""
        var period: String = ""
        var narrative: String = ""
        var percent: String = ""
        var milestone: String = ""
        var status: String = ""
        var complete = false
        var values: [UUID: String] = [:]

        /// Field names are `kind:<nodeID>` and `value:<nodeID>:<targetID>`.
        static func parse(_ fields: [String: String]) -> [UUID: Draft] {
            var drafts: [UUID: Draft] = [:]
            for (name, value) in fields {
                let parts = name.split(separator: ":").map(String.init)
                guard parts.count >= 2, let nodeID = UUID(uuidString: parts[1]) else { continue }
                var draft = drafts[nodeID] ?? Draft()
                switch parts[0] {
                case "plan": draft.planID = value
                case "period": draft.period = value
                case "narrative": draft.narrative = value
                case "percent": draft.percent = value
                case "milestone": draft.milestone = value
                case "status": draft.status = value
                case "complete": draft.complete = value == "on" || value == "true"
                case "value" where parts.count == 3: if let target = UUID(uuidString: parts[2]) { draft.values[target] = value }
                default: continue
                }
                drafts[nodeID] = draft
            }
            return drafts
        }

        func input(nodeID: UUID) throws -> ReportInput {
            guard let planID = UUID(uuidString: planID) else { throw AppError.badRequest("表单缺少计划编号，请刷新页面后重填。") }
            var values: [UUID: Double] = [:]
            for (target, text) in self.values {
                if let number = try ReportInput.number(text, field: "目标当前值") { values[target] = number }
            }
            return ReportInput(
                planID: planID, nodeID: nodeID, period: period, narrative: narrative,
                percent: try ReportInput.number(percent, field: "完成进度"), milestone: milestone,
                selfStatus: Health(rawValue: status), completionProposed: complete, values: values)
        }

        init() {}

        init(_ item: ReportSheet.Item, part: ReportSheet.Part) {
            planID = part.plan.linkID.uuidString
            period = part.period.key
            narrative = item.report?.narrative ?? ""
            percent = item.report?.percent.map(Self.format) ?? ""
            milestone = item.report?.milestone ?? ""
            status = item.report?.selfStatus?.rawValue ?? ""
            complete = item.report?.completionProposed ?? false
            values = item.values.mapValues(Self.format)
        }

        static func format(_ value: Double) -> String {
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }

    struct Model {
        var sheet: ReportSheet
        var today: CivilDate
        var drafts: [UUID: Draft]
        var errors: [UUID: String]
    }

    static let selfStatuses: [Health] = [.onTrack, .behind, .atRisk]

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "本期报送"),
                H.paragraph("\(model.sheet.unitName)：今天是 \(model.today.chineseTitle)。填写后可先“保存草稿”，确认无误再“报送”；报送后由办公室审核，退回的报告可修改后重新报送。", class: "hint"),
            ]
            if model.sheet.parts.isEmpty {
                body.append(H.paragraph("本期没有需要报送的任务。", class: "empty"))
                return Layout.page("本期报送", context, body)
            }
            var form: [Body] = []
            for part in model.sheet.parts {
                form.append(planSection(part))
            }
            form.append(H.div(class: "actions sticky", [
                H.button("保存草稿", class: "button secondary", name: "action", value: "save"),
                H.button("报送全部已填写的任务", name: "action", value: "submit"),
            ]))
            if let period = model.sheet.parts.first?.period.key { form.insert(H.hidden("period", period), at: 0) }
            body.append(H.form(SitePath.saveReports.path, class: "report-sheet", form))
            return Layout.page("本期报送", context, body)
        }

        func planSection(_ part: ReportSheet.Part) -> Body {
            var children: [Body] = [
                H.h2([H.link(SitePath.planPage(part.plan.linkID).path, part.plan.displayTitle)]),
                H.paragraph("\(part.period.title)进展：\(part.dueDate.chineseTitle)前报送，宽限至 \(part.deadline.chineseTitle)。", class: "period-line"),
            ]
            if let message = part.check.message {
                children.append(H.p([.class("notice"), .role("alert")], [.text(message)]))
            }
            if !part.returned.isEmpty {
                children.append(H.p(class: "returned-periods", [.text("被退回待修改的报告：")] + part.returned.map { period in
                    H.link(SitePath.reportsPage.path + "?period=\(period.key)", period.title, class: "chip")
                }))
            }
            if !part.missing.isEmpty {
                children.append(H.p(class: "missing-periods", [.text("尚未报送的往期：")] + part.missing.map { period in
                    H.link(SitePath.reportsPage.path + "?period=\(period.key)", period.title, class: "chip")
                }))
            }
            children += part.items.map { item(part, $0) }
            return H.section(class: "report-plan", children)
        }

        func item(_ part: ReportSheet.Part, _ item: ReportSheet.Item) -> Body {
            let nodeID = item.node.linkID.uuidString
            let state = item.report?.state
            let editable = part.check == .allowed && (item.report?.isEditable ?? true)
            var children: [Body] = [
                H.div(class: "node task", [
                    H.span(class: "label", [.text(item.node.key)]),
                    H.link(SitePath.taskPage(part.plan.linkID, item.node.linkID).path, item.node.title, class: "title"),
                ]),
                H.div(class: "meta", [
                    H.span([.class("state state-\(state?.rawValue ?? "none")")], [.text(state?.title ?? "未填写")]),
                    item.node.deadlineText.map { H.span(class: "deadline", [.text("完成时限：\($0)")]) } ?? .empty,
                ]),
            ]
            if !item.compiledBy.isEmpty {
                children.append(H.paragraph(
                    "本单位为责任单位：报送本单位承担的部分，由牵头单位\(item.compiledBy.joined(separator: "、"))汇总。", class: "partner-note"))
            }
            if !item.partners.isEmpty { children.append(partnerReports(item)) }
            if let comment = item.report?.reviewComment, state == .returned {
                children.append(H.p([.class("returned"), .role("alert")], [.text("退回原因：\(comment)（\(item.report?.reviewerName ?? "")）")]))
            }
            if let error = model.errors[item.node.id ?? UUID()] {
                children.append(H.p([.class("error"), .role("alert")], [.text(error)]))
            }
            if editable {
                let draft = model.drafts[item.node.id ?? UUID()] ?? Draft(item, part: part)
                children += fields(nodeID: nodeID, draft: draft, targets: item.targets, previous: item.previous, previousPeriod: item.previousPeriod)
                children.append(H.button("只报送此项", class: "button small", name: "action", value: "submit:\(nodeID)"))
            } else if let report = item.report {
                children.append(H.div(class: "report-view", readOnly(report, item)))
            }
            if let report = item.report, let reportID = report.id, report.isEditable || report.state == .submitted {
                children.append(H.div(class: "attachments", item.attachments.map { file in
                    H.link(SitePath.attachmentFile(part.plan.linkID, file.linkID).path, "附件：\(file.filename)", class: "chip")
                } + (report.isEditable ? [H.link(SitePath.taskPage(part.plan.linkID, item.node.linkID).path + "#attach-\(reportID)", "上传附件", class: "chip")] : [])))
            }
            return H.article([.class("card report-item"), .data("key", item.node.key), .data("node", nodeID)], children)
        }

        /// A lead's view of its partners' reports of the period, to compile from.
        func partnerReports(_ item: ReportSheet.Item) -> Body {
            let handed = item.partners.filter { $0.report?.state.isHandedIn == true }.count
            return H.div(class: "partner-reports", [
                H.h3([.text("各责任单位本期报送（\(handed)/\(item.partners.count)，供牵头汇总）")]),
                H.ul(item.partners.map { partner in
                    guard let report = partner.report else {
                        return H.li(class: "partner partner-missing", [H.strong([.text(partner.unitName)]), .text("：尚未报送")])
                    }
                    var facts: [String] = [report.state == .returned ? "已退回，待修改" : report.state.title]
                    if let percent = report.percent { facts.append("进度 \(Draft.format(percent))%") }
                    for target in item.targets {
                        if let id = target.id, let value = partner.values[id] { facts.append("\(target.metric)：\(Draft.format(value))\(target.unit)") }
                    }
                    return H.li(class: report.state == .returned ? "partner partner-returned" : "partner", [
                        H.strong([.text(partner.unitName)]), .text("（\(facts.joined(separator: "；"))）："),
                        .text(report.narrative.isEmpty ? "（未填写进展）" : report.narrative),
                    ])
                }),
            ])
        }

        func fields(nodeID: String, draft: Draft, targets: [TargetRecord], previous: [UUID: Double], previousPeriod: ReportingPeriod?) -> [Body] {
            var out: [Body] = [
                H.hidden("plan:\(nodeID)", draft.planID),
                H.hidden("period:\(nodeID)", draft.period),
                H.label(class: "field wide", [
                    H.span([.text("进展情况")]),
                    H.textarea([.name("narrative:\(nodeID)"), .rows(3), .maxlength(5000)], [.text(draft.narrative)]),
                ]),
                H.div(class: "row", [
                    H.input("percent:\(nodeID)", value: draft.percent, label: "完成进度（%）", extra: [.inputmode("decimal")]),
                    H.input("milestone:\(nodeID)", value: draft.milestone, label: "达到的节点"),
                    H.select("status:\(nodeID)", label: "自评", options: [("", "—")] + selfStatuses.map { ($0.rawValue, $0.title) }, selected: draft.status),
                ]),
            ]
            if !targets.isEmpty {
                out.append(H.div(class: "row targets", targets.compactMap { target in
                    guard let id = target.id else { return nil }
                    let last = previous[id].map { "，上期\(previousPeriod.map { "（\($0.title)）" } ?? "") \(Draft.format($0))\(target.unit)" } ?? ""
                    return H.input("value:\(nodeID):\(id.uuidString)", value: draft.values[id] ?? "",
                                   label: "\(target.metric.isEmpty ? target.text : target.metric) 当前值（目标 \(Draft.format(target.value))\(target.unit)\(last)）",
                                   extra: [.inputmode("decimal")])
                }))
            }
            out.append(H.label(class: "check", [
                H.input([.type("checkbox"), .name("complete:\(nodeID)"), .checked(draft.complete)]),
                .text("任务已完成，申请办结"),
            ]))
            return out
        }

        func readOnly(_ report: ProgressReport, _ item: ReportSheet.Item) -> [Body] {
            var out: [Body] = [H.paragraph(report.narrative.isEmpty ? "（未填写）" : report.narrative)]
            var facts: [String] = []
            if let percent = report.percent { facts.append("进度 \(Draft.format(percent))%") }
            if let milestone = report.milestone { facts.append("节点：\(milestone)") }
            for target in item.targets { if let id = target.id, let value = item.values[id] { facts.append("\(target.metric)：\(Draft.format(value))\(target.unit)") } }
            if report.completionProposed { facts.append("已申请办结") }
            if !facts.isEmpty { out.append(H.paragraph(facts.joined(separator: "；"), class: "facts")) }
            return out
        }
    }
}

extension CivilDate {
    var chineseTitle: String { "\(year)年\(month)月\(day)日" }
}
