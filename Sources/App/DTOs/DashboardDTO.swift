import Foundation
import PlanDomain
import Vapor

struct DashboardDTO: Content {
    struct SectionDTO: Content {
        var id: UUID
        var key: String
        var title: String
        var tasks: Int
        /// Its weight in the plan: the office's, or the sum of its tasks'.
        var weight: Double
        var score: Double?
        var progress: Double?
        var health: Health
    }

    struct TaskLineDTO: Content {
        var id: UUID
        var key: String
        var title: String
        var units: String
        var health: Health
        var reasons: [String]
        var progress: Double?
    }

    struct UnitDTO: Content {
        var unitID: String
        var name: String
        var rank: Int
        var tasks: Int
        var due: Int
        var onTime: Int
        var late: Int
        var missing: Int
        var onTimeRate: Double?
        var completionRate: Double?
        var score: Double?
    }

    /// A target of the tasks shown, judged on `asOf`: the target as the
    /// plan states it and its year, this year's point on its path (what the
    /// chart draws), 序时应达 by now, 实际, and 完成率 = 实际 ÷ 目标
    /// (docs/numbers.md); the year end at the pace so far (预计全年), 预计完成率 =
    /// 预计全年 ÷ this year's point, and whether it will be missed.
    struct TargetDTO: Content {
        var nodeID: UUID
        var nodeKey: String
        var text: String
        var unit: String
        var target: Double
        var dueYear: Int
        var yearTarget: Double
        var expected: Double
        var actual: Double?
        var completionRate: Double?
        var health: Health
        var projected: Double?
        var projectedRate: Double?
        var forecast: ForecastStatus
        var willBeMissed: Bool
        var units: String
        var leaders: [String]
    }

    var planID: UUID
    var today: String
    var asOf: String
    var currentPeriod: String?
    /// The leader whose tasks the counts and lists are narrowed to, if any.
    var leader: String?
    var counts: [String: Int]
    var plan: SectionDTO?
    var sections: [SectionDTO]
    var units: [UnitDTO]
    var late: [TaskLineDTO]
    var atRisk: [TaskLineDTO]
    var behind: [TaskLineDTO]
    var targets: [TargetDTO]

    init(planID: UUID, _ d: Dashboard) {
        self.planID = planID
        today = d.standing.today.iso
        asOf = d.standing.asOf.iso
        currentPeriod = d.standing.currentPeriod?.key
        leader = d.leader
        counts = Dictionary(d.counts.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +)
        let whole = d.standing.plan
        plan = SectionDTO(id: planID, key: "", title: "全部", tasks: whole.total, weight: whole.weightTotal, score: whole.score, progress: whole.progress, health: whole.health)
        sections = d.sections.map {
            SectionDTO(id: $0.id, key: $0.key, title: $0.title, tasks: $0.tasks, weight: $0.weight ?? $0.rollUp.weightTotal,
                       score: $0.rollUp.score, progress: $0.rollUp.progress, health: $0.rollUp.health)
        }
        units = d.standing.units.map { e in
            UnitDTO(unitID: e.key, name: e.name, rank: e.rank, tasks: e.counts.tasks, due: e.counts.due, onTime: e.counts.onTime,
                    late: e.counts.late, missing: e.counts.missing, onTimeRate: e.counts.onTimeRate,
                    completionRate: e.counts.completionRate, score: e.counts.score)
        }
        let line = { (t: Dashboard.TaskLine) in
            TaskLineDTO(id: t.id, key: t.key, title: t.title, units: t.units, health: t.health, reasons: t.reasons, progress: t.progress)
        }
        late = d.late.map(line)
        atRisk = d.atRisk.map(line)
        behind = d.behind.map(line)
        targets = d.targets.map { t in
            TargetDTO(nodeID: t.nodeID, nodeKey: t.nodeKey, text: t.text, unit: t.unit, target: t.value, dueYear: t.dueYear,
                      yearTarget: t.target, expected: t.assessment.expected, actual: t.assessment.actual,
                      completionRate: t.completionRate, health: t.assessment.health,
                      projected: t.forecast.projected, projectedRate: t.forecast.attainment, forecast: t.forecast.status,
                      willBeMissed: t.forecastMissed, units: t.units, leaders: t.leaders)
        }
    }
}
