@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// 目标任务分解到县市区 through the server: 随州 2025's 技术合同登记额75亿元
/// handed to its three counties; their actuals add up to the city's completion.
extension ServerTests {
    @Suite struct TargetSplits {
        @Test func aCityTargetSplitOverThreeCounties() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 6, day: 10))
                let target = try #require(try await TargetRecord.query(on: app.db).filter(\.$plan.$id == w.plan)
                    .filter(\.$indicator == "tech_contract.turnover").first())
                #expect(target.value == 75)
                let path = "/plans/\(w.plan)/targets/\(target.id!)/split"
                func shares() async throws -> [String: Double] {
                    let values = try await IndicatorValue.query(on: app.db).filter(\.$indicatorCode == "tech_contract.turnover")
                        .filter(\.$measure == .target).all()
                    return Dictionary(values.map { ($0.jurisdictionCode, $0.value) }, uniquingKeysWith: { _, last in last })
                }

                // 34 + 15 + 25 = 74, not 75: refused unless the difference is confirmed.
                try await app.test(.POST, path, headers: w.office, beforeRequest: { req in
                    try req.content.encode(["s|421303": "34", "s|421321": "15", "s|421381": "25"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await shares().isEmpty)
                try await app.test(.GET, "/plans/\(w.plan)/tasks/\(target.nodeID!)", headers: w.office) { res in
                    #expect(res.body.string.contains("各地分解合计 74，与目标 75 相差 -1：请调整，或勾选“确认差额”后保存。"))
                }
                try await app.test(.POST, path, headers: w.office, beforeRequest: { req in
                    try req.content.encode(["s|421303": "34", "s|421321": "15", "s|421381": "26"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await shares() == ["421303": 34, "421321": 15, "421381": 26])

                // The counties' actuals by May: 12 + 5 + 10 = 27 of the city's 75 = 36 %.
                let office = try #require(try await Account.query(on: app.db).filter(\.$username == "office").first())
                for (place, value) in [("421303", 12.0), ("421321", 5), ("421381", 10)] {
                    try await IndicatorValue(code: "tech_contract.turnover", jurisdiction: place, year: 2025, month: 5, measure: .actual,
                                             value: value, source: .office, note: "测试", account: office, at: Date()).create(on: app.db)
                }
                try await app.test(.GET, "/plans/\(w.plan)/tasks/\(target.nodeID!)", headers: w.office) { res in
                    let page = res.body.string
                    #expect(page.contains("目标分解到县市区"))
                    // 曾都区 12 of 34 = 35.3 %; the sum row: 75 shared, 27 done, 36.0 %.
                    #expect(page.contains("<td>曾都区</td><td>34亿元</td><td>12亿元</td><td>35.3%</td>"), "\(page)")
                    #expect(page.contains("<td>27亿元</td><td><strong>36.0%</strong></td>"))
                }
                // A reporter does not get the form.
                try await app.test(.POST, path, headers: w.reporter, beforeRequest: { req in
                    try req.content.encode(["s|421303": "75"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .forbidden) }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "target.split").count() == 1)
            }
        }
    }
}
