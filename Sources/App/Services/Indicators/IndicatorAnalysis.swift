import Fluent
import Foundation
import PlanDomain
import PlanText

/// One indicator at one place for a year: its target and actual rolled up
/// from the places under it, the monthly path and the forecast, for the
/// indicator page, its API and its export.
struct IndicatorAnalysis: Sendable {
    struct Row: Sendable {
        var target: RollUpRow
        var actual: RollUpRow
        /// The month of the place's own newest actual (截至 N 月), if it has one.
        var actualMonth: Int?
        var targetSources: [SourcedValue]
        var actualSources: [SourcedValue]
        var targetsDisagree: Bool
        var actualsDisagree: Bool
        var forecast: Forecast
    }

    var definition: IndicatorDefinition
    var place: JurisdictionNode
    var year: Int
    /// Figures are taken up to the end of this month.
    var month: Int
    var profile: ExpectationProfile
    /// The place first, then everything under it.
    var rows: [Row]
    /// The place's effective actual at the end of each month 1…12 that has figures.
    var monthly: [Double?]
    /// The projected year-end value after each month with figures.
    var projected: [Double?]
    /// How the place's own figure builds up over the year (flow, stock from last year's level, level).
    var accumulation: Accumulation

    var top: Row { rows[0] }

    static func make(code: String, place: String, year: Int, month: Int, seasonal: Bool, on db: any Database) async throws -> IndicatorAnalysis {
        let definitions = Dictionary(try await IndicatorStore.definitions(on: db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        guard let definition = definitions[code] else { throw AppError.notFound("指标") }
        let tree = try await IndicatorStore.tree(under: place, on: db)
        let subtree = tree.subtree(of: place)
        let places = Set(subtree.map(\.node.code))
        let codes = IndicatorStore.components(of: code, in: definitions)
        let figures = try await IndicatorStore.figures(codes: codes, year: year, places: places, on: db)
        let lastYear = try await IndicatorStore.figures(codes: codes, year: year - 1, places: places, on: db)
        let targetFigures = figures.targets.figures(upTo: 12)
        let actualFigures = figures.actuals.figures(upTo: month)
        let lastYearActuals = lastYear.actuals.figures(upTo: 12)
        let targetRows = IndicatorRollUp.rows(for: definition, definitions: definitions, figures: targetFigures,
                                              lastYear: lastYear.targets.figures(upTo: 12), tree: tree, root: place)
        let actualRows = IndicatorRollUp.rows(for: definition, definitions: definitions, figures: actualFigures,
                                              lastYear: lastYearActuals, tree: tree, root: place)
        // Last year's monthly shares describe a flow; a stock's January is its whole level, so stocks stay linear.
        let profile = seasonal && !definition.isStock ? seasonalProfile(code, place: place, lastYear: lastYear.actuals) ?? .linear : .linear

        // Months with any figure of the indicator or its parts, up to `month`.
        let dataMonths = codes.reduce(into: Set<Int>()) { $0.formUnion(figures.actuals.months(of: $1)) }.filter { $0 <= month }.sorted()
        let byMonth = dataMonths.map { m in (m, figures.actuals.figures(upTo: m)) }

        var rows: [Row] = []
        var topAccumulation = Accumulation.of(definition, baseline: nil)
        var top: (monthly: [Double?], projected: [Double?]) = (Array(repeating: nil, count: 12), Array(repeating: nil, count: 12))
        for (index, pair) in zip(targetRows, actualRows).enumerated() {
            let (target, actual) = pair
            var observations: [Observation] = []
            for (m, monthFigures) in byMonth {
                guard let value = IndicatorRollUp.effective(code, at: actual.code, definitions: definitions, figures: monthFigures,
                                                            lastYear: lastYearActuals, tree: tree) else { continue }
                observations.append(Observation(date: CivilDate(year: year, month: m, day: CivilDate.daysIn(month: m, year: year)), value: value))
                if index == 0 { top.monthly[m - 1] = value }
            }
            let comparator = figures.comparators[code]?[actual.code] ?? .atLeast
            // A stock moves on from last year's year-end level at the same place.
            let baseline = definition.isStock
                ? IndicatorRollUp.effective(code, at: actual.code, definitions: definitions, figures: lastYearActuals, tree: tree)
                : nil
            let accumulation = Accumulation.of(definition, baseline: baseline)
            let forecast = target.effective.map {
                Forecaster.forecast(target: $0, comparator: comparator, observations: observations, profile: profile, accumulation: accumulation)
            } ?? Forecast(asOf: observations.last?.date, actual: observations.last?.value, projected: nil, attainment: nil,
                          probability: nil, status: .unknown, redSince: nil)
            if index == 0 {
                topAccumulation = accumulation
                if accumulation != .level {
                    for point in Forecaster.path(observations: observations, profile: profile, accumulation: accumulation) {
                        top.projected[point.date.month - 1] = point.projected
                    }
                }
            }
            let ownTargets = figures.targets.chosen(code, actual.code, upTo: 12)
            let ownActuals = figures.actuals.chosen(code, actual.code, upTo: month)
            rows.append(Row(target: target, actual: actual, actualMonth: ownActuals?.month,
                            targetSources: ownTargets?.sources ?? [], actualSources: ownActuals?.sources ?? [],
                            targetsDisagree: ownTargets?.disagree ?? false, actualsDisagree: ownActuals?.disagree ?? false,
                            forecast: forecast))
        }
        guard let root = tree.node(place), !rows.isEmpty else { throw AppError.notFound("行政区划") }
        return IndicatorAnalysis(definition: definition, place: root, year: year, month: month, profile: profile,
                                 rows: rows, monthly: top.monthly, projected: top.projected, accumulation: topAccumulation)
    }

    /// Last year's monthly increments at the place, when all twelve months are known.
    static func seasonalProfile(_ code: String, place: String, lastYear: IndicatorFigureSet) -> ExpectationProfile? {
        var previous = 0.0
        var shares: [Double] = []
        for month in 1...12 {
            guard let value = lastYear.exact(code, place, month: month) else { return nil }
            shares.append(max(0, value - previous))
            previous = value
        }
        return try? ExpectationProfile.seasonal(shares).validated()
    }
}
