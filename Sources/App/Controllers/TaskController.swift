import Fluent
import PlanDomain
import Vapor

/// One task: its health and why, its targets against what was expected, every
/// report by period, and the timeline of reports, reviews, returns and changes.
enum TaskController {
    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let nodeID = try req.uuidParameter("nodeID")
        let inputs = try await StandingInputs.load(plan, on: req.db)
        guard let node = inputs.loaded.nodes.first(where: { $0.id == nodeID }) else { throw AppError.notFound("任务") }
        if let visible = PlanQueries.visibleNodes(of: inputs.loaded, for: account, issuerUnits: inputs.issuerUnits), !visible.contains(nodeID) { throw AppError.forbidden }
        let standing = try PlanStanding(inputs, today: req.clock.today(), now: req.clock.now())
        let events = try await TaskEvent.query(on: req.db).filter(\.$node.$id == nodeID).sort(\.$createdAt, .descending).all()
        var reports = try await ProgressReport.query(on: req.db).filter(\.$node.$id == nodeID).all().sorted { ($0.period, $0.$unit.id.uuidString) > ($1.period, $1.$unit.id.uuidString) }
        if account.role == .reporter { reports = reports.filter { $0.$unit.id == account.$unit.id } }
        let reportIDs = reports.compactMap(\.id)
        let attachments = reportIDs.isEmpty ? [] : try await ReportAttachment.query(on: req.db).filter(\.$report.$id ~~ reportIDs)
            .field(\.$id).field(\.$report.$id).field(\.$filename).field(\.$size).field(\.$contentType).all()
        var notices = try await SupervisionNotice.query(on: req.db).filter(\.$node.$id == nodeID).sort(\.$createdAt, .descending).all()
            .filter { $0.status != .dismissed && ($0.status != .proposed || Access.canEdit(plan, account: account)) }
        if account.role == .reporter { notices = notices.filter { $0.$unit.id == account.$unit.id } }
        let groups = groupProgress(of: node, inputs: inputs, standing: standing.task(nodeID), reports: reports, today: standing.today)
        let splits = try await TargetCascade.views(of: inputs.loaded.targets(of: node), plan: plan, year: standing.calendar.year,
                                                   month: standing.asOf.year == standing.calendar.year ? standing.asOf.month : 12, on: req.db)
        let model = TaskPage.Model(
            plan: plan, node: node, standing: standing.task(nodeID), calendar: standing.calendar, reports: reports,
            unitNames: inputs.unitNames, values: inputs.values.filter { v in reportIDs.contains(v.reportID) }, events: events, attachments: attachments,
            canReview: Access.canEdit(plan, account: account), reporterUnit: account.role == .reporter ? account.$unit.id : nil,
            assignments: inputs.loaded.assignments.filter { $0.$node.id == nodeID }, now: req.clock.now(), notices: notices,
            groups: groups, splits: splits)
        return try await TaskPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    /// The unit groups (各镇办) the task is handed to — named by the task or,
    /// as for its units, by the nearest section above that names any — each
    /// rolled up from its members for the latest period past its deadline
    /// (the one the task's health is judged on), or the first being collected.
    static func groupProgress(of node: NodeRecord, inputs: StandingInputs, standing: PlanStanding.TaskStanding?,
                              reports: [ProgressReport], today: CivilDate) -> [TaskPage.GroupLine] {
        guard let standing, let period = (standing.periods.last { ($0.deadline ?? today) < today } ?? standing.periods.last)?.period
        else { return [] }
        var current: NodeRecord? = node
        var named: [Assignment] = []
        while let here = current, let id = here.id, named.isEmpty {
            named = (inputs.loaded.assignmentsByNode[id] ?? []).filter { $0.role != .cooperating }
            current = here.parentID.flatMap { inputs.loaded.nodeByID[$0] }
        }
        return named.compactMap { assignment in
            guard let members = inputs.loaded.groups.members(of: assignment.unitName), !members.isEmpty else { return nil }
            let progress = GroupProgress(members: members.map { member in
                let timeliness = standing.timeliness[member]?[period.key]
                let latest = reports.filter { $0.$unit.id == member && $0.state == .accepted }.max { $0.period < $1.period }
                return (name: inputs.unitNames[member] ?? "未知单位", handedIn: timeliness == .onTime || timeliness == .late,
                        percent: latest?.percent)
            })
            return TaskPage.GroupLine(name: assignment.unitName, period: period, progress: progress)
        }
    }
}

extension TaskController {
    /// 分解到县市区: the shares of a target of the task for the places under the plan's place.
    @Sendable static func splitTarget(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        guard let target = try await TargetRecord.find(try req.uuidParameter("targetID"), on: req.db), target.$plan.id == plan.id else {
            throw AppError.notFound("目标")
        }
        let back = target.nodeID.map { SitePath.taskPage(plan.linkID, $0).path + "#split-\(target.linkID)" } ?? SitePath.planPage(plan.linkID).path
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        return try await req.redirectWithOutcome(back) {
            let shares = try await TargetCascade.split(target, plan: plan, year: plan.reportingYear(today: req.clock.today()), fields: fields,
                                                        by: account, at: req.clock.now(), on: req.db)
            return "已将目标分解到 \(shares.count) 个地区，合计 \(Format.number(shares.reduce(0) { $0 + $1.value }))\(target.unit)。"
        }
    }
}
