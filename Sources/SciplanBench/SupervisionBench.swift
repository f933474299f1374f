import App
import Fluent
import SQLKit
import Foundation
import PlanDomain
import Vapor

/// Measures the server on a generated province (`ProvinceGenerator`): the
/// plan dashboard's latency (p50/p95) and report submissions per second,
/// through real HTTP on 127.0.0.1, on whichever database the configuration
/// names. Prints figures; asserts nothing.
public enum SupervisionBench {
    public struct Options: Sendable {
        public var dashboards = 200
        public var seconds = 20.0
        public var concurrency = 32
        public var port = 8099
        public var year = 2025
        public init() {}
    }

    public static func run(_ config: AppConfig, options: Options, log: @Sendable (String) -> Void) async throws {
        try await withServingApp(config, today: CivilDate(year: options.year, month: 12, day: 20), port: options.port) { app, port in
            var options = options
            options.port = port
            try await measure(app, options: options, log: log)
        }
    }

    static func measure(_ app: Application, options: Options, log: @Sendable (String) -> Void) async throws {
        let base = "http://127.0.0.1:\(options.port)"
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            // Start from a checkpointed file: after the generator or a
            // migration the write-ahead log holds many pages, and reads that
            // must look through it would measure that, not the server.
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        }
        let plans = try await PlanRecord.query(on: app.db).filter(\.$year == options.year).filter(\.$status == .published).all()
        guard !plans.isEmpty else { throw BenchFailure("数据库里没有 \(options.year) 年的已发布计划：先运行 sciplan generate。") }
        let tasks = try await NodeRecord.query(on: app.db).filter(\.$isTask == true).count()
        log("bench-supervision: \(app.appConfig.databaseDescription); \(plans.count) plans of \(options.year), \(tasks) tasks in all")

        let office = try await login(app, base: base, username: "bench-hubei")
        var random = ProvinceGenerator.Random(state: 7)
        var latencies: [Double] = []
        for i in 0..<(options.dashboards + 10) {
            let plan = plans[random.below(plans.count)]
            let started = DispatchTime.now()
            let response = try await app.client.get(URI(string: "\(base)/plans/\(plan.id!)/dashboard"), headers: office)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            guard response.status == .ok else { throw BenchFailure("dashboard answered \(response.status.code)") }
            if i >= 10 { latencies.append(ms) }
        }
        log("dashboard (GET /plans/{id}/dashboard, \(latencies.count) requests over \(plans.count) plans): \(summary(latencies))")

        // Every reporter's December tasks of the final year: fresh submissions.
        let planIDs = plans.compactMap(\.id)
        let leads = try await Assignment.query(on: app.db).filter(\.$plan.$id ~~ planIDs).filter(\.$role == .lead).all()
        let period = "\(options.year)-12"
        let done = Set(try await ProgressReport.query(on: app.db).filter(\.$period == period).all().map { "\($0.$node.id)|\($0.$unit.id)" })
        var work: [UUID: [(UUID, UUID)]] = [:]
        for lead in leads {
            if let unit = lead.$unit.id, !done.contains("\(lead.$node.id)|\(unit)") { work[unit, default: []].append((lead.$plan.id, lead.$node.id)) }
        }
        let reporters = try await Account.query(on: app.db).filter(\.$role == .reporter).all().filter { $0.$unit.id.map { work[$0] != nil } ?? false }
        // Every reporter signs in; the in-process client takes half of them and
        // wrk the other half, so neither runs out of fresh reports.
        var sessions: [(HTTPHeaders, [(UUID, UUID)])] = []
        var forWrk: [(account: Account, session: (HTTPHeaders, [(UUID, UUID)]))] = []
        for (index, account) in reporters.enumerated() {
            let session = (try await login(app, base: base, username: account.username), work[account.$unit.id!] ?? [])
            if index % 2 == 0 { sessions.append(session) } else { forWrk.append((account, session)) }
        }
        log("report submissions: \(work.values.reduce(0) { $0 + $1.count }) December reports still open for \(work.count) units")
        let deadline = Date().addingTimeInterval(options.seconds)
        let started = Date()
        let results = await withTaskGroup(of: (Int, Int, [Double]).self) { group in
            for worker in 0..<options.concurrency {
                let mine = stride(from: worker, to: sessions.count, by: options.concurrency).map { sessions[$0] }
                group.addTask {
                    var ok = 0, errors = 0
                    var times: [Double] = []
                    outer: for (headers, items) in mine {
                        for (planID, nodeID) in items {
                            if Date() >= deadline { break outer }
                            let body = SubmitReport(
                                planID: planID, nodeID: nodeID, period: period, narrative: "基准测试：本月按计划推进。", percent: 92,
                                selfStatus: .onTrack, submit: true)
                            let t0 = DispatchTime.now()
                            do {
                                let response = try await app.client.post(URI(string: "\(base)/api/reports"), headers: headers) { req in
                                    try req.content.encode(body, as: .json)
                                }
                                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e6)
                                if response.status == .created { ok += 1 } else { errors += 1 }
                            } catch {
                                errors += 1
                            }
                        }
                    }
                    return (ok, errors, times)
                }
            }
            var ok = 0, errors = 0
            var times: [Double] = []
            for await (o, e, t) in group { ok += o; errors += e; times += t }
            return (ok, errors, times)
        }
        let elapsed = Date().timeIntervalSince(started)
        let written = app.reportWriter.stats
        log(String(format: "report submissions (POST /api/reports, submit, %d concurrent, %.1f s): %d saved, %d errors, %.0f/s; %@",
                   options.concurrency, elapsed, results.0, results.1, Double(results.0) / elapsed, summary(results.2)))
        if written.transactions > 0 {
            log(String(format: "  written in %d transactions, %.1f reports each on average", written.transactions,
                       Double(written.jobs) / Double(written.transactions)))
        }

        // The other half's reports, submitted by wrk.
        let submitted = Set(try await ProgressReport.query(on: app.db).filter(\.$period == period).all().map { "\($0.$node.id)|\($0.$unit.id)" })
        var remaining: [(cookie: String, items: [(plan: UUID, node: UUID)])] = []
        for (account, session) in forWrk {
            guard let unit = account.$unit.id, let cookie = session.0.first(name: .cookie) else { continue }
            let items = session.1.filter { !submitted.contains("\($0.1)|\(unit)") }.map { (plan: $0.0, node: $0.1) }
            if !items.isEmpty { remaining.append((cookie, items)) }
        }
        try await submitWithWrk(app, options: options, period: period, sessions: remaining, log: log)
    }

    static func login(_ app: Application, base: String, username: String) async throws -> HTTPHeaders {
        let response = try await app.client.post(URI(string: "\(base)/api/login")) { req in
            try req.content.encode(["username": username, "password": ProvinceGenerator.password], as: .json)
        }
        guard response.status == .ok, let cookie = response.headers.setCookie?["sciplan_session"] else {
            throw BenchFailure("login \(username) answered \(response.status.code)")
        }
        var headers = HTTPHeaders()
        headers.cookie = HTTPCookies(dictionaryLiteral: ("sciplan_session", cookie))
        return headers
    }

    static func summary(_ ms: [Double]) -> String {
        guard !ms.isEmpty else { return "no samples" }
        let sorted = ms.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)] }
        return String(format: "p50 %.1f ms, p95 %.1f ms, max %.1f ms", pct(0.5), pct(0.95), sorted.last!)
    }
}
