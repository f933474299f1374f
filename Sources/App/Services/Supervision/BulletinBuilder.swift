import Foundation
import PlanDomain

/// Builds a bulletin (通报) of a plan for a month or a quarter from the same
/// standing the dashboard shows, judged at the end of that period on the
/// reports there were by then.
enum BulletinBuilder {
    struct Request {
        var kind: Bulletin.Kind
        /// A monthly key (2025-03) or a quarter (2025-Q1).
        var period: String
    }

    /// The reporting period the bulletin closes with, and its title.
    static func scope(_ request: Request, calendar: ReportingCalendar) throws -> (last: ReportingPeriod, title: String) {
        guard let asked = ReportingPeriod(key: request.period), asked.year == calendar.year else {
            throw AppError.badRequest("通报期次不对：应为本计划年度内的月份（如 \(calendar.year)-03）或季度（如 \(calendar.year)-Q1）。")
        }
        switch (request.kind, asked.kind) {
        case (.monthly, .monthly) where calendar.kind == .monthly:
            return (asked, asked.title)
        case (.quarterly, .quarterly):
            let month = asked.lastMonth
            let last = ReportingPeriod(kind: calendar.kind, containing: CivilDate(year: asked.year, month: month, day: 1))
            return (last, asked.title)
        default:
            throw AppError.badRequest("月度通报请选月份，季度通报请选季度（本计划\(calendar.kind.title)报送）。")
        }
    }

    /// The month whose figures a bulletin of `request` closes with, for the
    /// places' comparison read before the bulletin is built.
    static func lastMonth(_ request: Request, calendar: ReportingCalendar) throws -> Int {
        try scope(request, calendar: calendar).last.lastMonth
    }

