import App
import Fluent
import Foundation
import PlanDomain
import SQLKit
import Vapor

/// `sciplan bench-indicators`: a province of indicator figures (every place
/// under Hubei — 17 cities, 103 counties — for five years, 40 indicators,
/// a target and twelve monthly actuals each per county, and the cities' own
/// targets, some of which do not add up) and the latency (p50/p95) of the
/// province roll-up page, `GET /places/420000/indicators/{code}`.
public enum IndicatorBench {
    public struct Options: Sendable {
        public var requests = 200
        public var years = 5
        public var indicators = 40
        public var lastYear = 2025
        public var port = 8098
        public init() {}
    }

    public static func run(_ config: AppConfig, options: Options, log: @Sendable (String) -> Void) async throws {
        try await withServingApp(config, today: CivilDate(year: options.lastYear, month: 12, day: 20), port: options.port) { app, port in
            let codes = try await generate(app, options: options, log: log)
            try await measure(app, base: "http://127.0.0.1:\(port)", codes: codes, options: options, log: log)
        }
    }

    /// The indicators measured: the additive catalogue codes and the
    /// composite ratios first, then base data, `count` in all.
    static func codes(_ definitions: [IndicatorDefinition], count: Int) -> [IndicatorDefinition] {
        let additive = definitions.filter { $0.kind.isAdditive && !$0.isBase }
        let composite = definitions.filter { $0.isComposite }
        let base = definitions.filter(\.isBase)
        var seen = Set<String>()
        return (composite + additive + base).filter { seen.insert($0.code).inserted }.prefix(count).map { $0 }
    }

    static func generate(_ app: Application, options: Options, log: @Sendable (String) -> Void) async throws -> [IndicatorDefinition] {
        let db = app.db
        let chosen = codes(try await IndicatorStore.definitions(on: db), count: options.indicators)
        if try await IndicatorValue.query(on: db).count() > 0 {
            log("bench-indicators: figures already there, generation skipped")
            return chosen
        }
        guard let sql = db as? any SQLDatabase else { return chosen }
        let tree = try await IndicatorStore.tree(under: "420000", on: db)
        let places = tree.subtree(of: "420000")
        let counties = places.filter { tree.children(of: $0.node.code).isEmpty }.map(\.node.code)
        let cities = tree.children(of: "420000").map(\.code)
        let started = Date()
        var random = ProvinceGenerator.Random(state: 11)
        var rows = 0
        let now = Date()
        let firstYear = options.lastYear - options.years + 1
        let additive = chosen.filter { $0.kind.isAdditive }
        for year in firstYear...options.lastYear {
            var batch: [[any Encodable & Sendable]] = []
            for county in counties {
                for d in additive {
                    let target = Double(10 + random.below(200))
                    batch.append(row(d.code, county, year, 12, "target", target, now))
                    let pace = 0.7 + Double(random.below(50)) / 100
                    for month in 1...12 {
                        batch.append(row(d.code, county, year, month, "actual", (target * pace * Double(month) / 12 * 10).rounded() / 10, now))
                    }
                }
            }
            for city in cities {
                for d in additive where random.below(3) == 0 {
                    batch.append(row(d.code, city, year, 12, "target", Double(100 + random.below(900)), now))
                }
            }
            rows += batch.count
            for chunk in stride(from: 0, to: batch.count, by: 500) {
                let part = Array(batch[chunk..<min(chunk + 500, batch.count)])
                try await db.writeTransaction { tx in
                    guard let sql = tx as? any SQLDatabase else { return }
                    var insert = sql.insert(into: "indicator_values").columns(
                        "id", "indicator_code", "jurisdiction_code", "year", "month", "measure", "value", "source", "note", "account_name", "recorded_at")
                    for values in part { insert = insert.values(values.map { SQLBind($0) }) }
                    try await insert.run()
                }
            }
        }
        if sql.dialect.name == "sqlite" { try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        log(String(format: "bench-indicators: generated %d figures (%d places, %d counties, %d years, %d indicators) in %.1f s",
                   rows, places.count, counties.count, options.years, chosen.count, Date().timeIntervalSince(started)))
        return chosen
    }

    static func row(_ code: String, _ place: String, _ year: Int, _ month: Int, _ measure: String, _ value: Double, _ at: Date) -> [any Encodable & Sendable] {
        [UUID(), code, place, year, month, measure, value, "import", "", "bench", at]
    }

    static func measure(_ app: Application, base: String, codes: [IndicatorDefinition], options: Options, log: @Sendable (String) -> Void) async throws {
        if try await Account.query(on: app.db).filter(\.$username == "bench-hubei").first() == nil {
            try await Account(username: "bench-hubei", passwordHash: try Bcrypt.hash(ProvinceGenerator.password, cost: 4), displayName: "省科技厅",
                              role: .office, jurisdictionCode: "420000", unitID: nil).create(on: app.db)
        }
        let office = try await SupervisionBench.login(app, base: base, username: "bench-hubei")
        var random = ProvinceGenerator.Random(state: 5)
        var latencies: [Double] = []
        for i in 0..<(options.requests + 10) {
            let code = codes[random.below(codes.count)].code
            let year = options.lastYear - random.below(options.years)
            let started = DispatchTime.now()
            let response = try await app.client.get(URI(string: "\(base)/places/420000/indicators/\(code)?year=\(year)"), headers: office)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            guard response.status == .ok else { throw BenchFailure("roll-up page answered \(response.status.code)") }
            if i >= 10 { latencies.append(ms) }
        }
        log("province roll-up (GET /places/420000/indicators/{code}, \(latencies.count) requests over \(codes.count) indicators and \(options.years) years): \(SupervisionBench.summary(latencies))")
    }
}
