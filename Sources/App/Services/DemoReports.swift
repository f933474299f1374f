import Fluent
import Foundation
import PlanDomain
import Vapor

/// `--demo`'s months of reporting: for every published plan, each reporting
/// unit's reports up to the demo day, in patterns a real office sees — most
/// units on time and accepted, some late, one falling behind its targets, one
/// that stopped reporting, a report returned and waiting, drafts and reports
/// awaiting review in the current period, and finished tasks closed (销号).
/// Deterministic: the same seed plans give the same picture.
enum DemoReports {
    enum Habit: Int, CaseIterable { case diligent, late, behind, silent }

    /// The demo runs on this day of the newest seed plan's year, so the
    /// dashboards show a year in progress whatever the real date. In January
    /// no period of the year has passed its deadline (the demo's reports are
    /// due after the date, see `calendarSettings`), so there would be nothing
    /// of this year's plan to chase and no notice to try: January runs on the
    /// same day of February instead (the 28th at most).
    static func demoDay(newestYear: Int, real: CivilDate) -> CivilDate {
        let month = real.month == 1 ? 2 : real.month
        return CivilDate(year: newestYear, month: month, day: min(real.day, CivilDate.daysIn(month: month, year: newestYear)))
    }

    /// The demo's reporting calendar: monthly with the standard grace days,
    /// due two days after the business date (the month's last day at the
    /// latest), so on any date there is a report due soon and a reminder to
    /// see, and last month's deadline has passed, so there is chasing to see
    /// from February on. A real plan keeps the standard 25th.
    static func calendarSettings(on today: CivilDate) -> CalendarSettings {
        var settings = CalendarSettings.standard
        settings.dueDay = min(today.day + 2, 31)
        return settings
    }

    /// Habits go round the plan's units in name order, so every plan shows
    /// each kind; the unit with the fewest tasks has stopped reporting (one
    /// silent unit is a story; one on every task would paint it all red);
    /// the demo reporters' own units are diligent.
    static let rota: [Habit] = [.diligent, .late, .diligent, .behind, .diligent, .diligent]

    static func habits(of units: [Unit], taskCount: [UUID: Int]) -> [UUID: Habit] {
        var out: [UUID: Habit] = [:]
        let own: Set<String> = ["市科技局", "市科技经信局"]
        let others = units.filter { !own.contains($0.name) }.sorted { $0.name < $1.name }
        for (index, unit) in others.enumerated() {
            if let id = unit.id { out[id] = rota[index % rota.count] }
        }
        if others.count >= 3, let quiet = others.min(by: { (taskCount[$0.id!] ?? 0, $0.name) < (taskCount[$1.id!] ?? 0, $1.name) }), let id = quiet.id {
            out[id] = .silent
        }
        return out
    }