    static func build(
        _ request: Request, inputs: StandingInputs, today: CivilDate, number: Int, issuer: String,
        places: Bulletin.PlaceTable? = nil, meetings: [MeetingRecord] = []
    ) throws -> (Bulletin, [String: String]) {
        let plan = inputs.loaded.record
        let calendar = try inputs.settings.calendar(year: plan.reportingYear(today: today))
        let (last, title) = try scope(request, calendar: calendar)
        // Judged the day after the period's deadline (or today, if earlier):
        // a report not in by then is missing in the bulletin too.
        let asOf = min(today, calendar.deadline(for: last).adding(days: 1))
        let scoped = inputs.upTo(last)
        let standing = try PlanStanding(scoped, today: asOf, now: asOf.startOfDay(in: .shanghai).addingTimeInterval(1))
        var counts: [Health: Int] = [:]
        for task in standing.tasks { counts[task.health.health, default: 0] += 1 }
        let due = standing.units.reduce(0) { $0 + $1.counts.due }
        let onTime = standing.units.reduce(0) { $0 + $1.counts.onTime }
        let rate = due > 0 ? String(format: "%.1f%%", Double(onTime) / Double(due) * 100) : "—"
        let summary: [Bulletin.Count] = [
            .init(label: "任务总数", value: "\(standing.tasks.count)项"),
            .init(label: "已完成", value: "\(counts[.completed] ?? 0)项"),
            .init(label: "正常推进", value: "\(counts[.onTrack] ?? 0)项"),
            .init(label: "滞后", value: "\(counts[.behind] ?? 0)项"),
            .init(label: "风险", value: "\(counts[.atRisk] ?? 0)项"),
            .init(label: "逾期", value: "\(counts[.overdue] ?? 0)项"),
            .init(label: "按时报送率", value: rate),
        ]
        func row(_ task: PlanStanding.TaskStanding) -> Bulletin.TaskRow {
            Bulletin.TaskRow(
                key: task.node.key, title: task.node.title,
                units: task.units.compactMap { inputs.unitNames[$0] }.joined(separator: "、"),
                status: task.health.health.title, progress: task.progress.map { String(format: "%.0f%%", $0 * 100) } ?? "—",
                note: task.health.reasons.joined(separator: "；"))
        }
        // The same series, forecast and 完成率 as the dashboard's targets (docs/numbers.md).
        let series = Dashboard.series(scoped, standing: standing, tasks: standing.tasks)
        // 较上期: the latest figure by this period's last month against the
        // latest by the previous period's (a month, or a quarter, earlier).
        let previousMonth = last.lastMonth - (request.kind == .quarterly ? 3 : 1)
        let targets = series.map { t in
            Bulletin.TargetRow(
                key: t.nodeKey, text: t.text, target: Figure.text(t.value, t.unit), actual: Figure.text(t.assessment.actual, t.unit),
                trend: trend(now: latest(t.actual, upTo: last.lastMonth), before: latest(t.actual, upTo: previousMonth), unit: t.unit),
                completionRate: t.completionRate.map(Format.percent) ?? "—", projected: Figure.text(t.forecast.projected, t.unit),
                projectedRate: t.forecast.attainment.map(Format.percent) ?? "—",
                status: t.forecastMissed && t.assessment.health != .missed ? "预计完不成" : t.assessment.health.title, units: t.units)
        }
        let chart = Bulletin.ChartData.completion(
            categories: targets.map(Bulletin.ChartData.label),
            completionRates: series.map { $0.completionRate.map { $0 * 100 } },
            projectedRates: series.map { $0.forecast.attainment.map { $0 * 100 } })
        // 会议议定事项: the decisions of meetings held by the period's end, each
        // saying which meeting decided it and by when.
        let decisions = meetings.filter { ($0.heldOn) <= last.lastDay.iso }.sorted { $0.heldOn < $1.heldOn }.flatMap { meeting in
            standing.tasks.filter { $0.node.parentID == meeting.sectionID }.map { task in
                var line = row(task)
                line.note = "\(meeting.title)议定" + (task.node.deadlineText.map { "，\($0)完成" } ?? "")
                    + (line.note.isEmpty ? "" : "；" + line.note)
                return line
            }
        }
        let order: [Health] = [.overdue, .atRisk, .behind, .onTrack, .completed, .noData]
        let groups = order.compactMap { health -> Bulletin.TaskGroup? in
            let rows = standing.tasks.filter { $0.health.health == health }.map(row)
            return rows.isEmpty ? nil : Bulletin.TaskGroup(title: health.title, rows: rows)
        }
        let ranking = standing.units.map { e in
            Bulletin.UnitRank(
                rank: e.rank, unit: e.name, tasks: e.counts.tasks,
                onTimeRate: e.counts.onTimeRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—",
                completionRate: e.counts.completionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—",
                score: e.counts.score.map { String(format: "%.1f", $0) } ?? "—")
        }
        let bulletin = Bulletin(
            kind: request.kind, title: "\(plan.displayTitle)落实情况通报（\(title)）", issuer: issuer, number: "第\(number)期",
            periodTitle: title, issuedOn: today.iso, summary: summary, targets: targets,
            chart: chart.isDrawable ? chart : nil, places: places, decisions: decisions.isEmpty ? nil : decisions, sections: groups,
            late: standing.tasks.filter { $0.health.health == .overdue }.map(row),
            atRisk: standing.tasks.filter { $0.health.health == .atRisk }.map(row), ranking: ranking,
            remarks: ["请各责任单位对照通报问题抓紧整改，逾期和风险任务的牵头单位于下一报送期前报送整改情况。"])
        return (bulletin, Dictionary(summary.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The latest known figure in months 1…`month` of a series (index 0 is January).
    static func latest(_ monthly: [Double?], upTo month: Int) -> Double? {
        guard month >= 1 else { return nil }
        return monthly.prefix(month).last { $0 != nil } ?? nil
    }

    /// 较上期 as printed: ↑5家, ↓0.2个百分点 (a share moves in points, not in
    /// percent of itself), 持平, or — when either figure is unknown.
    static func trend(now: Double?, before: Double?, unit: String) -> String {
        guard let now, let before, now.isFinite, before.isFinite else { return "—" }
        let change = now - before
        if abs(change) < 1e-9 { return "持平" }
        let isShare = unit.contains("%") || unit.contains("％")
        return (change > 0 ? "↑" : "↓") + (isShare ? Figure.amount(abs(change), of: "") + "个百分点" : Figure.text(abs(change), unit))
    }
}
