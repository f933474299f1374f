@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// 单位组 through the server, on 广水 2022 §三（二）, which names 各镇办 among
/// its responsible units: the office lists five towns once; each town then
/// has the task, reports on it, and the one that does not is named.
extension ServerTests {
    @Suite struct UnitGroups {
        static let towns = ["应山街道", "十里街道", "武胜关镇", "马坪镇", "杨寨镇"]

        @Test func aGroupOfFiveTownsWithOneSilent() async throws {
            try await withServer { app in
                let w = try await PartnersReport.world(app)   // 广水 2022, published 1 March 2022
                let plan = try #require(try await PlanRecord.find(w.plan, on: app.db))
                let task = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == w.plan).all().first { $0.key == "三/（二）" })
                try await Fixture.account(app, "gsoffice", role: .office, jurisdiction: plan.jurisdictionCode)
                let office = try await app.login("gsoffice")

                // Refused without members; the name comes back as typed.
                try await app.test(.POST, "/unit-groups", headers: office, beforeRequest: { req in
                    try req.content.encode(["name": "各镇办", "members": " "], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("请列出单位组的成员单位") && res.body.string.contains("value=\"各镇办\""))
                }
                try await app.test(.GET, "/unit-groups", headers: office) { res in
                    #expect(res.body.string.contains("计划中尚未定义的集合名称") && res.body.string.contains(">各镇办<"))
                }
                try await app.test(.POST, "/unit-groups", headers: office, beforeRequest: { req in
                    try req.content.encode(["name": "各镇办", "members": Self.towns.joined(separator: "\n")], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let group = try #require(try await UnitGroup.query(on: app.db).first())
                #expect(group.members.count == 5 && group.jurisdictionCode == plan.jurisdictionCode)
                let units = try await App.Unit.query(on: app.db).filter(\.$jurisdictionCode == plan.jurisdictionCode).filter(\.$name ~~ Self.towns).all()
                #expect(Set(units.map(\.name)) == Set(Self.towns))

                // Each town reports on the task; 马坪镇 does not.
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2022, month: 3, day: 20))
                for (index, town) in Self.towns.enumerated() {
                    let unit = try #require(units.first { $0.name == town })
                    try await Fixture.account(app, "town\(index)", role: .reporter, jurisdiction: plan.jurisdictionCode, unit: unit.id)
                    let headers = try await app.login("town\(index)")
                    try await app.test(.GET, "/api/reports?period=2022-03", headers: headers) { res in
                        let keys = try res.content.decode([ReportTaskDTO].self).map(\.key)
                        #expect(keys.contains("三/（二）"), "\(town) has the group's task")
                    }
                    guard town != "马坪镇" else { continue }
                    try await app.test(.POST, "/api/reports", headers: headers, beforeRequest: { req in
                        try req.content.encode(SaveReportRequest(
                            planID: w.plan, nodeID: task.id!, period: "2022-03", narrative: "\(town)：完成辖区企业摸底。",
                            percent: Double(20 + 10 * index), milestone: nil, selfStatus: nil, completionProposed: false,
                            values: [:], submit: true), as: .json)
                    }) { res in #expect(res.status == .created, "\(res.body.string)") }
                }
                for report in try await ProgressReport.query(on: app.db).filter(\.$node.$id == task.id!).all() {
                    try await app.test(.POST, "/api/plans/\(w.plan)/reports/\(report.id!)/review", headers: w.office, beforeRequest: { req in
                        try req.content.encode(["decision": "accept", "comment": ""], as: .json)
                    }) { res in #expect(res.status == .ok) }
                }

                app.clock = BusinessClock(fixedDay: CivilDate(year: 2022, month: 4, day: 10))
                var reasons: [String] = []
                try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                    reasons = try res.content.decode(DashboardDTO.self).late.first { $0.key == "三/（二）" }?.reasons ?? []
                }
                let reason = try #require(reasons.first)
                #expect(reason.hasPrefix("2022年3月进展未报送（") && reason.contains("马坪镇"))
                #expect(!Self.towns.filter { $0 != "马坪镇" }.contains { reason.contains($0) })
                // The group rolled up: 4 of 5, mean of 20, 30, 40 and 60 = 37.5.
                try await app.test(.GET, "/plans/\(w.plan)/tasks/\(task.id!)", headers: w.office) { res in
                    #expect(res.body.string.contains("各镇办（5 个单位）：2022年3月已报送 4/5，平均进度 37.5%；未报送：马坪镇"))
                }
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "unit.group").count()
                #expect(audit == 1)
            }
        }
    }
}
