@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// The office lands on 待办; each count there is the rows' own.
    @Suite struct Todo {
        @Test func theOfficeLandsOnWhatWaitsForIt() async throws {
            try await withServer(demo: true) { app in
                let office = try await app.login("office", DemoData.password)
                try await app.test(.GET, "/", headers: office) { res in
                    #expect(res.status == .seeOther && res.headers.first(name: .location) == "/todo")
                }
                let kjj = try await app.login("kjj", DemoData.password)
                try await app.test(.GET, "/", headers: kjj) { res in #expect(res.headers.first(name: .location) == "/reports") }
                // The plans the 随州 office edits: 随州's and 广水's.
                let plans = try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode ~~ ["421300", "421381"]).all()
                #expect(plans.count == 3)
                var html = ""
                try await app.test(.GET, "/todo", headers: office) { res in
                    #expect(res.status == .ok)
                    html = res.body.string
                }
                var listed = 0
                for plan in plans {
                    let waiting = try await ProgressReport.query(on: app.db).filter(\.$plan.$id == plan.requireID()).filter(\.$state == .submitted).count()
                    if waiting > 0 {
                        #expect(html.contains("\(plan.displayTitle)：\(waiting) 份待审核"), "\(plan.displayTitle): \(waiting)")
                        #expect(html.contains("href=\"/plans/\(try plan.requireID().uuidString)/reports\""))
                        listed += 1
                    }
                    let proposed = try await SupervisionNotice.query(on: app.db).filter(\.$plan.$id == plan.requireID()).filter(\.$status == .proposed).count()
                    if proposed > 0 { #expect(html.contains("\(plan.displayTitle)：\(proposed) 份待签发")) }
                }
                #expect(listed > 0)
                // 宜昌's plan is not this office's.
                let yichang = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "420500").first())
                #expect(!html.contains(yichang.displayTitle))
                #expect(!html.contains("未发布的计划"))
                // A draft waits to be published.
                let text = "随州市2026年科技测试工作要点\n\n一、总体要求\n（一）做好测试工作。牵头单位：市科技局。\n"
                try await app.upload("/api/plans/import", name: "draft.txt", bytes: Data(text.utf8), headers: office) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                }
                try await app.test(.GET, "/todo", headers: office) { res in
                    #expect(res.body.string.contains("未发布的计划"))
                }
            }
        }
    }
}
