import Fluent
import PlanDomain
import SQLKit

/// The indicator catalogue, the values of indicators per place and period with
/// their source, and the year-end assessment of units.
///
/// Values are append-only: a new entry is a new row, so the history of a
/// figure and who gave it stays; what a page shows is the newest row of each
/// source. Values from units' progress reports are not copied here: they are
/// read from the reports themselves, so there is one truth for them.
struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicators")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("kind", .string, .required)
            .field("numerator", .string)
            .field("denominator", .string)
            .field("scale", .double, .required)
            .field("is_base", .bool, .required)
            .field("is_custom", .bool, .required)
            .field("jurisdiction_code", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema("indicator_values")
            .id()
            .field("indicator_code", .string, .required, .references("indicators", "code", onDelete: .cascade))
            .field("jurisdiction_code", .string, .required, .references("jurisdictions", "code"))
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("measure", .string, .required)
            .field("value", .double, .required)
            .field("source", .string, .required)
            .field("note", .string, .required)
            .field("account_id", .uuid)
            .field("account_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema("assessment_schemes")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("scheme", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "year")
            .create()
        try await database.schema("assessment_scores")
            .id()
            .field("jurisdiction_code", .string, .required)
            .field("year", .int, .required)
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("self_score", .double)
            .field("final_score", .double)
            .field("evidence", .string, .required)
            .field("account_name", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "jurisdiction_code", "year", "unit_id", "item_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "indicator_values_year").on("indicator_values")
            .column("indicator_code").column("year").column("measure").column("jurisdiction_code").run()
        try await sql.create(index: "indicator_values_place").on("indicator_values")
            .column("jurisdiction_code").column("year").run()
        try await sql.create(index: "targets_indicator").on("targets").column("indicator").column("plan_id").run()
        // A place's actuals are the reported values of its plan's headline targets.
        try await sql.create(index: "report_values_target").on("report_values")
            .column("target_id").column("report_id").column("value").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "targets_indicator").run()
            try await sql.drop(index: "report_values_target").run()
        }
        try await database.schema("assessment_scores").delete()
        try await database.schema("assessment_schemes").delete()
        try await database.schema("indicator_values").delete()
        try await database.schema("indicators").delete()
    }
}

/// The starting catalogue: the codes of `Seeds/indicators.tsv` with their
/// kinds, the base data (GDP, enterprise legal persons, employed persons …) and
/// the evaluation ratios of 随州 2025 §三(三).
struct SeedIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for definition in IndicatorDefaults.all {
            try await IndicatorRecord(definition, custom: false, jurisdiction: nil).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await IndicatorRecord.query(on: database).filter(\.$isCustom == false).delete()
    }
}
