import Foundation
import PlanDomain
import Plot

enum TaskPage {
    struct Model {
        var plan: PlanRecord
        var node: NodeRecord
        var standing: PlanStanding.TaskStanding?
        var calendar: ReportingCalendar
        var reports: [ProgressReport]
        var unitNames: [UUID: String]
        var values: [ValueRow]
        var events: [TaskEvent]
        var attachments: [ReportAttachment]
        var canReview: Bool
        var reporterUnit: UUID?
        var assignments: [Assignment]
        var now: Date
        var notices: [SupervisionNotice] = []
        /// The unit groups the task is handed to, rolled up from their members.
        var groups: [GroupLine] = []
        /// Coded targets as handed to the places under the plan's place.
        var splits: [TargetCascade.View] = []
    }

    struct GroupLine {
        var name: String
        var period: ReportingPeriod
        var progress: GroupProgress
    }

    struct View {
        var model: Model
        var context: PageContext

        var planID: UUID { model.plan.linkID }

        /// 目标分解到县市区: each place's share, actual and completion, the
        /// sum against the target; for the office, the shares as a form.
        func splitSection(_ split: TargetCascade.View) -> Body {
            let unit = split.target.unit
            let s = split.standing
            var children: [Body] = [
                H.heading(2, "目标分解到县市区：\(split.target.metric.isEmpty ? split.target.text : split.target.metric)"),
                H.table(headers: ["地区", "分解数", "实际", "完成率"], rows: s.rows.map { row in
                    [.text(row.name), .text(Figure.text(row.share, unit)), .text(Figure.text(row.actual, unit)),
                     .text(row.completion.map(Format.percent) ?? "—")]
                } + [[H.strong([.text("合计")]), .text(Figure.text(s.shareSum, unit) + "（目标 \(Figure.text(split.target.value, unit))）"),
                      .text(Figure.text(s.actualSum, unit)), H.strong([.text(s.completion.map(Format.percent) ?? "—")])]],
                        class: "grid split"),
                H.paragraph("各地实际合计 ÷ 目标即本目标由各地汇总的完成率；分解数即各地该指标的年度目标，可在其指标页查看。", class: "hint"),
            ]
            if model.canReview {
                children.append(H.form(SitePath.splitTarget(planID, split.target.linkID).path, class: "split-form", [
                    H.div(class: "row", s.rows.map { row in
                        H.input("s|\(row.place)", value: row.share.map(Format.number), label: "\(row.name)（\(unit)）", extra: [.inputmode("decimal")])
                    }),
                    H.label(class: "check", [H.input([.type("checkbox"), .name("confirm"), .value("yes")]), .text("确认差额（合计与目标不一致时勾选）")]),
                    H.button("保存分解", class: "button small"),
                ]))
            }
            return H.section([.class("target-split"), .id("split-\(split.target.linkID)")], children)
        }

