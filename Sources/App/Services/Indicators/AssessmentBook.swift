import Fluent
import Foundation
import PlanDomain
import SQLKit

/// The year-end assessment (年终考核) of the units of a place: each unit's
/// measures from the standing of every plan of the place and year, the
/// office's and the units' scores for the items, the ranking.
///
/// Measures across several plans: completion is the mean progress over all
/// the unit's tasks, timeliness the share of due reports handed in on time,
/// target attainment the mean over the numeric targets of its tasks of
/// min(1, actual / target), returns the returned share of its submissions
/// (from the task timelines).
struct AssessmentBook: Sendable {
    var place: String
    var year: Int
    var scheme: AssessmentScheme
    var units: [UnitAssessment]
    var measures: [String: UnitMeasures]

    static func scheme(place: String, year: Int, on db: any Database) async throws -> AssessmentScheme {
        guard let record = try await AssessmentSchemeRecord.query(on: db).filter(\.$jurisdictionCode == place).filter(\.$year == year).first(),
              let scheme = try? JSONDecoder().decode(AssessmentScheme.self, from: Data(record.scheme.utf8)) else {
            return .standard
        }
        return scheme
    }

    static func plans(place: String, year: Int, on db: any Database) async throws -> [PlanRecord] {
        try await PlanRecord.query(on: db).filter(\.$jurisdictionCode == place).filter(\.$year == year)
            .filter(\.$status != .draft).all()
    }

    static func build(place: String, year: Int, today: CivilDate, now: Date, on db: any Database) async throws -> AssessmentBook {
        struct Tally { var name = ""; var tasks = 0; var progress = 0.0; var due = 0; var onTime = 0; var attainment: [Double] = [] }
        var tallies: [UUID: Tally] = [:]
        let plans = try await plans(place: place, year: year, on: db)
        for plan in plans {
            let inputs = try await StandingInputs.load(plan, on: db)
            let standing = try PlanStanding(inputs, today: today, now: now)
            for entry in standing.units {
                guard let id = UUID(uuidString: entry.key) else { continue }
                var t = tallies[id] ?? Tally()
                t.name = entry.name
                t.tasks += entry.counts.tasks
                t.progress += entry.counts.progressSum
                t.due += entry.counts.due
                t.onTime += entry.counts.onTime
                tallies[id] = t
            }
            for task in standing.tasks {
                let shares = task.targets.compactMap { pair -> Double? in
                    guard let actual = pair.assessment.actual, pair.target.value > 0 else { return nil }
                    return min(1, max(0, actual / pair.target.value))
                }
                for unit in task.units { tallies[unit, default: Tally()].attainment += shares }
            }
        }
        let returns = try await returnCounts(planIDs: plans.compactMap(\.id), on: db)
        var measures: [String: UnitMeasures] = [:]
        for (id, t) in tallies {
            let r = returns[id]
            measures[id.uuidString] = UnitMeasures(
                completionRate: t.tasks > 0 ? t.progress / Double(t.tasks) : nil,
                onTimeRate: t.due > 0 ? Double(t.onTime) / Double(t.due) : nil,
                targetAttainment: t.attainment.isEmpty ? nil : t.attainment.reduce(0, +) / Double(t.attainment.count),
                returnRate: (r?.submitted ?? 0) > 0 ? Double(r?.returned ?? 0) / Double(r?.submitted ?? 1) : nil)
        }
        let scheme = try await scheme(place: place, year: year, on: db)
        let scores = try await AssessmentScoreRecord.query(on: db).filter(\.$jurisdictionCode == place).filter(\.$year == year).all()
        var manual: [UUID: [String: ManualScore]] = [:]
        for s in scores {
            manual[s.unitID, default: [:]][s.itemID] = ManualScore(selfScore: s.selfScore, finalScore: s.finalScore, evidence: s.evidence)
        }
        let units = tallies.map { id, t in
            Assessment.assess(key: id.uuidString, name: t.name, scheme: scheme, measures: measures[id.uuidString] ?? UnitMeasures(),
                              manual: manual[id] ?? [:])
        }
        return AssessmentBook(place: place, year: year, scheme: scheme, units: Assessment.rank(units), measures: measures)
    }

    /// Submissions and returns per unit in the plans' task timelines.
    static func returnCounts(planIDs: [UUID], on db: any Database) async throws -> [UUID: (submitted: Int, returned: Int)] {
        guard let sql = db as? any SQLDatabase, !planIDs.isEmpty else { return [:] }
        let read = RowReader(sql)
        let rows = try await sql.select().column("unit_id").column("kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("task_events")
            .where("plan_id", .in, planIDs)
            .where("kind", .in, [TaskEvent.Kind.submitted.rawValue, TaskEvent.Kind.returned.rawValue])
            .groupBy("unit_id").groupBy("kind")
            .all()
        var out: [UUID: (submitted: Int, returned: Int)] = [:]
        for row in rows {
            guard let unit = try read.optionalUUID(row, "unit_id") else { continue }
            let n = try row.decode(column: "n", as: Int.self)
            var c = out[unit] ?? (0, 0)
            if try row.decode(column: "kind", as: String.self) == TaskEvent.Kind.returned.rawValue { c.returned += n } else { c.submitted += n }
            out[unit] = c
        }
        return out
    }

    /// The ranking as a workbook: one row per unit, a column per item.
    func workbook(placeName: String) throws -> Data {
        let header = ["名次", "单位"] + scheme.items.map { "\($0.group)·\($0.name)（\(Format.number($0.points))分）" } + ["自评总分", "折算系数", "最终得分"]
        let rows: [[SheetCell]] = units.map { u in
            [.number(Double(u.rank)), .text(u.name)]
                + u.items.map { $0.applies ? .number(($0.finalScore * 100).rounded() / 100) : .text("不适用") }
                + [u.selfTotal.map { .number(($0 * 100).rounded() / 100) } ?? .empty,
                   u.scale.map { .number(($0 * 10000).rounded() / 10000) } ?? .empty,
                   .number((u.finalTotal * 100).rounded() / 100)]
        }
        let items: [[SheetCell]] = scheme.items.map { [.text($0.group), .text($0.name), .number($0.points), .text($0.measure.title)] }
        return try SimpleWorkbook.xlsx([
            SheetTable(name: "\(year)年考核排名", header: header, rows: rows),
            SheetTable(name: "考核方案", header: ["分组", "项目", "分值", "计分依据"], rows: items),
        ])
    }
}
