@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// 牵头汇总 through the server, on 广水 2022 §三（四） 推进科技创新平台建设:
/// 市科技经信局 leads, 市人社局 and 市科协 are responsible beside it. Published
/// on 1 March 2022, monthly reports due the 25th with three days' grace.
extension ServerTests {
    @Suite struct PartnersReport {
        struct World {
            var plan: UUID
            var task: UUID
            var lead: HTTPHeaders
            var partner: HTTPHeaders
            var office: HTTPHeaders
        }

        static func world(_ app: Application) async throws -> World {
            app.clock = BusinessClock(fixedDay: CivilDate(year: 2022, month: 3, day: 1))
            try await Fixture.account(app, "admin", role: .admin)
            let admin = try await app.login("admin")
            let id = try await app.importSeed(Fixture.seedNames[1], headers: admin)
            try await createAllUnits(app, id, admin)
            try await app.test(.POST, "/api/plans/\(id)/publish", headers: admin) { res in #expect(res.status == .ok, "\(res.body.string)") }
            let plan = try #require(try await PlanRecord.find(id, on: app.db))
            let task = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).all().first { $0.key == "三/（四）" })
            func unit(_ name: String) async throws -> App.Unit {
                try #require(try await App.Unit.query(on: app.db).filter(\.$name == name).filter(\.$jurisdictionCode == plan.jurisdictionCode).first())
            }
            let lead = try await unit("市科技经信局"), partner = try await unit("市人社局")
            try await Fixture.account(app, "lead", role: .reporter, jurisdiction: plan.jurisdictionCode, unit: lead.id)
            try await Fixture.account(app, "partner", role: .reporter, jurisdiction: plan.jurisdictionCode, unit: partner.id)
            try await Fixture.account(app, "office", role: .office, jurisdiction: plan.jurisdictionCode)
            return World(plan: id, task: try task.requireID(), lead: try await app.login("lead"),
                         partner: try await app.login("partner"), office: try await app.login("office"))
        }

        static func submit(_ app: Application, _ w: World, as headers: HTTPHeaders, narrative: String, percent: Double) async throws -> UUID {
            var id: UUID?
            try await app.test(.POST, "/api/reports", headers: headers, beforeRequest: { req in
                try req.content.encode(SaveReportRequest(
                    planID: w.plan, nodeID: w.task, period: "2022-03", narrative: narrative, percent: percent,
                    milestone: nil, selfStatus: nil, completionProposed: false, values: [:], submit: true), as: .json)
            }) { res in
                #expect(res.status == .created || res.status == .ok, "\(res.body.string)")
                id = try res.content.decode(ReportDTO.self).id
            }
            return try #require(id)
        }

        static func lateReasons(_ app: Application, _ w: World) async throws -> [String: [String]] {
            var reasons: [String: [String]] = [:]
            try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                let dashboard = try res.content.decode(DashboardDTO.self)
                for line in dashboard.late { reasons[line.key] = line.reasons }
            }
            return reasons
        }

        @Test func partnersReportTheLeadCompilesAndASilentPartnerIsNamed() async throws {
            try await withServer { app in
                let w = try await Self.world(app)
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2022, month: 3, day: 20))

                // The partner sees the task as its own, with who compiles it.
                try await app.test(.GET, "/reports?period=2022-03", headers: w.partner) { res in
                    let page = res.body.string
                    #expect(page.contains("推进科技创新平台建设"))
                    #expect(page.contains("本单位为责任单位：报送本单位承担的部分，由牵头单位市科技经信局汇总。"))
                    #expect(!page.contains("供牵头汇总"))
                }
                let partnerReport = try await Self.submit(app, w, as: w.partner, narrative: "人社局：完成人才平台摸底，新增博士后工作站1家。", percent: 40)

                // The lead compiles from what its partners handed in; 市科协 has not.
                try await app.test(.GET, "/reports?period=2022-03", headers: w.lead) { res in
                    let page = res.body.string
                    #expect(page.contains("各责任单位本期报送（1/2，供牵头汇总）"))
                    #expect(page.contains("人社局：完成人才平台摸底，新增博士后工作站1家。"))
                    #expect(page.contains("<strong>市科协</strong>：尚未报送"))
                }
                try await app.test(.GET, "/api/reports?period=2022-03", headers: w.lead) { res in
                    let tasks = try res.content.decode([ReportTaskDTO].self)
                    let task = try #require(tasks.first { $0.nodeID == w.task })
                    #expect(task.partners.map(\.unit) == ["市人社局", "市科协"])
                    #expect(task.partners.first?.report?.narrative == "人社局：完成人才平台摸底，新增博士后工作站1家。")
                    #expect(task.partners.last?.report == nil)
                }
                try await app.test(.GET, "/api/reports?period=2022-03", headers: w.partner) { res in
                    let tasks = try res.content.decode([ReportTaskDTO].self)
                    #expect(tasks.first { $0.nodeID == w.task }?.compiledBy == ["市科技经信局"])
                }
                let leadReport = try await Self.submit(app, w, as: w.lead, narrative: "汇总：平台建设按计划推进。", percent: 30)
                for id in [partnerReport, leadReport] {
                    try await app.test(.POST, "/api/plans/\(w.plan)/reports/\(id)/review", headers: w.office, beforeRequest: { req in
                        try req.content.encode(["decision": "accept", "comment": ""], as: .json)
                    }) { res in #expect(res.status == .ok, "\(res.body.string)") }
                }

                // After March's deadline (28 March) the silent partner makes the task overdue, by name.
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2022, month: 4, day: 10))
                #expect(try await Self.lateReasons(app, w)["三/（四）"] == ["2022年3月进展未报送（市科协）"])
                var units: [String: DashboardDTO.UnitDTO] = [:]
                try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                    units = Dictionary(try res.content.decode(DashboardDTO.self).units.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                }
                // March is the one period due: 市科协 missed it on every task it shares, 市人社局 only elsewhere.
                let kx = try #require(units["市科协"]), rsj = try #require(units["市人社局"])
                #expect(kx.due == kx.tasks && kx.missing == kx.tasks && kx.onTime == 0)
                #expect(rsj.onTime == 1 && rsj.missing == rsj.tasks - 1)

                // A wrong choice is refused and changes nothing.
                try await app.test(.POST, "/plans/\(w.plan)/calendar", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["kind": "monthly", "dueDay": "25", "graceDays": "3", "onTrack": "95", "behind": "85", "partners": "某些"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await PlanRecord.find(w.plan, on: app.db)?.partnersReport == true)

                // The office keeps reports to leads: the partners' silence no longer counts.
                try await app.test(.POST, "/plans/\(w.plan)/calendar", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["kind": "monthly", "dueDay": "25", "graceDays": "3", "onTrack": "95", "behind": "85", "partners": "no"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await Self.lateReasons(app, w)["三/（四）"] == nil)
                try await app.test(.GET, "/plans/\(w.plan)/calendar", headers: w.office) { res in
                    #expect(res.body.string.contains("<option value=\"no\" selected"))
                }
                try await app.test(.GET, "/reports?period=2022-04", headers: w.partner) { res in
                    #expect(!res.body.string.contains("推进科技创新平台建设"))
                }
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "calendar.update").all()
                #expect(audit.count == 1)
                #expect(audit.first?.before?.contains("partners report") == true && audit.first?.after?.contains("partners silent") == true)
            }
        }
    }
}
