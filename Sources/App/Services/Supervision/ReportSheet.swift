import Fluent
import Foundation
import PlanDomain

/// What one unit has to report in a period, plan by plan: the page where a
/// reporter fills in everything in one sitting, and `/api/reports`.
struct ReportSheet {
    struct Item {
        var node: NodeRecord
        var report: ProgressReport?
        var values: [UUID: Double]
        /// 上期值: each target's value in this unit's latest earlier report
        /// handed in (submitted or accepted), and that report's period.
        var previous: [UUID: Double] = [:]
        var previousPeriod: ReportingPeriod? = nil
        var targets: [TargetRecord]
        var attachments: [ReportAttachment]
        /// For a lead unit whose task has partners: each partner's report of
        /// the period as handed in, to compile from (牵头汇总).
        var partners: [PartnerReport] = []
        /// For a partner: the lead units that compile its part.
        var compiledBy: [String] = []
    }

    /// What a partner has handed in for the period, as its lead sees it.
    struct PartnerReport {
        var unitName: String
        /// nil: nothing handed in yet (a draft is the partner's own); a
        /// returned report is shown as returned, to be corrected.
        var report: ProgressReport?
        var values: [UUID: Double]
    }

    struct Part {
        var plan: PlanRecord
        var period: ReportingPeriod
        var dueDate: CivilDate
        var deadline: CivilDate
        var check: SubmissionCheck
        var items: [Item]
        /// Other periods of this plan where one of the unit's reports is still missing past its deadline.
        var missing: [ReportingPeriod]
        /// Other periods of this plan where one of the unit's reports was returned for correction.
        var returned: [ReportingPeriod] = []
    }

    var unitName: String
    var parts: [Part]

