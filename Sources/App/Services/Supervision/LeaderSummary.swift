import Foundation
import PlanDomain

/// What a leader asks first — 哪些目标完不成、谁负责 — for one plan, from the
/// same `Dashboard` the 看板 and its API are built from: the targets that will
/// be missed (the year over and not reached, or the forecast short:
/// `TargetOutlook`), worst first, each with its responsible units and 分管领导;
/// then the late tasks. The page shows the first few of each and links the rest.
struct LeaderSummary {
    var plan: PlanRecord
    var dashboard: Dashboard
    /// The plans the account may read, for the switcher.
    var plans: [PlanRecord]
    var missed: [Dashboard.TargetSeries]
    var late: [Dashboard.TaskLine]
    /// Numeric targets with figures; how many tasks in all.
    var targetCount: Int
    var taskCount: Int

    /// How many of each list the page shows before "另有 N 项".
    static let shown = 5

    init(plan: PlanRecord, dashboard: Dashboard, plans: [PlanRecord]) {
        self.plan = plan
        self.dashboard = dashboard
        self.plans = plans
        targetCount = dashboard.targets.count
        taskCount = dashboard.counts.values.reduce(0, +)
        // Worst first: the lowest 预计完成率 (for a finished year, 完成率), unknown last.
        func rank(_ t: Dashboard.TargetSeries) -> Double {
            (t.assessment.health == .missed ? t.completionRate : t.forecast.attainment) ?? .infinity
        }
        missed = dashboard.targets.filter(\.forecastMissed).sorted { rank($0) < rank($1) }
        late = dashboard.late
    }

    /// The plan a leader lands on: the one asked for, else the newest of the
    /// business year, else the newest published.
    static func choose(_ asked: UUID?, among plans: [PlanRecord], year: Int) -> PlanRecord? {
        if let asked, let plan = plans.first(where: { $0.id == asked }) { return plan }
        let live = plans.filter { $0.status != .draft }
        return live.first { $0.year == year } ?? live.first
    }
}
