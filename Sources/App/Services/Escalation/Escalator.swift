import Fluent
import Foundation
import PlanDomain

/// Runs the escalation rules (`PlanDomain.escalations`) over every published
/// plan: reminders before the due day, chasing after the deadline, notices
/// (督办单) proposed to the office. Each action is written once under a
/// unique key (action, period, task, unit) in the same transaction as its
/// messages, so running twice — or on two servers at once — sends nothing twice.
enum Escalator {
    struct Outcome: Codable, Sendable, Equatable {
        var reminders = 0
        var chases = 0
        var notices = 0
        var skipped = 0
    }

    struct Context {
        var today: CivilDate
        var now: Date
        var holder: String
        var webhookURL: String?
    }

    /// Every published plan `include` lets through (the scheduler: all; a
    /// request: the plans of the caller's places).
    static func run(_ context: Context, on db: any Database, include: (PlanRecord) -> Bool = { _ in true }) async throws -> Outcome {
        var outcome = Outcome()
        for plan in try await PlanRecord.query(on: db).filter(\.$status == .published).all() where include(plan) {
            try await run(plan, context, outcome: &outcome, on: db)
        }
        return outcome
    }

    static func run(_ plan: PlanRecord, _ context: Context, outcome: inout Outcome, on db: any Database) async throws {
        let planID = try plan.requireID()
        let inputs = try await StandingInputs.load(plan, on: db)
        let standing = try PlanStanding(inputs, today: context.today, now: context.now)
        let calendar = standing.calendar
        let owed = calendar.owedPeriods(publishedAt: plan.publishedAt).filter { $0.firstDay <= context.today }
        guard !owed.isEmpty else { return }
        // A task's health in each past period, judged at that period's
        // deadline on the reports there were by then.
        var healthAt: [String: [UUID: Health]] = [:]
        for period in standing.duePeriods {
            let deadline = calendar.deadline(for: period)
            let then = try PlanStanding(inputs.upTo(period), today: deadline, now: deadline.startOfDay(in: .shanghai).addingTimeInterval(86_399))
            healthAt[period.key] = Dictionary(then.tasks.compactMap { t in t.node.id.map { ($0, t.health.health) } }, uniquingKeysWith: { a, _ in a })
        }
        let policy = try await policy(for: planID, on: db)
        let done = Set(try await EscalationRecord.query(on: db).filter(\.$planID == planID).all().map(\.dedupeKey))
        for task in standing.tasks where !task.completed {
            guard let nodeID = task.node.id else { continue }
            for unitID in task.units {
                let joinedOn = task.node.joinedOn.flatMap(CivilDate.init(iso:))
                let history = owed.filter { calendar.isOwed($0, joinedOn: joinedOn) }.map { period in
                    PeriodRecord(
                        period: period, timeliness: task.timeliness[unitID]?[period.key] ?? .pending,
                        health: healthAt[period.key]?[nodeID] ?? task.health.health)
                }
                for action in escalations(policy: policy, calendar: calendar, history: history, today: context.today) {
                    let key = "\(action.dedupeKey)|\(nodeID)|\(unitID)"
                    if done.contains(key) { outcome.skipped += 1; continue }
                    let written = try await record(
                        action, key: key, plan: plan, node: task.node, unitID: unitID,
                        unitName: inputs.unitNames[unitID] ?? "", context, on: db)
                    guard written else { outcome.skipped += 1; continue }
                    switch action {
                    case .remind: outcome.reminders += 1
                    case .chase: outcome.chases += 1
                    case .notice: outcome.notices += 1
                    }
                }
            }
        }
    }

    static func policy(for planID: UUID, on db: any Database) async throws -> EscalationPolicy {
        guard let record = try await EscalationPolicyRecord.query(on: db).filter(\.$planID == planID).first() else { return .standard }
        return (try? JSONDecoder().decode(EscalationPolicy.self, from: Data(record.policy.utf8))) ?? .standard
    }

    /// Writes one action; false when another run (or server) already did.
    static func record(
        _ action: EscalationAction, key: String, plan: PlanRecord, node: NodeRecord, unitID: UUID, unitName: String,
        _ context: Context, on db: any Database
    ) async throws -> Bool {
        let planID = try plan.requireID()
        let nodeID = try node.requireID()
        let link = SitePath.taskPage(planID, nodeID).path
        let headline = "【\(action.title)】\(unitName)：\(plan.displayTitle) \(node.key) \(node.title)"
        do {
            try await db.writeTransaction { tx in
                let row = EscalationRecord()
                row.dedupeKey = key
                row.planID = planID
                row.nodeID = nodeID
                row.unitID = unitID
                row.period = action.period.key
                row.holder = context.holder
                switch action {
                case .remind: row.kind = "remind"
                case .chase: row.kind = "chase"
                case .notice(let level, _, _): row.kind = "notice:\(level.key)"
                }
                try await row.create(on: tx)
                switch action {
                case .remind, .chase:
                    let isChase: Bool = { if case .chase = action { return true }; return false }()
                    try await Notifier.tellUnit(unitID, kind: row.kind, title: "\(action.title)：\(node.title.prefix(30))",
                                                body: action.message, link: link, at: context.now, on: tx)
                    try await TaskEvent(planID: planID, nodeID: nodeID, unitID: unitID, period: action.period.key,
                                        kind: isChase ? .chased : .reminded, accountName: "系统", detail: action.message, at: context.now).create(on: tx)
                    if let url = context.webhookURL {
                        try await Outbox.enqueue(url: url, text: "\(headline)\n\(action.message)", key: key, now: context.now, on: tx)
                    }
                case .notice(let level, let period, let reasons):
                    let notice = SupervisionNotice()
                    notice.$plan.id = planID
                    notice.$node.id = nodeID
                    notice.$unit.id = unitID
                    notice.level = level
                    notice.period = period.key
                    notice.reasons = reasons.joined(separator: "；")
                    notice.status = .proposed
                    try await notice.create(on: tx)
                    for office in try await Account.query(on: tx).filter(\.$role == .office).all()
                    where office.jurisdictionCode.map({ Access.covers($0, plan.jurisdictionCode) }) ?? false {
                        try await Notifier.tell(office, kind: "notice-proposed", title: "待签发\(level.title)：\(unitName)",
                                                body: "\(node.key) \(node.title)：\(notice.reasons)",
                                                link: SitePath.noticesPage(planID).path, at: context.now, on: tx)
                    }
                }
            }
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }
}

extension StandingInputs {
    /// The inputs as they stood for `period`: only reports of it and before.
    func upTo(_ period: ReportingPeriod) -> StandingInputs {
        var copy = self
        copy.reports = reports.filter { ReportingPeriod(key: $0.period).map { $0 <= period } ?? false }
        let kept = Set(copy.reports.map(\.id))
        copy.values = values.filter { kept.contains($0.reportID) }
        return copy
    }
}
