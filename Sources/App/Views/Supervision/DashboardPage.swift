import Foundation
import PlanDomain
import Plot

/// 看板: the plan's standing on one page, charts drawn on the server as SVG.
enum DashboardPage {
    static let order: [Health] = [.completed, .onTrack, .behind, .atRisk, .missed, .overdue, .noData]

    struct View {
        var plan: PlanRecord
        var dashboard: Dashboard
        var canEdit: Bool
        var isReporter: Bool
        var context: PageContext

        var planID: UUID { plan.linkID }

        var html: HTML {
            let d = dashboard
            let s = d.standing
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, plan.displayTitle)]),
                H.heading(1, isReporter ? "本单位情况" : "看板"),
            ]
            if !isReporter { body.append(PlanTabs.tabs(planID: planID, current: .dashboardPage, canEdit: canEdit)) }
            var line = "统计日期 \(s.asOf.chineseTitle)"
            if let period = s.currentPeriod { line += "；当前报送期 \(period.title)，截止 \(s.calendar.dueDate(for: period).chineseTitle)" }
            body.append(H.paragraph(line + "。", class: "hint"))
            if !isReporter && !d.leaders.isEmpty {
                body.append(H.getForm(SitePath.dashboardPage(planID).path, class: "filters", [
                    H.select("leader", label: "分管领导", options: [("", "全部")] + d.leaders.map { ($0, $0) }, selected: d.leader),
                    H.button("筛选", class: "button secondary"),
                ]))
            }
            let total = d.counts.values.reduce(0, +)
            body.append(H.section([.class("status-summary"), .ariaLabel("任务状态")], [
                H.div(class: "counts", [H.span([.class("count total"), .data("count", "total")], [.text("任务 \(total) 项")])]
                    + order.map { health in
                        H.span([.class("count h-\(health.rawValue)"), .data("count", health.rawValue)], [.text("\(health.title) \(d.counts[health] ?? 0)")])
                    }),
                .raw(Chart.statusBar(segments: order.map { Chart.Segment(label: $0.title, count: d.counts[$0] ?? 0, colour: HealthBadge.colour($0)) })),
            ]))
            if !isReporter {
                body.append(H.heading(2, "各部分进展（按权重汇总）"))
                let whole = s.plan
                body.append(H.paragraph("全计划：得分 \(whole.score.map { Format.percent($0) } ?? "—")，平均进度 \(whole.progress.map { Format.percent($0) } ?? "—")，状态 \(whole.health.title)。每项任务权重 1、部分的权重为其任务权重之和，计划办在条目上另设的权重（标“设”）除外；得分：已完成/正常 1，滞后 0.6，风险 0.3，逾期 0。", class: "hint"))
                body.append(H.cardTable(headers: ["部分", "权重", "任务", "进度", "得分", "状态（其中任务）"], rows: d.sections.map { section in
                    [
                        H.link(SitePath.planPage(planID).path + "#n-\(section.id)", "\(section.key) \(section.title)"),
                        .text(section.weight.map { Format.number($0) + "（设）" } ?? Format.number(section.rollUp.weightTotal)), .text("\(section.tasks)"),
                        .text(section.rollUp.progress.map { Format.percent($0) } ?? "—"),
                        .text(section.rollUp.score.map { Format.percent($0) } ?? "—"),
                        H.span([
                            HealthBadge.badge(section.rollUp.health),
                            H.span(class: "section-tasks", [.text("（" + order.compactMap { h in
                                section.taskCounts[h].map { "\(h.title) \($0)" }
                            }.joined(separator: "、") + "）")]),
                        ]),
                    ]
                }))
                body.append(.raw(Chart.progressBars(rows: d.sections.filter { $0.level == 1 }.map { section in
                    Chart.ProgressRow(label: "\(section.key) \(section.title)", percent: (section.rollUp.progress ?? 0) * 100,
                                      colour: HealthBadge.colour(section.rollUp.health), note: section.rollUp.health.title)
                })))
            }
            body.append(H.heading(2, isReporter ? "本单位排名" : "单位排名（按时报送率 60%，完成率 40%）"))
            let units = isReporter ? s.units.filter { $0.key == d.unitFilter?.uuidString } : s.units
            body.append(H.cardTable(headers: ["名次", "单位", "任务", "应报", "按时", "迟报", "未报", "按时率", "完成率", "得分"], rows: units.map { e in
                [
                    .text("\(e.rank)"), .text(e.name), .text("\(e.counts.tasks)"), .text("\(e.counts.due)"), .text("\(e.counts.onTime)"),
                    .text("\(e.counts.late)"), .text("\(e.counts.missing)"), .text(e.counts.onTimeRate.map { Format.percent($0) } ?? "—"),
                    .text(e.counts.completionRate.map { Format.percent($0) } ?? "—"), .text(e.counts.score.map { Format.number(($0 * 10).rounded() / 10) } ?? "—"),
                ]
            }, class: "grid units"))
            if !isReporter {
                body.append(.raw(Chart.progressBars(rows: s.units.prefix(15).map { e in
                    Chart.ProgressRow(label: e.name, percent: e.counts.score ?? 0, colour: "#1565c0", note: e.counts.score.map { Format.number(($0 * 10).rounded() / 10) + " 分" } ?? "")
                })))
            }
            body.append(list("逾期任务", d.late, id: "late"))
            body.append(list("风险任务", d.atRisk, id: "at-risk"))
            body.append(list("滞后任务", d.behind, id: "behind"))
            if !d.targets.isEmpty {
                body.append(H.heading(2, "目标：实际与应达"))
                body.append(H.div(class: "charts", d.targets.map { series in
                    H.figure([.class("chart"), .data("node", series.nodeKey)], [
                        .raw(Chart.targetLine(title: series.text, unit: series.unit, target: series.target, expected: series.expected, actual: series.actual)),
                        H.figcaption([
                            H.link(SitePath.taskPage(planID, series.nodeID).path, "\(series.nodeKey) \(series.text)"),
                            .text("：实际 \(Figure.text(series.assessment.actual, series.unit))，目标 \(Figure.text(series.value, series.unit))"
                                  + (series.dueYear != d.standing.calendar.year ? "（\(series.dueYear)年）" : "")
                                  + "，完成率 \(series.completionRate.map(Format.percent) ?? "—")，预计完成率 \(series.forecast.attainment.map(Format.percent) ?? "—")"
                                  + "，序时应达 \(Figure.text(series.assessment.expected, series.unit))，"),
                            HealthBadge.badge(series.assessment.health),
                        ]),
                    ])
                }))
            }
            return Layout.page(isReporter ? "本单位情况" : "看板", context, body)
        }

        func list(_ title: String, _ lines: [Dashboard.TaskLine], id: String) -> Body {
            var children: [Body] = [H.heading(2, "\(title)（\(lines.count)）")]
            if lines.isEmpty {
                children.append(H.paragraph("无。", class: "empty"))
            } else {
                children.append(H.cardTable(headers: ["任务", "单位", "进度", "原因"], rows: lines.map { t in
                    [
                        H.link(SitePath.taskPage(planID, t.id).path, "\(t.key) \(t.title)"), .text(t.units),
                        .text(t.progress.map { Format.percent($0) } ?? "—"), .text(t.reasons.joined(separator: "；")),
                    ]
                }))
            }
            return H.section([.id(id), .class("task-list")], children)
        }
    }
}
