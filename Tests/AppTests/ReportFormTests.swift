@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    @Suite struct ReportForm {
        /// 本期报送 shows beside each target's field the value the unit gave in
        /// its latest earlier report (上期值), read here from the rows.
        /// gskjj (广水 市科技经信局) reports on 广水 2022, a finished year, and has
        /// a report of 2022年12月 returned: 本期报送 opens on it instead of saying
        /// there is nothing to do, and lists the other periods still owed.
        @Test func aReporterWithReturnedWorkInAFinishedYearIsShownIt() async throws {
            try await withServer(demo: true) { app in
                let gskjj = try #require(try await Account.query(on: app.db).filter(\.$username == "gskjj").first())
                let unitID = try #require(gskjj.$unit.id)
                let returned = try await ProgressReport.query(on: app.db).filter(\.$unit.$id == unitID).filter(\.$state == .returned).all()
                let latest = try #require(returned.compactMap { ReportingPeriod(key: $0.period) }.max(), "the demo returns one of gskjj's reports")
                let headers = try await app.login("gskjj", DemoData.password)
                try await app.test(.GET, "/reports", headers: headers) { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(!html.contains("本期没有需要报送的任务"))
                    #expect(html.contains("\(latest.title)进展："), "the page opens on \(latest.title), the returned report's period")
                    #expect(html.contains("退回原因："))
                }
            }
        }

        @Test func eachTargetFieldShowsTheUnitsLastValue() async throws {
            try await withServer(demo: true) { app in
                let kjj = try #require(try await Account.query(on: app.db).filter(\.$username == "kjj").first())
                let unitID = try #require(kjj.$unit.id)
                let headers = try await app.login("kjj", DemoData.password)
                var html = ""
                try await app.test(.GET, "/reports", headers: headers) { res in
                    #expect(res.status == .ok)
                    html = res.body.string
                }
                let pattern = try Regex(#"<span>[^<]*，上期（([^）<]*)） ([0-9.\-]+)[^<]*</span><input type="text" name="value:([0-9A-Fa-f-]{36}):([0-9A-Fa-f-]{36})""#)
                let matches = html.matches(of: pattern)
                #expect(!matches.isEmpty, "no 上期 on the form")
                for match in matches {
                    let periodTitle = String(match.output[1].substring ?? "")
                    let shown = Double(String(match.output[2].substring ?? "")) ?? .nan
                    let nodeID = try #require(UUID(uuidString: String(match.output[3].substring ?? "")))
                    let targetID = try #require(UUID(uuidString: String(match.output[4].substring ?? "")))
                    // The period the form is for: its hidden field.
                    let periodField = try Regex("name=\"period:\(nodeID.uuidString)\" value=\"([^\"]+)\"")
                    let key = try #require(html.firstMatch(of: periodField)?.output[1].substring.map(String.init))
                    let current = try #require(ReportingPeriod(key: key))
                    // The latest report handed in before the period on the form.
                    let earlier = try await ProgressReport.query(on: app.db).filter(\.$unit.$id == unitID).filter(\.$node.$id == nodeID)
                        .filter(\.$state ~~ [.submitted, .accepted]).all()
                        .filter { (ReportingPeriod(key: $0.period)?.firstDay ?? current.firstDay) < current.firstDay }
                        .max { (ReportingPeriod(key: $0.period)?.firstDay ?? .init(year: 1, month: 1, day: 1)) < (ReportingPeriod(key: $1.period)?.firstDay ?? .init(year: 1, month: 1, day: 1)) }
                    let report = try #require(earlier)
                    #expect(ReportingPeriod(key: report.period)?.title == periodTitle)
                    let value = try #require(try await ReportValue.query(on: app.db).filter(\.$report.$id == report.requireID()).filter(\.$target.$id == targetID).first())
                    #expect(abs(value.value - shown) < 1e-9, "\(nodeID) \(targetID): shown \(shown), stored \(value.value)")
                }
            }
        }
    }
}
