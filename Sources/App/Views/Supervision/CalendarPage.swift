import Foundation
import PlanDomain
import Plot

enum CalendarPage {
    struct Model {
        var plan: PlanRecord
        var settings: CalendarSettings
        var calendar: ReportingCalendar
        var closed: Set<String>
        var today: CivilDate
        var policy: EscalationPolicy
    }

    static let policyLabels: [String: String] = [
        "remindDaysBefore": "截止日前几天开始提醒", "chaseAfterDays": "逾期后第几天首次催报", "chaseEveryDays": "每隔几天再催",
        "maxChases": "最多催报几次", "blueAfterMissed": "蓝色督办：连续未报几期", "blueAfterAtRiskPeriods": "蓝色督办：连续风险几期",
        "yellowAfterBehindPeriods": "黄色督办：连续滞后几期", "yellowAfterMissedInYear": "黄色督办：年内累计未报几期",
        "redAfterMissedReports": "红色督办：连续未报几期", "redAtRiskFromMonth": "红色督办：几月起仍有风险",
    ]

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let planID = model.plan.linkID
            let s = model.settings
            var profile = ""
            if case .seasonal(let shares) = s.profile { profile = shares.map(Format.number).joined(separator: ", ") }
            var body: [Body] = [
                H.p(class: "crumbs", [H.link(SitePath.planPage(planID).path, model.plan.displayTitle)]),
                H.heading(1, "报送日历"),
                PlanTabs.tabs(planID: planID, current: .calendarPage, canEdit: true),
                H.paragraph("日期均按北京时间（Asia/Shanghai）。截止日超过当月天数时取当月最后一天（如 2 月取 28 日或 29 日）。", class: "hint"),
                H.form(SitePath.updateCalendar(planID).path, class: "calendar-form", [
                    H.select("kind", label: "报送周期", options: PeriodKind.allCases.map { ($0.rawValue, $0.title) }, selected: s.kind.rawValue),
                    H.input("dueDay", value: "\(s.dueDay)", type: "number", label: "每期截止日（期末月的第几日）", extra: [.min(1), .max(31)]),
                    H.input("graceDays", value: "\(s.graceDays)", type: "number", label: "宽限天数", extra: [.min(0), .max(30)]),
                    H.input("onTrack", value: Format.number(s.thresholds.onTrack * 100), label: "正常阈值（实际/应达 ≥ %）"),
                    H.input("behind", value: Format.number(s.thresholds.behind * 100), label: "滞后阈值（低于此为风险，%）"),
                    H.input("profile", value: profile, label: "应达进度的月度分布（可选：12 个数，如上年各月完成量；留空为全年均匀）"),
                    H.select("partners", label: "谁来报送", options: [
                        ("yes", "牵头单位和各责任单位都报送，牵头单位汇总"), ("no", "只由牵头单位报送"),
                    ], selected: model.plan.partnersReport ? "yes" : "no"),
                    H.button("保存"),
                ]),
                H.heading(2, "\(model.calendar.year)年各期"),
            ]
            body.append(H.table(headers: ["期次", "截止", "宽限至", "状态", ""], rows: model.calendar.periods.map { period in
                let closed = model.closed.contains(period.key)
                let started = period.firstDay <= model.today
                let action: Body = closed
                    ? H.form(SitePath.reopenPeriod(planID, period.key).path, class: "inline", [H.button("重新开放", class: "button secondary small")])
                    : (started ? H.form(SitePath.closePeriod(planID, period.key).path, class: "inline", [H.button("关闭", class: "button secondary small")]) : .text(""))
                return [
                    .text(period.title), .text(model.calendar.dueDate(for: period).chineseTitle),
                    .text(model.calendar.deadline(for: period).chineseTitle),
                    H.span([.class(closed ? "state closed" : "state open"), .data("period", period.key)], [.text(closed ? "已关闭" : (started ? "开放" : "未开始"))]),
                    action,
                ]
            }))
            let p = model.policy
            let values: [(String, Int)] = [
                ("remindDaysBefore", p.remindDaysBefore), ("chaseAfterDays", p.chaseAfterDays), ("chaseEveryDays", p.chaseEveryDays),
                ("maxChases", p.maxChases), ("blueAfterMissed", p.blueAfterMissed), ("blueAfterAtRiskPeriods", p.blueAfterAtRiskPeriods),
                ("yellowAfterBehindPeriods", p.yellowAfterBehindPeriods), ("yellowAfterMissedInYear", p.yellowAfterMissedInYear),
                ("redAfterMissedReports", p.redAfterMissedReports), ("redAtRiskFromMonth", p.redAtRiskFromMonth),
            ]
            body.append(H.heading(2, "提醒、催报与督办规则"))
            body.append(H.form(SitePath.updatePolicy(planID).path, class: "calendar-form policy-form", values.map { name, value in
                H.input(name, value: "\(value)", type: "number", label: CalendarPage.policyLabels[name])
            } + [H.button("保存规则")]))
            return Layout.page("报送日历", context, body)
        }
    }
}
