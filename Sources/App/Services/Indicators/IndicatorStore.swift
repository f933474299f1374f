import Fluent
import Foundation
import PlanDomain
import PlanText
import SQLKit

/// Reads the catalogue, the jurisdiction tree and the figures of indicators
/// for a year: entries (office, import), plan targets and units' reports.
package enum IndicatorStore {
    package static func definitions(on db: any Database) async throws -> [IndicatorDefinition] {
        try await IndicatorRecord.query(on: db).sort(\.$id).all().map(\.definition)
    }

    static func definition(_ code: String, on db: any Database) async throws -> IndicatorDefinition {
        guard let record = try await IndicatorRecord.find(code, on: db) else { throw AppError.notFound("指标") }
        return record.definition
    }

    /// The place and every place under it.
    package static func tree(under root: String, on db: any Database) async throws -> JurisdictionTree {
        let all = try await Jurisdiction.query(on: db).all()
        let nodes = all.compactMap { j -> JurisdictionNode? in
            guard let code = j.id, Access.covers(root, code) else { return nil }
            return JurisdictionNode(code: code, name: j.name, parent: code == root ? nil : j.parentCode)
        }
        guard nodes.contains(where: { $0.code == root }) else { throw AppError.notFound("行政区划") }
        return JurisdictionTree(nodes)
    }

    /// The code and every code it is computed from, transitively.
    static func components(of code: String, in definitions: [String: IndicatorDefinition]) -> Set<String> {
        var seen: Set<String> = []
        var stack = [code]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let definition = definitions[next] else { continue }
            stack += [definition.numerator, definition.denominator].compactMap { $0 }
        }
        return seen
    }

    struct YearFigures: Sendable {
        var targets = IndicatorFigureSet()
        var actuals = IndicatorFigureSet()
        /// The comparator of each place's plan target (力争…以上, 控制在…以内).
        var comparators: [String: [String: PlanText.Comparator]] = [:]
    }

    /// Every figure of `codes` for the places in `places` and the year.
    static func figures(codes: Set<String>, year: Int, places: Set<String>, on db: any Database) async throws -> YearFigures {
        guard let sql = db as? any SQLDatabase, !codes.isEmpty else { return YearFigures() }
        var result = YearFigures()
        let codeList = Array(codes)
        let entries = try await sql.select()
            .columns("indicator_code", "jurisdiction_code", "month", "measure", "value", "source", "note", "account_name", "recorded_at")
            .from("indicator_values")
            .where("indicator_code", .in, codeList)
            .where("year", .equal, year)
            .all()
        for row in entries {
            let place = try row.decode(column: "jurisdiction_code", as: String.self)
            guard places.contains(place) else { continue }
            let code = try row.decode(column: "indicator_code", as: String.self)
            let value = SourcedValue(
                source: ValueSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .office,
                value: try row.decode(column: "value", as: Double.self),
                recordedAt: try row.decode(column: "recorded_at", as: Date?.self),
                by: try row.decode(column: "account_name", as: String.self),
                note: try row.decode(column: "note", as: String.self))
            let month = try row.decode(column: "month", as: Int.self)
            if try row.decode(column: "measure", as: String.self) == IndicatorMeasure.target.rawValue {
                result.targets.add(code, place, month: month, value)
            } else {
                result.actuals.add(code, place, month: month, value)
            }
        }
        try await addPlanFigures(codes: codeList, year: year, places: places, on: sql, into: &result)
        return result
    }

    /// A plan's target for an indicator is the largest of its targets with that
    /// code: a plan states its headline number once and may repeat parts of it
    /// in tasks (新增高企 20 家, of which 5 in 高新区). The units' reported values
    /// of that target are its actuals, month by month (the newest report of
    /// the periods ending in the month; accepted by the office only). A
    /// target is a target of the year it is due (到2027年 … in a plan of 2025
    /// is 2027's, not 2025's); one without a year is due in its plan's year.
    static func addPlanFigures(codes: [String], year: Int, places: Set<String>, on sql: any SQLDatabase,
                               into result: inout YearFigures) async throws {
        let read = RowReader(sql)
        let rows = try await sql.select()
            .column(SQLColumn("id", table: "targets"))
            .column(SQLColumn("indicator", table: "targets"))
            .column(SQLColumn("value", table: "targets"))
            .column(SQLColumn("comparator", table: "targets"))
            .column(SQLColumn("year", table: "targets"), as: "due_year")
            .column(SQLColumn("year", table: "plans"), as: "plan_year")
            .column(SQLColumn("jurisdiction_code", table: "plans"))
            .column(SQLColumn("published_at", table: "plans"))
            .from("targets")
            .join("plans", on: SQLColumn("plan_id", table: "targets"), .equal, SQLColumn("id", table: "plans"))
            .where(SQLColumn("indicator", table: "targets"), .in, SQLBind.group(codes))
            .where(SQLColumn("year", table: "plans"), .lessThanOrEqual, SQLBind(year))
            .where(SQLColumn("status", table: "plans"), .notEqual, SQLBind(PlanRecord.Status.draft.rawValue))
            .all()
        struct Headline { var id: UUID; var value: Double; var comparator: PlanText.Comparator; var publishedAt: Date? }
        var headlines: [String: [String: Headline]] = [:]
        for row in rows {
            let place = try row.decode(column: "jurisdiction_code", as: String.self)
            guard places.contains(place), let code = try row.decode(column: "indicator", as: String?.self) else { continue }
            let planYear = try row.decode(column: "plan_year", as: Int?.self)
            let dueYear = Swift.max(try row.decode(column: "due_year", as: Int?.self) ?? planYear ?? year, planYear ?? year)
            guard dueYear == year else { continue }
            let candidate = Headline(
                id: try read.uuid(row, "id"), value: try row.decode(column: "value", as: Double.self),
                comparator: PlanText.Comparator(rawValue: try row.decode(column: "comparator", as: String.self)) ?? .atLeast,
                publishedAt: try row.decode(column: "published_at", as: Date?.self))
            if let current = headlines[code]?[place], current.value >= candidate.value { continue }
            headlines[code, default: [:]][place] = candidate
        }
        var targetOf: [UUID: (code: String, place: String)] = [:]
        for (code, places) in headlines {
            for (place, headline) in places {
                result.targets.add(code, place, month: 12, SourcedValue(
                    source: .plan, value: headline.value, recordedAt: headline.publishedAt, by: "计划文件", note: ""))
                result.comparators[code, default: [:]][place] = headline.comparator
                targetOf[headline.id] = (code, place)
            }
        }
        guard !targetOf.isEmpty else { return }
        let values = try await sql.select()
            .column(SQLColumn("target_id", table: "report_values"))
            .column(SQLColumn("value", table: "report_values"))
            .column(SQLColumn("period", table: "progress_reports"))
            .column(SQLColumn("last_submitted_at", table: "progress_reports"))
            .column(SQLColumn("author_name", table: "progress_reports"))
            .from("report_values")
            .join("progress_reports", on: SQLColumn("report_id", table: "report_values"), .equal, SQLColumn("id", table: "progress_reports"))
            .where(SQLColumn("target_id", table: "report_values"), .in, SQLBind.group(Array(targetOf.keys)))
            // Only what the office accepted is an actual: an unreviewed
            // number (a typo, a test) must not drive the indicator pages.
            .where(SQLColumn("state", table: "progress_reports"), .equal, SQLBind(ReportState.accepted.rawValue))
            .all()
        for row in values {
            guard let key = targetOf[try read.uuid(row, "target_id")],
                  let period = ReportingPeriod(key: try row.decode(column: "period", as: String.self)),
                  period.year == year else { continue }
            result.actuals.add(key.code, key.place, month: period.lastDay.month, SourcedValue(
                source: .report, value: try row.decode(column: "value", as: Double.self),
                recordedAt: try row.decode(column: "last_submitted_at", as: Date?.self),
                by: try row.decode(column: "author_name", as: String.self), note: period.title))
        }
    }

    /// The entries given for one indicator at one place in a year, newest first.
    static func history(code: String, place: String, year: Int, on db: any Database) async throws -> [IndicatorValue] {
        try await IndicatorValue.query(on: db)
            .filter(\.$indicatorCode == code).filter(\.$jurisdictionCode == place).filter(\.$year == year)
            .sort(\.$recordedAt, .descending).all()
    }
}
