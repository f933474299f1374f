import Foundation
import PlanDomain
import PlanText
import Plot

/// 领导摘要: on one screen, at phone width too, which targets will be missed
/// and who answers for them (责任单位 → 分管领导), then the late tasks. Cards,
/// not tables, so a phone shows them whole.
enum LeaderSummaryPage {
    struct View {
        var summary: LeaderSummary?
        var context: PageContext

        var html: HTML {
            var body: [Body] = [H.heading(1, "领导摘要")]
            guard let s = summary else {
                body.append(H.paragraph("还没有已发布的计划。", class: "empty"))
                return Layout.page("领导摘要", context, body)
            }
            let planID = s.plan.linkID
            let standing = s.dashboard.standing
            let yearOver = standing.calendar.year < standing.today.year
            body.append(H.p(class: "summary-line", [
                H.link(SitePath.planPage(planID).path, s.plan.displayTitle), .text("　截至\(standing.asOf.chineseTitle)"),
            ]))
            body.append(H.ul(class: "summary-counts", [
                H.li([.data("count", "missed")], [.text(yearOver ? "未达成目标 " : "预计完不成 "), H.strong([.text("\(s.missed.count)")]), .text(" / \(s.targetCount) 项")]),
                H.li([.data("count", "late")], [.text("逾期任务 "), H.strong([.text("\(s.late.count)")]), .text(" / \(s.taskCount) 项")]),
            ]))

            body.append(H.heading(2, yearOver ? "未达成的目标" : "预计完不成的目标"))
            if s.missed.isEmpty {
                body.append(H.paragraph(s.targetCount == 0 ? "还没有可计算的目标数据。" : "没有预计完不成的目标。", class: "empty"))
            } else {
                body.append(H.ol(class: "summary-cards", s.missed.prefix(LeaderSummary.shown).map(targetCard)))
            }
            if s.missed.count > LeaderSummary.shown {
                body.append(H.paragraph("另有 \(s.missed.count - LeaderSummary.shown) 项，见看板。", class: "hint"))
            }

            body.append(H.heading(2, "逾期任务"))
            if s.late.isEmpty {
                body.append(H.paragraph("没有逾期任务。", class: "empty"))
            } else {
                body.append(H.ol(class: "summary-cards", s.late.prefix(LeaderSummary.shown).map { task in
                    H.li([.class("card summary-card"), .data("kind", "late")], [
                        H.p(class: "summary-title", [H.link(SitePath.taskPage(planID, task.id).path, "\(task.key) \(task.title)")]),
                        H.p(class: "summary-who", [.text(Self.who(units: task.units, leaders: task.leaders))]),
                        H.paragraph(task.reasons.joined(separator: "；"), class: "summary-why"),
                    ])
                }))
            }
            if s.late.count > LeaderSummary.shown {
                body.append(H.paragraph("另有 \(s.late.count - LeaderSummary.shown) 项，见看板。", class: "hint"))
            }
            body.append(H.p(class: "actions", [H.link(SitePath.dashboardPage(planID).path, "打开看板", class: "button")]))
            // Other plans below the answer, so the answer comes first on a phone.
            if s.plans.count > 1 {
                body.append(H.getForm(SitePath.summaryPage.path, class: "filters", [
                    H.select("plan", label: "其他计划", options: s.plans.map { ($0.linkID.uuidString, $0.displayTitle) }, selected: planID.uuidString),
                    H.button("查看", class: "button secondary"),
                ]))
            }
            return Layout.page("领导摘要", context, body)
        }

        private func targetCard(_ t: Dashboard.TargetSeries) -> Body {
            let state = t.assessment.health == .missed ? Health.missed.title : ForecastStatus.atRisk.title
            let figures = "实际\(Figure.text(t.assessment.actual, t.unit))，目标\(Self.stated(t.comparator))\(Figure.text(t.value, t.unit))"
                + (t.dueYear != summary?.dashboard.standing.calendar.year ? "（\(t.dueYear)年）" : "")
                + "，完成率\(t.completionRate.map(Format.percent) ?? "—")"
                + (t.assessment.health == .missed ? "" : "，预计完成率\(t.forecast.attainment.map(Format.percent) ?? "—")")
            return H.li([.class("card summary-card"), .data("kind", "target")], [
                H.p(class: "summary-title", [.text(t.text), .text(" "), H.span([.class("state"), .data("health", "missed")], [.text(state)])]),
                H.paragraph(figures, class: "summary-figures"),
                H.p(class: "summary-who", [.text(Self.who(units: t.units, leaders: t.leaders))]),
            ])
        }

        /// The comparator as the plan words it, where it changes the reading:
        /// 40 of 突破40 is not reached.
        static func stated(_ comparator: PlanText.Comparator) -> String {
            switch comparator {
            case .greaterThan: "超过"
            case .atMost: "不超过"
            case .approximately: "约"
            case .atLeast, .range: ""
            }
        }

        /// 责任单位：… · 分管领导：…
        static func who(units: String, leaders: [String]) -> String {
            "责任单位：\(units.isEmpty ? "未列明" : units)；分管领导：\(leaders.isEmpty ? "计划未列明" : leaders.joined(separator: "、"))"
        }
    }
}