    static func load(unitID: UUID, periodKey: String?, today: CivilDate, now: Date, on db: any Database) async throws -> ReportSheet {
        let unit = try await Unit.find(unitID, on: db)
        let planIDs = Set(try await Assignment.query(on: db).filter(\.$unit.$id == unitID).all().map(\.$plan.id))
        let candidates = try await PlanRecord.query(on: db).filter(\.$status == .published).all().filter { plan in
            (plan.id.map(planIDs.contains) ?? false) || plan.jurisdictionCode == unit?.jurisdictionCode
        }
        let requested = periodKey.flatMap(ReportingPeriod.init(key:))
        var parts: [Part] = []
        for plan in candidates.sorted(by: { $0.displayTitle < $1.displayTitle }) {
            guard let planID = plan.id else { continue }
            let settings = try await CalendarSettings.load(planID: planID, on: db)
            let calendar = try settings.calendar(year: plan.reportingYear(today: today))
            if let requested, requested.kind != calendar.kind || requested.year != calendar.year { continue }
            let loaded = try await PlanStore.load(plan, on: db)
            let issuers = try await PlanStore.issuerUnits(of: plan, on: db)
            let tasks = loaded.nodes.filter { $0.isTask && loaded.reportingUnits(of: $0, fallback: issuers).contains(unitID) }
            guard !tasks.isEmpty else { continue }
            let taskIDs = tasks.compactMap(\.id)
            let reports = try await ProgressReport.query(on: db).filter(\.$unit.$id == unitID).filter(\.$node.$id ~~ taskIDs).all()
            // What the unit still owes: reports returned for correction, and
            // periods past their deadline not handed in for every task.
            let handedIn = Set(reports.filter { $0.state == .submitted || $0.state == .accepted }.map { "\($0.$node.id)|\($0.period)" })
            let overdue = calendar.owedPeriods(publishedAt: plan.publishedAt).filter { p in
                calendar.deadline(for: p) < today && tasks.contains { node in
                    guard let id = node.id, calendar.isOwed(p, joinedOn: node.joinedOn.flatMap(CivilDate.init(iso:))) else { return false }
                    return !handedIn.contains("\(id)|\(p.key)")
                }
            }
            let returnedPeriods = Set(reports.filter { $0.state == .returned }.compactMap { ReportingPeriod(key: $0.period) })
                .filter { $0.kind == calendar.kind && $0.year == calendar.year }.sorted()
            guard let period = requested ?? OpeningPeriod.choose(
                collecting: calendar.collectingPeriod(on: today), returned: returnedPeriods, missing: overdue) else { continue }
            let closed = Set(try await PeriodClosure.query(on: db).filter(\.$plan.$id == planID).all().compactMap { ReportingPeriod(key: $0.period) })
            let current = reports.filter { $0.period == period.key }
            let currentIDs = current.compactMap(\.id)
            let values = currentIDs.isEmpty ? [] : try await ReportValue.query(on: db).filter(\.$report.$id ~~ currentIDs).all()
            let files = currentIDs.isEmpty ? [] : try await ReportAttachment.query(on: db).filter(\.$report.$id ~~ currentIDs)
                .field(\.$id).field(\.$report.$id).field(\.$filename).field(\.$size).field(\.$contentType).all()
            // The latest earlier report per task, for 上期值.
            var latestEarlier: [UUID: (ReportingPeriod, ProgressReport)] = [:]
            for report in reports where report.state == .submitted || report.state == .accepted {
                guard let p = ReportingPeriod(key: report.period), p.firstDay < period.firstDay else { continue }
                if let held = latestEarlier[report.$node.id], held.0.firstDay >= p.firstDay { continue }
                latestEarlier[report.$node.id] = (p, report)
            }
            let earlierIDs = latestEarlier.values.compactMap(\.1.id)
            let earlierValues = earlierIDs.isEmpty ? [] : try await ReportValue.query(on: db).filter(\.$report.$id ~~ earlierIDs).all()
            // The partners' handed-in reports of the period, for the tasks this unit compiles.
            let reportersByTask = Dictionary(tasks.compactMap { node in node.id.map { ($0, loaded.reporters(of: node, fallback: issuers)) } },
                                             uniquingKeysWith: { a, _ in a })
            let compiled = reportersByTask.filter { $0.value.lead.contains(unitID) && !$0.value.partners.isEmpty }
            let partnerIDs = Set(compiled.values.flatMap(\.partners))
            let partnerReports = compiled.isEmpty ? [] : try await ProgressReport.query(on: db)
                .filter(\.$node.$id ~~ Array(compiled.keys)).filter(\.$period == period.key).filter(\.$unit.$id ~~ Array(partnerIDs))
                .filter(\.$state ~~ [.submitted, .accepted, .returned]).all()
            let partnerReportIDs = partnerReports.compactMap(\.id)
            let partnerValues = partnerReportIDs.isEmpty ? [] : try await ReportValue.query(on: db).filter(\.$report.$id ~~ partnerReportIDs).all()
            let namedUnits = Set(reportersByTask.values.flatMap(\.all))
            let unitNames = namedUnits.isEmpty ? [:] : Dictionary(
                try await Unit.query(on: db).filter(\.$id ~~ Array(namedUnits)).all().compactMap { u in u.id.map { ($0, u.name) } },
                uniquingKeysWith: { a, _ in a })
            let items = tasks.map { node -> Item in
                let report = current.first { $0.$node.id == node.id }
                let reportValues = values.filter { $0.$report.id == report?.id }
                let earlier = node.id.flatMap { latestEarlier[$0] }
                return Item(
                    node: node, report: report,
                    values: Dictionary(reportValues.map { ($0.$target.id, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    previous: Dictionary(earlierValues.filter { $0.$report.id == earlier?.1.id }.map { ($0.$target.id, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    previousPeriod: earlier?.0,
                    targets: loaded.targets(of: node), attachments: files.filter { $0.$report.id == report?.id },
                    partners: (node.id.flatMap { compiled[$0] }?.partners ?? []).map { partner in
                        let handed = partnerReports.first { $0.$node.id == node.id && $0.$unit.id == partner }
                        return PartnerReport(
                            unitName: unitNames[partner] ?? "未知单位", report: handed,
                            values: Dictionary(partnerValues.filter { $0.$report.id == handed?.id }.map { ($0.$target.id, $0.value) },
                                               uniquingKeysWith: { a, _ in a }))
                    },
                    compiledBy: node.id.flatMap { reportersByTask[$0] }.map { r in
                        r.partners.contains(unitID) ? r.lead.compactMap { unitNames[$0] } : []
                    } ?? [])
            }
            parts.append(Part(
                plan: plan, period: period, dueDate: calendar.dueDate(for: period), deadline: calendar.deadline(for: period),
                check: calendar.submissionCheck(for: period, on: today, closed: closed), items: items,
                missing: overdue.filter { $0 != period && !returnedPeriods.contains($0) },
                returned: returnedPeriods.filter { $0 != period }))
        }
        return ReportSheet(unitName: unit?.name ?? "", parts: parts)
    }
}
