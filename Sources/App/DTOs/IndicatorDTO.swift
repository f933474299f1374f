import Foundation
import PlanDomain
import Vapor

struct IndicatorDTO: Content {
    var code: String
    var name: String
    var unit: String
    var kind: IndicatorKind
    var numerator: String?
    var denominator: String?
    var scale: Double
    var isBase: Bool
    /// A level that carries over from last year (总数), forecast from last year's year-end.
    var isStock: Bool

    init(_ d: IndicatorDefinition) {
        code = d.code
        name = d.name
        unit = d.unit
        kind = d.kind
        numerator = d.numerator
        denominator = d.denominator
        scale = d.scale
        isBase = d.isBase
        isStock = d.isStock
    }
}

/// One indicator at a place: the roll-up rows (the place first) with their
/// forecasts.
struct IndicatorAnalysisDTO: Content {
    struct ForecastDTO: Content {
        var status: ForecastStatus
        var projected: Double?
        var attainment: Double?
        var probability: Double?
        var redSince: String?
    }

    struct SourceDTO: Content {
        var measure: IndicatorMeasure
        var source: ValueSource
        var value: Double
        var by: String
    }

    struct Row: Content {
        var place: String
        var name: String
        var depth: Int
        var targetOwn: Double?
        var targetFromChildren: Double?
        var target: Double?
        var targetMismatch: String?
        var actualOwn: Double?
        var actualFromChildren: Double?
        var actual: Double?
        var actualMonth: Int?
        var actualMismatch: String?
        var sourcesDisagree: Bool
        var sources: [SourceDTO]
        var forecast: ForecastDTO
    }

    var indicator: IndicatorDTO
    var place: String
    var year: Int
    var month: Int
    var monthly: [Double?]
    var rows: [Row]

    init(_ a: IndicatorAnalysis) {
        indicator = IndicatorDTO(a.definition)
        place = a.place.code
        year = a.year
        month = a.month
        monthly = a.monthly
        rows = a.rows.map { r in
            Row(place: r.actual.code, name: r.actual.name, depth: r.actual.depth,
                targetOwn: r.target.own, targetFromChildren: r.target.fromChildren, target: r.target.effective,
                targetMismatch: r.target.mismatch?.message,
                actualOwn: r.actual.own, actualFromChildren: r.actual.fromChildren, actual: r.actual.effective,
                actualMonth: r.actualMonth, actualMismatch: r.actual.mismatch?.message,
                sourcesDisagree: r.targetsDisagree || r.actualsDisagree,
                sources: r.targetSources.map { SourceDTO(measure: .target, source: $0.source, value: $0.value, by: $0.by) }
                    + r.actualSources.map { SourceDTO(measure: .actual, source: $0.source, value: $0.value, by: $0.by) },
                forecast: ForecastDTO(status: r.forecast.status, projected: r.forecast.projected, attainment: r.forecast.attainment,
                                      probability: r.forecast.probability, redSince: r.forecast.redSince?.iso))
        }
    }
}