        var html: HTML {
            let node = model.node
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.h1([H.span(class: "label", [.text(node.key + " ")]), .text(node.title)]),
            ]
            var meta: [Body] = []
            for role in Assignment.Role.allCases {
                let names = model.assignments.filter { $0.role == role }.sorted { $0.position < $1.position }.map(\.unitName)
                if !names.isEmpty { meta.append(H.span([.text("\(role.title)单位：\(names.joined(separator: "、"))")])) }
            }
            if !node.leaders.isEmpty { meta.append(H.span([.text("分管领导：\(node.leaders.joined(separator: "、"))")])) }
            if let deadline = node.deadlineText { meta.append(H.span(class: "deadline", [.text("完成时限：\(deadline)")])) }
            if let weight = node.weight { meta.append(H.span([.class("weight"), .data("weight", Format.number(weight))], [.text("权重：\(Format.number(weight))")])) }
            body.append(H.div(class: "meta", meta))
            if let standing = model.standing {
                body.append(HealthBadge.badge(standing.health.health))
                if !standing.health.reasons.isEmpty {
                    body.append(H.ul(class: "reasons", standing.health.reasons.map { H.li([.text($0)]) }))
                }
                for group in model.groups {
                    let p = group.progress
                    var text = "\(group.name)（\(p.members) 个单位）：\(group.period.title)已报送 \(p.handedIn)/\(p.members)"
                    if let mean = p.meanPercent { text += "，平均进度 \(Format.number((mean * 10).rounded() / 10))%" }
                    if !p.silent.isEmpty { text += "；未报送：\(p.silent.joined(separator: "、"))" }
                    body.append(H.p([.class("group-progress"), .data("group", group.name)], [.text(text)]))
                }
                if standing.completionProposed && model.canReview {
                    body.append(H.form(SitePath.confirmCompletion(planID, node.linkID).path, class: "inline", [
                        H.button("确认办结（销号）"),
                    ]))
                }
                if !standing.targets.isEmpty {
                    body.append(H.heading(2, "目标完成情况"))
                    body.append(H.table(headers: ["目标", "目标值", "序时应达", "实际", "完成率", "序时完成", "状态"], rows: standing.targets.map { item in
                        let a = item.assessment
                        let due = item.target.year.map { $0 > model.calendar.year ? "（到\($0)年）" : "" } ?? ""
                        return [
                            .text(item.target.text), .text(Format.number(item.target.value) + item.target.unit + due),
                            .text(Format.number(a.expected)), .text(Figure.amount(a.actual, of: item.target.unit)),
                            .text(CompletionRate.of(actual: a.actual, target: item.target.value).map(Format.percent) ?? "—"),
                            .text(a.ratio.map(Format.percent) ?? "—"), HealthBadge.badge(a.health),
                        ]
                    }))
                    body.append(H.paragraph("完成率 = 实际 ÷ 目标值；序时完成 = 实际 ÷ 序时应达（按时间进度此时应达到的数）。", class: "hint"))
                }
            }
            for split in model.splits { body.append(splitSection(split)) }
            if !model.notices.isEmpty {
                body.append(H.heading(2, "督办单"))
                for notice in model.notices {
                    var parts: [Body] = [
                        H.div(class: "meta", [
                            H.strong([.class("notice-level level-\(notice.level.key)")], [.text(notice.level.title)]),
                            H.span([.class("state")], [.text(notice.status.title)]),
                            notice.replyBy.map { H.span([.text("回复期限 \($0)")]) } ?? .empty,
                        ]),
                        H.paragraph(notice.reasons),
                    ]
                    if let reply = notice.reply { parts.append(H.paragraph("回复：\(reply)", class: "facts")) }
                    if notice.status == .issued && model.reporterUnit == notice.$unit.id {
                        parts.append(H.form(SitePath.replyNotice(planID, notice.linkID).path, class: "reply", [
                            H.label(class: "field wide", [
                                H.span([.text("整改情况回复")]),
                                H.textarea([.name("reply"), .rows(3), .maxlength(5000)], []),
                            ]),
                            H.button("回复督办单"),
                        ]))
                    }
                    body.append(H.article([.class("card notice"), .data("status", notice.status.rawValue)], parts))
                }
            }
            body.append(H.heading(2, "各期报告"))
            if model.reports.isEmpty {
                body.append(H.paragraph("还没有报告。", class: "empty"))
            } else {
                body += model.reports.map(reportCard)
            }
            body.append(H.heading(2, "时间线"))
            body.append(H.ol(class: "timeline", model.events.map { event in
                H.li([.data("kind", event.kind.rawValue)], [
                    H.time([.text(event.createdAt.map(NotificationsPage.View.format) ?? "")]),
                    H.strong([.text(" \(event.kind.title) ")]),
                    .text("\(event.accountName)：\(event.detail)"),
                ])
            }))
            return Layout.page(node.title, context, body)
        }

