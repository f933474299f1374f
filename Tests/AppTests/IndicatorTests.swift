@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// Indicators through the API: figures entered per place, the county →
    /// city roll-up, sources kept side by side, the assessment ranking.
    @Suite struct Indicators {
        static func enter(_ app: Application, _ headers: HTTPHeaders, _ place: String, _ code: String, _ measure: String,
                          _ value: Double, month: Int = 12, year: Int = 2025, expect status: HTTPStatus = .created) async throws {
            try await app.test(.POST, "/api/places/\(place)/values", headers: headers, beforeRequest: { req in
                try req.content.encode(IndicatorController.ValueRequest(indicator: code, year: year, month: month, measure: measure, value: value, note: "测试"), as: .json)
            }) { res in #expect(res.status == status, "\(place) \(code): \(res.body.string)") }
        }

        static func analysis(_ app: Application, _ headers: HTTPHeaders, _ place: String, _ code: String) async throws -> IndicatorAnalysisDTO {
            var dto: IndicatorAnalysisDTO?
            try await app.test(.GET, "/api/places/\(place)/indicators/\(code)?year=2025&month=12", headers: headers) { res in
                #expect(res.status == .ok, "\(res.body.string)")
                dto = try res.content.decode(IndicatorAnalysisDTO.self)
            }
            return try #require(dto)
        }

        /// Numbers on pages: at most two decimals, no trailing zeros; the same
        /// text the formatted-and-trimmed version gave, for every value tried.
        @Test func numbersAreWrittenWithAtMostTwoDecimals() {
            #expect(["12", "12.5", "12.05", "0", "-3.25", "100", "1.1", "-0.5", "75"]
                    == [12, 12.5, 12.05, 0.004, -3.25, 99.999, 1.1, -0.5, 75.0].map(Format.number))
            #expect(Format.number(.nan) == "—" && Format.number(1e20) == "100000000000000000000")
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<20_000 {
                let value = Double.random(in: -1e6...1e6, using: &generator) / Double([1, 10, 100, 1000][Int.random(in: 0..<4, using: &generator)])
                guard abs(value) >= 0.005 else { continue }
                let old = value.rounded() == value ? String(Int64(value))
                    : String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
                #expect(Format.number(value) == old, "\(value)")
            }
        }

        @Test func countsSumAndRatiosAreRecomputedFromTheirPartsUpTheTree() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 12, day: 20))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                try await Fixture.account(app, "hubei", role: .office, jurisdiction: "420000")
                try await Fixture.account(app, "yichang", role: .office, jurisdiction: "420500")
                let office = try await app.login("office")
                // Counties' targets 10 + 5 + 8 = 23 against the city's own 30.
                for (place, value) in [("421303", 10.0), ("421321", 5), ("421381", 8)] {
                    try await Self.enter(app, office, place, "hte.new", "target", value)
                }
                try await Self.enter(app, office, "421300", "hte.new", "target", 30)
                // R&D 10 and 4 (亿元) over GDP 500 and 100: the city's ratio is
                // 14 / 600 × 100 = 2.333…%, not the mean of 2 % and 4 %.
                try await Self.enter(app, office, "421303", "rd.expenditure", "actual", 10)
                try await Self.enter(app, office, "421321", "rd.expenditure", "actual", 4)
                try await Self.enter(app, office, "421303", "base.gdp", "actual", 500)
                try await Self.enter(app, office, "421321", "base.gdp", "actual", 100)

                let hte = try await Self.analysis(app, office, "421300", "hte.new")
                let city = try #require(hte.rows.first)
                #expect(hte.rows.count == 4)
                #expect(city.targetOwn == 30)
                #expect(city.targetFromChildren == 23)
                #expect(city.target == 30)
                #expect(city.targetMismatch?.contains("7") == true, "\(city.targetMismatch ?? "no mismatch")")
                #expect(hte.rows.dropFirst().allSatisfy { $0.targetMismatch == nil })

                let share = try await Self.analysis(app, office, "421300", "rd.gdp_share")
                let ratio = try #require(share.rows.first?.actual)
                #expect(abs(ratio - 14.0 / 600 * 100) < 1e-9)
                #expect(share.rows.first { $0.place == "421321" }?.actual == 4)

                // The province sees the city's figures through its own tree.
                let province = try await Self.analysis(app, try await app.login("hubei"), "420000", "hte.new")
                #expect(province.rows.first?.target == 30)
                #expect(province.rows.contains { $0.place == "421303" && $0.depth == 2 })

                // Another city's office may neither read nor write 随州's figures.
                let yichang = try await app.login("yichang")
                try await app.test(.GET, "/api/places/421300/indicators/hte.new", headers: yichang) { res in #expect(res.status == .forbidden) }
                try await Self.enter(app, yichang, "421300", "hte.new", "target", 99, expect: .forbidden)
            }
        }

        @Test func badFiguresAreRefusedInChineseAndNothingIsOverwritten() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 6, day: 20))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                try await Self.enter(app, office, "421303", "tsme.registered", "actual", 40, month: 5)
                try await Self.enter(app, office, "421303", "tsme.registered", "actual", 42, month: 5)
                try await Self.enter(app, office, "421303", "tsme.registered", "actual", 50, month: 13, expect: .badRequest)
                try await Self.enter(app, office, "421303", "tsme.registered", "actual", -1, month: 5, expect: .badRequest)
                try await Self.enter(app, office, "421303", "no.such.code", "actual", 1, month: 5, expect: .badRequest)
                try await app.test(.POST, "/api/places/421303/values", headers: office, beforeRequest: { req in
                    try req.content.encode(IndicatorController.ValueRequest(indicator: "tsme.registered", year: 2025, month: 13, measure: "actual", value: 1, note: nil), as: .json)
                }) { res in #expect(res.body.string.contains("月份")) }
                // Both entries are kept; the newer is the figure.
                let rows = try await IndicatorValue.query(on: app.db).filter(\.$indicatorCode == "tsme.registered").all()
                #expect(rows.map(\.value).sorted() == [40, 42])
                let dto = try await Self.analysis(app, office, "421303", "tsme.registered")
                #expect(dto.rows.first?.actual == 42)
                #expect(dto.rows.first?.actualMonth == 5)
                let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "indicator.values").count()
                #expect(audits == 2)
            }
        }

        @Test func aPlanTargetAndTheOfficesFigureAreBothShownWhenTheyDisagree() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 6, day: 20))
                let before = try await Self.analysis(app, w.office, "421300", "tsme.registered")
                let planTarget = try #require(before.rows.first?.target)
                #expect(before.rows.first?.sources.map(\.source) == [.plan])
                try await Self.enter(app, w.office, "421300", "tsme.registered", "target", planTarget + 10)
                let after = try await Self.analysis(app, w.office, "421300", "tsme.registered")
                let top = try #require(after.rows.first)
                #expect(top.target == planTarget + 10)
                #expect(top.sourcesDisagree)
                #expect(Set(top.sources.map(\.source)) == [.plan, .office])
                #expect(top.sources.contains { $0.source == .plan && $0.value == planTarget })
            }
        }

        /// Standard scheme, business date 20 March 2025: no unit has reported,
        /// so every computed item is 0 and every unit scores 0 — except the two
        /// the office scores by hand: 甲 25+18+20+9+10 = 82, 乙 25+18+20+9+8 = 80.
        /// Ranking by hand: 甲 1, 乙 2, everyone else 3.
        @Test func theAssessmentRanksUnitsAsComputedByHand() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                var units: [AssessmentDTO.UnitRow] = []
                try await app.test(.GET, "/api/places/421300/assessment?year=2025", headers: w.office) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    units = try res.content.decode(AssessmentDTO.self).units
                }
                #expect(units.count >= 3)
                #expect(units.allSatisfy { $0.finalTotal == 0 && $0.rank == 1 })
                let first = units[1].unit, second = units[2].unit
                let items = AssessmentScheme.standard.items.map(\.id)
                var form: [String: String] = ["year": "2025"]
                for (item, score) in zip(items, [25.0, 18, 20, 9, 10]) { form["final|\(first)|\(item)"] = Format.number(score) }
                for (item, score) in zip(items, [25.0, 18, 20, 9, 8]) { form["final|\(second)|\(item)"] = Format.number(score) }
                form["self|\(second)|\(items[4])"] = "9"
                form["evidence|\(second)|\(items[4])"] = "牵头举办科技活动周"
                try await app.test(.POST, "/places/421300/assessment/scores", headers: w.office, beforeRequest: { req in
                    try req.content.encode(form, as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                // Out of range: refused whole, nothing changed.
                try await app.test(.POST, "/places/421300/assessment/scores", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["year": "2025", "final|\(first)|\(items[0])": "35", "final|\(second)|\(items[0])": "1"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/api/places/421300/assessment?year=2025", headers: w.office) { res in
                    let ranked = try res.content.decode(AssessmentDTO.self).units
                    #expect(ranked[0].unit == first && ranked[0].finalTotal == 82 && ranked[0].rank == 1)
                    #expect(ranked[1].unit == second && ranked[1].finalTotal == 80 && ranked[1].rank == 2)
                    #expect(ranked.dropFirst(2).allSatisfy { $0.rank == 3 && $0.finalTotal == 0 })
                    let evidence = ranked[1].items.first { $0.item == items[4] }
                    #expect(evidence?.selfScore == 9)
                    #expect(evidence?.evidence == "牵头举办科技活动周")
                }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "assessment.score").count() == 10)
            }
        }

        /// The computed items, from reports the units really send. 随州 2025
        /// (published 20 March; monthly, due the 25th + 3 days' grace, so the
        /// March deadline is 28 March and the April one 28 April); judged on
        /// 10 May, when March and April are due. Standard scheme: 任务完成 30,
        /// 报送及时 20, 目标达成 30, 退回情况 10, 创新工作 10 (not scored). An
        /// item a unit has nothing to be judged on is 不适用 and the rest are
        /// scaled to 100 (issue 17; docs/numbers.md).
        ///
        /// - 市发改委 (task 4 alone): March 40 % on 20 March, April 80 % on
        ///   20 April, both accepted. Completion 0.8 → 24; on time 2/2 → 20; no
        ///   numeric target → 不适用; 0 of 2 returned → 10; 54 of 70 points
        ///   → 54 × 100 / 70 = **77.143**.
        /// - 市财政局 (task 7, target 3 家): March 30 % with 2 家 on 20 March,
        ///   accepted; April never sent. 0.3 → 9; 1/2 → 10; 2/3 → 20; 0/1 → 10.
        ///   Everything applies: **49**.
        /// - 随州国投集团 (task 16): March 50 % on 27 March, returned, resent the
        ///   same day, accepted (on time: the first sending counts); April 100 %
        ///   on 2 May (late), accepted. 1.0 → 30; 1/2 → 10; no target → 不适用;
        ///   1 of 3 sendings returned → 10 × 2/3; 46.667 of 70 → **66.667**.
        /// - 市科技局: named on 13 tasks, and with 市经信局 (the plan's issuers)
        ///   on the 5 that name no unit: 18 tasks, none reported by itself. Its
        ///   tasks 4, 7 and 16 stand at 0.8, 0.3 and 1.0 (a task is as far as
        ///   the units that reported say): 2.1 / 18 × 30 = 3.5; 0 of 36 reports
        ///   on time → 0; task 7's target 2/3 → 20; nothing sent, so 退回情况 →
        ///   不适用; 23.5 of 90 → **26.111**.
        /// - 市经信局: 10 + 5 = 15 tasks, of them 4 and 7: 1.1 / 15 × 30 = 2.2;
        ///   target of task 7 → 20; 22.2 of 90 → **24.667**.
        /// - 市人社局, 人行随州分行, 各县市区人民政府, 随州高新区管理委员会: nothing
        ///   sent, no progress: **0**, sharing 6th place.
        @Test func theAssessmentOfReportingUnitsReproducesTheRankingComputedByHand() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                let plan = try await PlanStore.load(try #require(try await PlanRecord.find(w.plan, on: app.db)), on: app.db)
                func task(_ number: Int) throws -> NodeRecord {
                    try #require(plan.nodes.first { $0.isTask && $0.key.hasSuffix("/\(number)") }, "task \(number)")
                }
                func reporter(_ unitName: String, _ username: String) async throws -> HTTPHeaders {
                    let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == unitName).first(), "\(unitName)")
                    try await Fixture.account(app, username, role: .reporter, jurisdiction: "421300", unit: try unit.requireID())
                    return try await app.login(username)
                }
                func send(_ headers: HTTPHeaders, _ node: NodeRecord, _ period: String, _ percent: Double,
                          values: [String: Double] = [:]) async throws -> UUID {
                    var id: UUID?
                    try await app.test(.POST, "/api/reports", headers: headers, beforeRequest: { req in
                        try req.content.encode(SaveReportRequest(
                            planID: w.plan, nodeID: try node.requireID(), period: period, narrative: "按计划推进。", percent: percent,
                            milestone: nil, selfStatus: .onTrack, completionProposed: false, values: values, submit: true), as: .json)
                    }) { res in
                        #expect(res.status == .created, "\(res.body.string)")
                        id = try res.content.decode(ReportDTO.self).id
                    }
                    return try #require(id)
                }
                func review(_ id: UUID, _ decision: String) async throws {
                    try await Supervision.review(app, w, id, decision, comment: decision == "return" ? "请补充数据来源。" : nil) { res in
                        #expect(res.status == .ok, "\(res.body.string)")
                    }
                }
                func day(_ month: Int, _ day: Int) { app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: month, day: day)) }

                let fgw = try await reporter("市发改委", "fgw"), czj = try await reporter("市财政局", "czj"), gt = try await reporter("随州国投集团", "gt")
                let target7 = try #require(plan.targets(of: try task(7)).first { $0.value == 3 }?.id)

                try await review(try await send(fgw, try task(4), "2025-03", 40), "accept")
                try await review(try await send(czj, try task(7), "2025-03", 30, values: [target7.uuidString: 2]), "accept")
                day(3, 27)
                let returned = try await send(gt, try task(16), "2025-03", 50)
                try await review(returned, "return")
                #expect(try await send(gt, try task(16), "2025-03", 50) == returned)
                try await review(returned, "accept")
                day(4, 20)
                try await review(try await send(fgw, try task(4), "2025-04", 80), "accept")
                day(5, 2)
                try await review(try await send(gt, try task(16), "2025-04", 100), "accept")
                day(5, 10)

                var units: [AssessmentDTO.UnitRow] = []
                try await app.test(.GET, "/api/places/421300/assessment?year=2025", headers: w.office) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    units = try res.content.decode(AssessmentDTO.self).units
                }
                let expected: [(String, Double, Int)] = [
                    ("市发改委", 54.0 * 100 / 70, 1), ("随州国投集团", (30 + 10 + 20.0 / 3) * 100 / 70, 2), ("市财政局", 49, 3),
                    ("市科技局", 23.5 * 100 / 90, 4), ("市经信局", 22.2 * 100 / 90, 5),
                ]
                #expect(units.count == expected.count + 4)
                for (row, (name, total, rank)) in zip(units, expected) {
                    #expect(row.name == name && abs(row.finalTotal - total) < 1e-9 && row.rank == rank,
                            "\(row.name) \(row.finalTotal) #\(row.rank), expected \(name) \(total) #\(rank)")
                }
                #expect(Set(units.dropFirst(expected.count).map(\.name)) == ["市人社局", "人行随州分行", "各县市区人民政府", "随州高新区管理委员会"])
                #expect(units.dropFirst(expected.count).allSatisfy { $0.finalTotal == 0 && $0.rank == 6 })
                // Item by item for the unit with a return and a late report.
                let guotou = try #require(units.first { $0.name == "随州国投集团" })
                let scores = Dictionary(uniqueKeysWithValues: guotou.items.map { ($0.item, $0.finalScore) })
                #expect(scores["completion"] == 30 && scores["timeliness"] == 10 && scores["targets"] == 0)
                #expect(abs((scores["returns"] ?? 0) - 20.0 / 3) < 1e-9 && scores["innovation"] == 0)
                #expect(guotou.items.filter { !$0.applies }.map(\.item) == ["targets"])
                #expect(abs((guotou.scale ?? 0) - 100.0 / 70) < 1e-12)
            }
        }
    }
}
