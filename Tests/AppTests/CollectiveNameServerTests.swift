@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// 二级单位 and 各科室 in the 十堰 plan stand for many units: the units
    /// page says so, 全部新建 does not make units of them, and they do not
    /// hold the plan back from publishing.
    @Suite struct CollectiveNames {
        @Test func collectiveNamesAreNeitherCreatedNorABarToPublishing() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let admin = try await app.login("admin")
                let id = try await app.importSeed("004_6125b7404946aca6.txt", headers: admin)
                var statuses: [UnitController.NameStatus] = []
                try await app.test(.GET, "/api/plans/\(id)/units", headers: admin) { res in
                    statuses = try res.content.decode([UnitController.NameStatus].self)
                }
                let collective = statuses.filter(\.collective).map(\.name).sorted()
                #expect(collective == ["二级单位", "各科室"])
                #expect(statuses.filter(\.collective).allSatisfy { $0.suggestions.isEmpty })
                try await app.test(.GET, "/plans/\(id)/units", headers: admin) { res in
                    // Not matched, not created: listed as standing for many units, defined on 单位组.
                    #expect(res.body.string.contains("泛指多个单位：在<a href=\"/unit-groups\">单位组</a>中列出成员后，任务分解到每个成员")
                            && !res.body.string.contains("新建单位“二级单位”"))
                }
                try await app.test(.POST, "/plans/\(id)/units/create-all", headers: admin) { res in #expect(res.status == .seeOther) }
                #expect(try await Unit.query(on: app.db).filter(\.$name ~~ ["二级单位", "各科室"]).count() == 0)
                #expect(try await Unit.query(on: app.db).count() == statuses.count - 2)
                try await app.test(.POST, "/api/plans/\(id)/publish", headers: admin) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                }
            }
        }
    }
}