        func reportCard(_ report: ProgressReport) -> Body {
            let reportID = report.linkID
            let period = ReportingPeriod(key: report.period)
            let timeliness = period.map { model.calendar.timeliness(of: report.fact, for: $0, now: model.now) }
            var facts: [String] = []
            if let percent = report.percent { facts.append("进度 \(Format.number(percent))%") }
            if let milestone = report.milestone { facts.append("节点：\(milestone)") }
            if let status = report.selfStatus { facts.append("自评：\(status.title)") }
            if report.completionProposed { facts.append("申请办结") }
            let values = model.values.filter { $0.reportID == report.id }
            if !values.isEmpty { facts.append("填报目标值 \(values.count) 项") }
            var children: [Body] = [
                H.div(class: "meta", [
                    H.strong([.text(period?.title ?? report.period)]),
                    H.span([.text(model.unitNames[report.$unit.id] ?? "")]),
                    H.span([.class("state state-\(report.state.rawValue)")], [.text(report.state.title)]),
                    timeliness.map { H.span([.class("timeliness t-\($0.rawValue)")], [.text($0.title)]) } ?? .empty,
                ]),
                H.paragraph(report.narrative.isEmpty ? "（未填写）" : report.narrative),
            ]
            if !facts.isEmpty { children.append(H.paragraph(facts.joined(separator: "；"), class: "facts")) }
            if let comment = report.reviewComment {
                children.append(H.paragraph("审核意见（\(report.reviewerName ?? "")）：\(comment)", class: report.state == .returned ? "returned" : "hint"))
            }
            let files = model.attachments.filter { $0.$report.id == report.id }
            if !files.isEmpty {
                children.append(H.div(class: "attachments", files.map { file in
                    H.link(SitePath.attachmentFile(planID, file.linkID).path, "附件：\(file.filename)（\(Format.bytes(file.size))）", class: "chip")
                }))
            }
            if model.canReview && report.state == .submitted {
                children.append(ReviewForms.forms(planID: planID, reportID: reportID))
            }
            if model.reporterUnit == report.$unit.id && report.isEditable {
                children.append(H.form(SitePath.uploadAttachment(planID, reportID).path, class: "inline attach", multipart: true, [
                    H.label([.for("attach-\(reportID)"), .class("visually-hidden")], [.text("附件文件")]),
                    H.input([.type("file"), .name("file"), .id("attach-\(reportID)")]),
                    H.button("上传附件", class: "button secondary"),
                ]))
            }
            return H.article([.class("card report"), .data("period", report.period), .data("state", report.state.rawValue)], children)
        }
    }
}

/// Accept and return buttons, the same on the review list and the task page.
enum ReviewForms {
    static func forms(planID: UUID, reportID: UUID) -> Body {
        H.div(class: "review-forms", [
            H.form(SitePath.acceptReport(planID, reportID).path, class: "inline", [
                H.input("comment", label: nil, placeholder: "审核意见（可不填）", extra: [.ariaLabel("审核意见（可不填）")]),
                H.button("采纳"),
            ]),
            H.form(SitePath.returnReport(planID, reportID).path, class: "inline", [
                H.input("comment", label: nil, placeholder: "退回原因（必填）", extra: [.ariaLabel("退回原因（必填）")]),
                H.button("退回", class: "button danger"),
            ]),
        ])
    }
}

/// A coloured label for a health state.
enum HealthBadge {
    static func badge(_ health: Health) -> Body {
        H.span([.class("health h-\(health.rawValue)"), .data("health", health.rawValue)], [.text(health.title)])
    }

    /// The badge colours (Stylesheet `.h-…`): white text on each is at least
    /// 4.5:1 (WCAG AA); 滞后 is dark text on amber.
    static func colour(_ health: Health) -> String {
        switch health {
        case .completed: return "#1b5e20"
        case .onTrack: return "#2e7d32"
        case .behind: return "#f9a825"
        case .atRisk: return "#c2410c"
        case .missed: return "#8e1c1c"
        case .overdue: return "#c62828"
        case .noData: return "#616161"
        }
    }
}

/// Numbers as pages print them: no trailing .0, at most two decimals.
enum Format {
    /// At most two decimals, trailing zeros dropped: 12, 12.5, 12.05. The
    /// zeros are trimmed by hand: a dashboard formats thousands of numbers,
    /// and a regular expression compiled for each was a noticeable part of it.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "—" }
        return String(format: "%.1f%%", ratio * 100)
    }

    static func bytes(_ count: Int) -> String {
        count >= 1_048_576 ? String(format: "%.1f MB", Double(count) / 1_048_576) : "\(max(1, count / 1024)) KB"
    }
}
