import Fluent
import PlanDomain
import Vapor

/// 待办: where a plan office starts its day. What waits for it across the
/// plans it edits: reports to review, 督办单 to sign, periods whose deadline
/// is within a week, plans not yet published.
enum TodoController {
    /// How far ahead a closing period is shown.
    static let closingWithinDays = 7

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let today = req.clock.today()
        let plans = try await PlanQueries.visiblePlans(for: account, on: req.db).filter { Access.canEdit($0, account: account) }
        let ids = plans.compactMap(\.id)
        var pending: [UUID: Int] = [:], proposed: [UUID: Int] = [:]
        if !ids.isEmpty {
            for report in try await ProgressReport.query(on: req.db).filter(\.$plan.$id ~~ ids).filter(\.$state == .submitted)
                .field(\.$plan.$id).all() { pending[report.$plan.id, default: 0] += 1 }
            for notice in try await SupervisionNotice.query(on: req.db).filter(\.$plan.$id ~~ ids).filter(\.$status == .proposed)
                .field(\.$plan.$id).all() { proposed[notice.$plan.id, default: 0] += 1 }
        }
        var closing: [TodoPage.Closing] = []
        for plan in plans where plan.status == .published {
            guard let id = plan.id else { continue }
            let calendar = try await CalendarSettings.load(planID: id, on: req.db).calendar(year: plan.reportingYear(today: today))
            guard let period = calendar.collectingPeriod(on: today) else { continue }
            let deadline = calendar.deadline(for: period)
            let days = today.days(to: deadline)
            if days >= 0 && days <= closingWithinDays { closing.append(.init(plan: plan, period: period, deadline: deadline, days: days)) }
        }
        let model = TodoPage.Model(
            pending: plans.compactMap { plan in plan.id.flatMap { pending[$0] }.map { (plan, $0) } },
            proposed: plans.compactMap { plan in plan.id.flatMap { proposed[$0] }.map { (plan, $0) } },
            closing: closing,
            drafts: plans.filter { $0.status == .draft })
        return try await TodoPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }
}
