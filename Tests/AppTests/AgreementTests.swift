@testable import App
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// One target, one meaning (docs/numbers.md): 随州 2025's 技术合同登记额 on the
    /// demo's business date reads the same 目标, 实际, 完成率 (实际 ÷ 目标) and
    /// 预计完成率 on the dashboard (page and API), the place's indicator (page and
    /// API), the comparison of places and a bulletin of the latest closed month.
    @Suite struct OneNumberEverywhere {
        static let title = "随州市推动科技创新与产业创新协同发展工作方案"

        static func json(_ res: TestingHTTPResponse) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(buffer: res.body))
        }

        static func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }

        @Test func theDashboardIndicatorComparisonBulletinAndAPIAgree() async throws {
            try await withServer(demo: true) { app in try await Self.agree(app) }
        }

        static func agree(_ app: Application) async throws {
            let office = try await app.login("office", DemoData.password)
            var planID = ""
            try await app.test(.GET, "/api/plans", headers: office) { res in
                let plans = try #require(try json(res) as? [[String: Any]])
                planID = try #require(plans.first { $0["title"] as? String == title }?["id"] as? String)
            }

            // The dashboard's API: the target as the plan states it, and its figures.
            var target = 0.0, actual = 0.0, completion = 0.0, projected = 0.0, projectedRate = 0.0
            try await app.test(.GET, "/api/plans/\(planID)/dashboard", headers: office) { res in
                let body = try #require(try json(res) as? [String: Any])
                let targets = try #require(body["targets"] as? [[String: Any]])
                let t = try #require(targets.first { $0["text"] as? String == "技术合同登记额" })
                target = try #require(t["target"] as? Double)
                actual = try #require(t["actual"] as? Double)
                completion = try #require(t["completionRate"] as? Double)
                projected = try #require(t["projected"] as? Double)
                projectedRate = try #require(t["projectedRate"] as? Double)
            }
            // 完成率 is 实际 ÷ 目标 and nothing else; 预计完成率 is the forecast ÷ 目标.
            #expect(target == 75, "随州 2025: 技术合同登记额 75 亿元")
            #expect(actual > 0 && abs(completion - actual / target) < 1e-9)
            #expect(abs(projectedRate - projected / target) < 1e-9)
            #expect(projected > actual, "in May the year-end forecast is above the figure so far")

            // The place's indicator, API and page.
            try await app.test(.GET, "/api/places/421300/indicators/tech_contract.turnover?year=2025", headers: office) { res in
                let body = try #require(try json(res) as? [String: Any])
                let rows = try #require(body["rows"] as? [[String: Any]])
                let city = try #require(rows.first { $0["place"] as? String == "421300" })
                #expect(city["target"] as? Double == target)
                #expect(city["actual"] as? Double == actual)
                let forecast = try #require(city["forecast"] as? [String: Any])
                #expect((forecast["projected"] as? Double).map { abs($0 - projected) < 1e-9 } == true)
                #expect((forecast["attainment"] as? Double).map { abs($0 - projectedRate) < 1e-9 } == true)
            }
            try await app.test(.GET, "/places/421300/indicators/tech_contract.turnover?year=2025", headers: office) { res in
                let page = res.body.string
                #expect(page.contains(percent(completion)), "the indicator page shows 完成率 \(percent(completion))")
                #expect(page.contains(percent(projectedRate)), "the indicator page shows 预计完成率 \(percent(projectedRate))")
            }

            // The comparison of places: the same target, actual and 完成率.
            try await app.test(.GET, "/api/indicators/tech_contract.turnover/compare?places=421300&years=2025", headers: office) { res in
                let body = try #require(try json(res) as? [String: Any])
                let rows = try #require(body["rows"] as? [[String: Any]])
                let city = try #require(rows.first { $0["placeCode"] as? String == "421300" && $0["year"] as? Int == 2025 })
                #expect(city["target"] as? Double == target)
                #expect(city["actual"] as? Double == actual)
                #expect((city["attainment"] as? Double).map { abs($0 - completion) < 1e-9 } == true, "地区对比's 完成率 is 实际 ÷ 目标")
            }

            // The dashboard page.
            try await app.test(.GET, "/plans/\(planID)/dashboard", headers: office) { res in
                let page = res.body.string
                #expect(page.contains("完成率 \(percent(completion))，预计完成率 \(percent(projectedRate))"))
            }

            // A bulletin of April (the latest month past its deadline on 20 May): its
            // 主要指标 table carries the same two rates for the target.
            var location = ""
            try await app.test(.POST, "/plans/\(planID)/bulletins", headers: office, beforeRequest: { req in
                try req.content.encode(["kind": "monthly", "period": "2025-04"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            try await app.test(.GET, location, headers: office) { res in
                let page = res.body.string
                let row = try #require(page.range(of: "<td>技术合同登记额</td>").map { String(page[$0.lowerBound...].prefix(400)) })
                #expect(row.contains("<td>\(percent(completion))</td>") && row.contains("<td>\(percent(projectedRate))</td>"),
                        "the bulletin's row: \(row)")
            }
        }

        /// A section is 滞后 by the mean of its tasks' scores, so the header can
        /// say 滞后 0 while a section says 滞后: each section's status names the
        /// states of its tasks, and they add up to its task count.
        @Test func aSectionsStatusNamesTheStatesOfItsTasks() async throws {
            try await withServer(demo: true) { app in
                let office = try await app.login("office", DemoData.password)
                var planID = ""
                try await app.test(.GET, "/api/plans", headers: office) { res in
                    let plans = try #require(try Self.json(res) as? [[String: Any]])
                    planID = try #require(plans.first { $0["title"] as? String == Self.title }?["id"] as? String)
                }
                try await app.test(.GET, "/plans/\(planID)/dashboard", headers: office) { res in
                    let page = res.body.string
                    let rows = page.components(separatedBy: "<tr>").filter { $0.contains(#"data-label="状态（其中任务）""#) }
                    #expect(rows.count >= 3, "随州 2025 has sections")
                    for row in rows {
                        let count = try #require(row.firstMatch(of: /data-label="任务">(\d+)</)?.1).description
                        let status = try #require(row.firstMatch(of: /class="section-tasks">（([^）]*)）/)?.1).description
                        let sum = status.matches(of: /(\d+)/).compactMap { Int($0.1) }.reduce(0, +)
                        #expect(sum == Int(count), "a section of \(count) tasks names \(status)")
                    }
                }
            }
        }
    }
}
