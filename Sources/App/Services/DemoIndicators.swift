import Fluent
import Foundation
import PlanDomain
import Vapor

/// Indicator figures for the demo: 随州's three counties with their share of
/// the city's targets (which, as often in practice, do not quite add up to
/// the city's own), their monthly actuals so far, and base data for last
/// year and this one — so the roll-up, the forecasts and the evaluation show
/// a real picture on first start. 随州's own base data is left for the
/// office to enter.
enum DemoIndicators {
    static let city = "421300"

    struct County {
        var code: String
        /// Share of the city's target the county takes on.
        var share: Double
        /// Pace against a linear year: above 1 ahead, below behind.
        var pace: Double
        var base: [String: Double]
    }

    static let counties: [County] = [
        County(code: "421303", share: 0.45, pace: 1.08, base: [
            "base.gdp": 560, "base.population": 62, "base.legal_persons": 12_000, "base.employed": 380_000, "base.rd_personnel": 3_100,
            "base.basic_research": 0.3, "base.manufacturing": 210, "base.manufacturing_with_rd": 120, "base.foreign_talent": 12,
            "base.hti_value_added": 120, "rd.expenditure": 9.8, "tech_contract.turnover": 25, "hte.total": 160,
        ]),
        County(code: "421321", share: 0.2, pace: 0.72, base: [
            "base.gdp": 330, "base.population": 64, "base.legal_persons": 6_500, "base.employed": 420_000, "base.rd_personnel": 1_200,
            "base.basic_research": 0.08, "base.manufacturing": 150, "base.manufacturing_with_rd": 60, "base.foreign_talent": 2,
            "base.hti_value_added": 50, "rd.expenditure": 3.1, "tech_contract.turnover": 8, "hte.total": 55,
        ]),
        County(code: "421381", share: 0.3, pace: 0.93, base: [
            "base.gdp": 420, "base.population": 72, "base.legal_persons": 9_000, "base.employed": 480_000, "base.rd_personnel": 1_900,
            "base.basic_research": 0.12, "base.manufacturing": 190, "base.manufacturing_with_rd": 85, "base.foreign_talent": 5,
            "base.hti_value_added": 80, "rd.expenditure": 5.6, "tech_contract.turnover": 14, "hte.total": 95,
        ]),
    ]

    /// Flows that accumulate through the year, reported month by month.
    static let flows = ["tsme.registered", "tech_contract.turnover"]

    static func fill(_ app: Application, today: CivilDate) async throws {
        let db = app.db
        let year = today.year
        guard let admin = try await Account.query(on: db).filter(\.$username == "admin").first() else { return }
        let figures = try await IndicatorStore.figures(codes: Set(flows + ["hte.total"]), year: year, places: [city], on: db)
        var values: [IndicatorValue] = []
        let recorded = today.startOfDay(in: .shanghai)
        func add(_ code: String, _ place: String, _ y: Int, _ month: Int, _ measure: IndicatorMeasure, _ value: Double, _ note: String) {
            values.append(IndicatorValue(code: code, jurisdiction: place, year: y, month: month, measure: measure, value: value,
                                         source: .import, note: note, account: admin, at: recorded))
        }
        for county in counties {
            for (code, value) in county.base.sorted(by: { $0.key < $1.key }) {
                add(code, county.code, year - 1, 12, .actual, value, "上年统计数")
                if code.hasPrefix("base.") || code == "rd.expenditure" {
                    add(code, county.code, year, 12, .actual, (value * 1.06 * 100).rounded() / 100, "本年预计数")
                }
            }
            // This year's 高企 count so far, so every item of the evaluation has a figure.
            if let held = county.base["hte.total"] {
                let month = max(1, today.month - 1)
                add("hte.total", county.code, year, month, .actual, (held * (1 + 0.1 * county.pace)).rounded(), "\(month)月统计")
            }
            for code in flows + ["hte.total"] {
                guard let cityTarget = figures.targets.chosen(code, city, upTo: 12)?.value else { continue }
                let target = (cityTarget * county.share).rounded()
                add(code, county.code, year, 12, .target, target, "县市区目标分解")
                guard flows.contains(code) else { continue }
                for month in 1..<max(1, today.month) {
                    let end = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
                    let value = (target * fractionOfYear(at: end) * county.pace * 10).rounded() / 10
                    add(code, county.code, year, month, .actual, value, "\(month)月统计")
                }
            }
        }
        let rows = values
        try await db.writeTransaction { tx in
            for value in rows { try await value.create(on: tx) }
        }
    }
}
