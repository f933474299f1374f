@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// 报告审核 at volume: it opens on 待审核, pages by 50, filters by unit and
    /// keeps the filters through 采纳, and each card shows the numbers
    /// reported beside the target and the unit's 上期值.
    @Suite struct ReviewAtVolume {
        @Test func theReviewListOpensOnPendingPagesAndFiltersByUnit() async throws {
            try await withServer(demo: true) { app in
                let office = try await app.login("office", DemoData.password)
                let plan = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "421300").filter(\.$year == 2025).first())
                let planID = try plan.requireID()
                let path = "/plans/\(planID.uuidString)/reports"
                let handedIn = try await ProgressReport.query(on: app.db).filter(\.$plan.$id == planID).filter(\.$state != .draft).all()
                let pending = handedIn.filter { $0.state == .submitted }
                #expect(!pending.isEmpty && handedIn.count > 50)
                // Opens on 待审核.
                try await app.test(.GET, path, headers: office) { res in
                    let html = res.body.string
                    #expect(html.contains("共 \(pending.count) 份报告"))
                    #expect(!html.contains("data-state=\"accepted\"") && !html.contains("data-state=\"returned\""))
                    #expect(html.contains("<option value=\"submitted\" selected"))
                }
                // All states, by pages of 50, the pager keeping the filter.
                try await app.test(.GET, path + "?state=all", headers: office) { res in
                    let html = res.body.string
                    #expect(html.contains("共 \(handedIn.count) 份报告，本页第 1–50 份"))
                    #expect(html.components(separatedBy: "<article class=\"card report\"").count - 1 == 50)
                    #expect(html.contains("state=all&amp;page=2") || html.contains("state=all&page=2"))
                }
                let lastPage = (handedIn.count + 49) / 50
                try await app.test(.GET, path + "?state=all&page=\(lastPage)", headers: office) { res in
                    #expect(res.body.string.components(separatedBy: "<article class=\"card report\"").count - 1 == handedIn.count - 50 * (lastPage - 1))
                }
                // One unit's reports only.
                let unitID = try #require(handedIn.first?.$unit.id)
                let unitName = try #require(try await Unit.find(unitID, on: app.db)?.name)
                let ofUnit = handedIn.filter { $0.$unit.id == unitID }
                try await app.test(.GET, path + "?state=all&unit=\(unitID.uuidString)", headers: office) { res in
                    let html = res.body.string
                    #expect(html.contains("共 \(ofUnit.count) 份报告"))
                    #expect(html.contains("<option value=\"\(unitID.uuidString)\" selected"))
                    let metas = html.components(separatedBy: "<div class=\"meta\">").dropFirst().map { String($0.prefix(300)) }
                    #expect(!metas.isEmpty && metas.allSatisfy { $0.contains(unitName) })
                }
                // A card shows the figures reported with the target, and 上期 where there was an earlier report.
                try await app.test(.GET, path + "?state=accepted", headers: office) { res in
                    let html = res.body.string
                    #expect(html.contains("<ul class=\"figures\">") && html.contains("（目标 ") && html.contains("，上期 "))
                }
                // 采纳 from a filtered page goes back to that page.
                let report = try #require(pending.first)
                let back = path + "?state=submitted&unit=\(report.$unit.id.uuidString)"
                var headers = office
                headers.replaceOrAdd(name: .referer, value: "http://localhost" + back)
                headers.replaceOrAdd(name: .host, value: "localhost")
                try await app.test(.POST, path + "/\(try report.requireID().uuidString)/accept", headers: headers) { res in
                    #expect(res.status == .seeOther)
                    #expect(res.headers.first(name: .location) == back)
                }
                #expect(try await ProgressReport.find(report.requireID(), on: app.db)?.state == .accepted)
            }
        }

        /// 采纳所选: ticked reports are listed for confirmation, then accepted
        /// together, each with its audit line; nothing changes before 确认.
        @Test func selectedReportsAreAcceptedTogetherAfterConfirmation() async throws {
            try await withServer(demo: true) { app in
                let office = try await app.login("office", DemoData.password)
                let plan = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "421300").filter(\.$year == 2025).first())
                let planID = try plan.requireID()
                let pending = try await ProgressReport.query(on: app.db).filter(\.$plan.$id == planID).filter(\.$state == .submitted).all()
                #expect(pending.count >= 3)
                let chosen = try pending.prefix(2).map { try $0.requireID().uuidString }
                let path = "/plans/\(planID.uuidString)/reports"
                try await app.test(.GET, path, headers: office) { res in
                    #expect(res.body.string.contains("采纳所选报告") && res.body.string.contains("form=\"select\""))
                }
                func post(_ fields: [String]) async throws -> TestingHTTPResponse? {
                    var out: TestingHTTPResponse?
                    var headers = office
                    headers.contentType = .urlEncodedForm
                    let body = fields.joined(separator: "&") + "&back=" + (path + "?state=submitted").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    try await app.test(.POST, path + "/accept-selected", headers: headers, body: ByteBuffer(string: body)) { res in out = res }
                    return out
                }
                let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "report.accept").count()
                let listed = try #require(try await post(chosen.map { "report%5B%5D=\($0)" }))
                #expect(listed.status == .ok && listed.body.string.contains("确认采纳 2 份"))
                #expect(try await ProgressReport.query(on: app.db).filter(\.$state == .submitted).filter(\.$plan.$id == planID).count() == pending.count)
                let done = try #require(try await post(chosen.map { "report%5B%5D=\($0)" } + ["confirm=yes"]))
                #expect(done.status == .seeOther && done.headers.first(name: .location) == path + "?state=submitted")
                for id in chosen { #expect(try await ProgressReport.find(UUID(uuidString: id), on: app.db)?.state == .accepted) }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "report.accept").count() == audits + 2)
                // Again: nothing left waiting among them, nothing changes.
                let again = try #require(try await post(chosen.map { "report%5B%5D=\($0)" } + ["confirm=yes"]))
                #expect(again.status == .seeOther)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "report.accept").count() == audits + 2)
            }
        }

        /// 审计日志 pages hold 100 lines each (Fluent's `range(lower:upper:)`
        /// counts its upper bound in, and gave 101).
        @Test func theAuditTrailPagesByAHundred() async throws {
            try await withServer { app in
                let admin = try await Fixture.account(app, "admin", role: .admin)
                for n in 1...150 { try await Audit.record(admin, "test.line", entity: "plan", id: nil, after: "\(n)", on: app.db) }
                let headers = try await app.login("admin")
                let total = try await AuditEntry.query(on: app.db).count()
                var first: [AuditEntryDTO] = [], second: [AuditEntryDTO] = []
                try await app.test(.GET, "/api/audit", headers: headers) { res in first = try res.content.decode([AuditEntryDTO].self) }
                try await app.test(.GET, "/api/audit?page=2", headers: headers) { res in second = try res.content.decode([AuditEntryDTO].self) }
                #expect(first.count == 100)
                #expect(second.count == total - 100)
                #expect(Set(first.compactMap(\.id)).isDisjoint(with: Set(second.compactMap(\.id))))
                try await app.test(.GET, "/admin/audit?action=test", headers: headers) { res in
                    #expect(res.body.string.components(separatedBy: "<tr>").count - 2 == 100)
                }
            }
        }
    }
}