    static func fill(_ app: Application, today: CivilDate) async throws {
        let db = app.db
        let reviewer = "演示·计划办"
        for plan in try await PlanRecord.query(on: db).filter(\.$status == .published).all() {
            let planID = try plan.requireID()
            let settings = calendarSettings(on: today)
            let calendar = try settings.calendar(year: plan.reportingYear(today: today))
            try await PlanCalendar(planID: planID, settings: settings).create(on: db)
            let loaded = try await PlanStore.load(plan, on: db)
            let issuers = try await PlanStore.issuerUnits(of: plan, on: db)
            let units = try await Unit.query(on: db).all()
            let unitByID = Dictionary(units.compactMap { u in u.id.map { ($0, u) } }, uniquingKeysWith: { a, _ in a })
            var taskCount: [UUID: Int] = [:]
            for node in loaded.nodes where node.isTask {
                for unit in loaded.reportingUnits(of: node, fallback: issuers) { taskCount[unit, default: 0] += 1 }
            }
            let habitOf = habits(of: taskCount.keys.compactMap { unitByID[$0] }, taskCount: taskCount)
            let periods = calendar.periods.filter { $0.firstDay <= today }
            guard let last = periods.last else { continue }
            var reports: [ProgressReport] = []
            var values: [ReportValue] = []
            var events: [TaskEvent] = []
            var closures: [TaskClosure] = []
            var returned: [(UUID, String, String, Date)] = []
            for node in loaded.nodes where node.isTask {
                guard let nodeID = node.id else { continue }
                let deadline = node.deadlineDate.flatMap(CivilDate.init(iso:))
                var closed = false
                for unitID in loaded.reportingUnits(of: node, fallback: issuers) {
                    guard let unit = unitByID[unitID] else { continue }
                    let habit = habitOf[unitID] ?? .diligent
                    for period in periods {
                        if closed { break }
                        let isCurrent = period == last && calendar.deadline(for: period) >= today
                        let isLastDue = period == (isCurrent ? periods.dropLast().last : last)
                        // The silent unit has sent nothing for the last three
                        // periods (from the start in a year's first three).
                        if habit == .silent && period.index >= max(1, periods.count - 2) { continue }
                        if isCurrent && (node.position + period.index) % 3 == 0 { continue }
                        let share = Double(period.lastMonth) / 12
                        let pace = habit == .behind ? 0.75 : 1.08
                        let report = ProgressReport(planID: planID, nodeID: nodeID, unitID: unitID, period: period.key, authorName: "\(unit.name)填报员")
                        report.id = UUID()
                        let percent = min(100, (share * 100 * pace).rounded())
                        report.percent = percent
                        report.narrative = narrative(node: node, period: period, percent: percent, habit: habit)
                        report.selfStatus = habit == .behind ? .behind : .onTrack
                        let due = calendar.dueDate(for: period).startOfDay(in: .shanghai)
                        let submitted = habit == .late && period.index % 2 == 0
                            ? calendar.deadline(for: period).adding(days: 2).startOfDay(in: .shanghai).addingTimeInterval(9 * 3600)
                            : due.addingTimeInterval(-2 * 86_400 + 10 * 3600)
                        let finishing = deadline.map { $0 <= period.lastDay && $0 >= period.firstDay } ?? false
                        report.completionProposed = finishing && habit == .diligent
                        if isCurrent {
                            report.state = node.position % 2 == 0 ? .draft : .submitted
                        } else if isLastDue && node.position % 7 == 3 {
                            report.state = .returned
                            report.reviewComment = "请补充量化数据和佐证材料。"
                            returned.append((unitID, node.title, period.key, submitted.addingTimeInterval(2 * 86_400)))
                        } else if isLastDue && node.position % 4 == 1 {
                            report.state = .submitted
                        } else {
                            report.state = .accepted
                        }
                        if report.state != .draft {
                            report.firstSubmittedAt = submitted
                            report.lastSubmittedAt = submitted
                        }
                        if report.state == .accepted || report.state == .returned {
                            report.reviewedAt = submitted.addingTimeInterval(2 * 86_400)
                            report.reviewerName = reviewer
                        }
                        reports.append(report)
                        for target in loaded.targets(of: node) {
                            guard let targetID = target.id else { continue }
                            let value = target.isCumulative ? target.value * share * pace : target.value * pace
                            // Counts (家, 项) are whole numbers, as a unit would report them.
                            let reported = CountUnit.isCount(target.unit) ? value.rounded() : (value * 10).rounded() / 10
                            values.append(ReportValue(reportID: report.id!, targetID: targetID, value: reported))
                        }
                        if let at = report.firstSubmittedAt {
                            events.append(event(planID, nodeID, unitID, period, .submitted, report.authorName, "报送\(period.title)进展，进度 \(Int(percent))%", at))
                        }
                        if report.state == .accepted, let at = report.reviewedAt {
                            events.append(event(planID, nodeID, unitID, period, .accepted, reviewer, "采纳\(period.title)报告", at))
                            if report.completionProposed {
                                closures.append(TaskClosure(nodeID: nodeID, confirmedBy: reviewer))
                                events.append(event(planID, nodeID, nil, period, .completed, reviewer, "确认办结，任务销号", at))
                                closed = true
                            }
                        } else if report.state == .returned, let at = report.reviewedAt {
                            events.append(event(planID, nodeID, unitID, period, .returned, reviewer, "退回\(period.title)报告：\(report.reviewComment ?? "")", at))
                        }
                    }
                }
            }
            let (reportRows, valueRows, eventRows, closureRows, returnedRows) = (reports, values, events, closures, returned)
            try await db.writeTransaction { tx in
                for batch in stride(from: 0, to: reportRows.count, by: 200) { try await Array(reportRows[batch..<min(batch + 200, reportRows.count)]).create(on: tx) }
                for batch in stride(from: 0, to: valueRows.count, by: 200) { try await Array(valueRows[batch..<min(batch + 200, valueRows.count)]).create(on: tx) }
                for batch in stride(from: 0, to: eventRows.count, by: 200) { try await Array(eventRows[batch..<min(batch + 200, eventRows.count)]).create(on: tx) }
                for closure in closureRows where try await TaskClosure.query(on: tx).filter(\.$node.$id == closure.$node.id).first() == nil {
                    try await closure.create(on: tx)
                }
                for (unitID, title, period, at) in returnedRows {
                    try await Notifier.tellUnit(
                        unitID, kind: "returned", title: "进展报告被退回：\(title.prefix(30))",
                        body: "\(ReportingPeriod(key: period)?.title ?? period)报告被退回。退回原因：请补充量化数据和佐证材料。请修改后重新报送。",
                        link: SitePath.reportsPage.path + "?period=\(period)", at: at, on: tx)
                }
            }
        }
    }

    static func event(_ planID: UUID, _ nodeID: UUID, _ unitID: UUID?, _ period: ReportingPeriod, _ kind: TaskEvent.Kind, _ who: String, _ detail: String, _ at: Date) -> TaskEvent {
        TaskEvent(planID: planID, nodeID: nodeID, unitID: unitID, period: period.key, kind: kind, accountName: who, detail: detail, at: at)
    }

    static func narrative(node: NodeRecord, period: ReportingPeriod, percent: Double, habit: Habit) -> String {
        let title = String(node.title.prefix(24))
        switch habit {
        case .behind:
            return "\(period.title)，“\(title)”按计划推进，受项目审批进度影响完成 \(Int(percent))%，较序时进度滞后，已制定赶进度措施。"
        default:
            return "\(period.title)，“\(title)”按计划推进，累计完成 \(Int(percent))%，下一步继续跟踪落实。"
        }
    }
}
