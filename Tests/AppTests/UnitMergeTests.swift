@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// 合并单位: the duplicate's reports, accounts and name go to the kept
    /// unit; two reports of one task and period refuse the merge whole.
    @Suite struct UnitMerging {
        static func report(_ app: Application, _ w: Supervision.World, unit: UUID, period: String) async throws -> UUID {
            let r = ProgressReport(planID: w.plan, nodeID: w.tasks[0], unitID: unit, period: period, authorName: "测试")
            r.state = .submitted
            r.narrative = "已推进。"
            r.completionProposed = false
            try await r.create(on: app.db)
            return try r.requireID()
        }

        static func merge(_ app: Application, _ w: Supervision.World, _ merged: UUID, into kept: UUID, confirm: Bool = true) async throws -> String {
            var flash = ""
            try await app.test(.POST, "/plans/\(w.plan)/units/merge", headers: w.office, beforeRequest: { req in
                try req.content.encode(["merged": merged.uuidString, "kept": kept.uuidString, "confirm": confirm ? "yes" : ""], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            try await app.test(.GET, "/plans/\(w.plan)/units", headers: w.office) { res in flash = res.body.string }
            return flash
        }

        @Test func aDuplicateUnitIsMergedWithItsReportsAccountsAndName() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 5, day: 20))
                let duplicate = Unit(name: "随州市科学技术局", kind: .bureau, jurisdictionCode: "421300")
                try await duplicate.create(on: app.db)
                let dupID = try duplicate.requireID()
                try await Fixture.account(app, "kjj2", role: .reporter, jurisdiction: "421300", unit: dupID)
                let moved = try await Self.report(app, w, unit: dupID, period: "2025-04")
                let audit = try await AuditEntry.query(on: app.db).count()

                // Not without the confirmation; not into itself.
                var page = try await Self.merge(app, w, dupID, into: w.unit, confirm: false)
                #expect(page.contains("确认合并"))
                #expect(try await Unit.find(dupID, on: app.db) != nil)
                page = try await Self.merge(app, w, dupID, into: dupID)
                #expect(page.contains("不能把单位合并到它自己"))

                page = try await Self.merge(app, w, dupID, into: w.unit)
                #expect(page.contains("已把“随州市科学技术局”合并到“市科技局”"))
                #expect(try await Unit.find(dupID, on: app.db) == nil)
                #expect(try await ProgressReport.find(moved, on: app.db)?.$unit.id == w.unit)
                #expect(try await Account.query(on: app.db).filter(\.$username == "kjj2").first()?.$unit.id == w.unit)
                let alias = try await UnitAlias.query(on: app.db).filter(\.$alias == "随州市科学技术局").first()
                #expect(alias?.$unit.id == w.unit)
                let lines = try await AuditEntry.query(on: app.db).filter(\.$action == "unit.merge").all()
                #expect(lines.count == 1 && lines.first?.entityID == w.unit.uuidString)
                #expect(try await AuditEntry.query(on: app.db).count() == audit + 1, "the refused attempts wrote nothing")
            }
        }

        @Test func twoReportsOfOneTaskAndPeriodRefuseTheMergeWhole() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 5, day: 20))
                let duplicate = Unit(name: "市科学技术局", kind: .bureau, jurisdictionCode: "421300")
                try await duplicate.create(on: app.db)
                let dupID = try duplicate.requireID()
                try await Fixture.account(app, "kjj3", role: .reporter, jurisdiction: "421300", unit: dupID)
                _ = try await Self.report(app, w, unit: w.unit, period: "2025-04")
                let theirs = try await Self.report(app, w, unit: dupID, period: "2025-04")
                let page = try await Self.merge(app, w, dupID, into: w.unit)
                #expect(page.contains("在同一任务同一期次都有报告，共 1 处"))
                #expect(try await Unit.find(dupID, on: app.db) != nil, "nothing merged")
                #expect(try await ProgressReport.find(theirs, on: app.db)?.$unit.id == dupID)
                #expect(try await Account.query(on: app.db).filter(\.$username == "kjj3").first()?.$unit.id == dupID)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "unit.merge").count() == 0)
            }
        }
    }
}
