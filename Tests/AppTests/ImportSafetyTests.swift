@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// A plan already held is never imported a second time without the
    /// office choosing; a plan of another place is refused, the place named.
    @Suite struct ImportSafety {
        static let suizhou2023 = "000_e68a988da11eda11.txt"
        static let guangshui2022 = "001_4fc9fcb1d5f6ac30.txt"
        static let shiyan2020 = "004_6125b7404946aca6.txt"

        @Test func aPlanAlreadyHeldIsRefusedUnlessTheOfficeMakesItANewVersion() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                let id = try await app.importSeed(Self.suizhou2023, headers: office)
                let bytes = try Fixture.seedBytes(Self.suizhou2023)
                // The same file again: refused, nothing written.
                try await app.upload("/api/plans/import", name: "again.txt", bytes: bytes, headers: office) { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains("内容相同") && res.body.string.contains(id.uuidString))
                }
                #expect(try await PlanRecord.query(on: app.db).count() == 1)
                // The same title, year and place with other text (a revision): refused as well.
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.contains("\n\n随州市科技局办公室"))
                let revised = Data(text.replacingOccurrences(of: "\n\n随州市科技局办公室", with: "\n（五）加强督办落实。每月调度重点任务进展。\n\n随州市科技局办公室").utf8)
                try await app.upload("/api/plans/import", name: "revised.txt", bytes: revised, headers: office) { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains("同名、同年度"))
                }
                // The import page says why and offers the new version, linking the plan held.
                try await app.upload("/plans/import", name: "revised.txt", bytes: revised, headers: office) { res in
                    #expect(res.status == .conflict)
                    let html = res.body.string
                    #expect(html.contains("role=\"alert\"") && html.contains("作为新版本导入"))
                    #expect(html.contains("name=\"of\" value=\"\(id.uuidString)\"") && html.contains("/plans/\(id.uuidString)/review"))
                }
                #expect(try await PlanRecord.query(on: app.db).count() == 1)
                // Chosen: the revision becomes the held plan's structure, one plan still.
                let before = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).count()
                try await app.upload("/api/plans/import", name: "revised.txt", bytes: revised,
                                     fields: ["duplicate": "version", "of": id.uuidString], headers: office) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    let plan = try res.content.decode(PlanDTO.self)
                    #expect(plan.id == id)
                }
                #expect(try await PlanRecord.query(on: app.db).count() == 1)
                #expect(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).count() == before + 1)
                let source = try #require(try await PlanFile.query(on: app.db).filter(\.$plan.$id == id).first())
                #expect(source.filename == "revised.txt" && source.text.contains("加强督办"))
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "plan.import").all()
                #expect(audit.count == 2 && audit.contains { $0.after?.contains("revised.txt 作为新版本") == true })
                // The audit page says it in words, with the plan's title, not codes and ids.
                try await Fixture.account(app, "admin", role: .admin)
                let admin = try await app.login("admin")
                try await app.test(.GET, "/admin/audit?action=plan", headers: admin) { res in
                    let html = res.body.string
                    #expect(html.contains("导入计划") && html.contains("计划 “随州市科技局2023年工作要点”"))
                    #expect(html.contains("revised.txt 作为新版本") && !html.contains("计划 \(id.uuidString.prefix(8))"))
                }
                // `of` naming another plan than the one duplicated does not count as the choice.
                try await app.upload("/api/plans/import", name: "again.txt", bytes: revised,
                                     fields: ["duplicate": "version", "of": UUID().uuidString], headers: office) { res in
                    #expect(res.status == .conflict)
                }
            }
        }

        @Test func anOfficeCannotImportThePlanOfAPlaceItDoesNotCover() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                try await app.upload("/api/plans/import", name: "shiyan.txt", bytes: try Fixture.seedBytes(Self.shiyan2020), headers: office) { res in
                    #expect(res.status == .forbidden)
                    #expect(res.body.string.contains("十堰市") && res.body.string.contains("420300") && res.body.string.contains("随州市"))
                }
                #expect(try await PlanRecord.query(on: app.db).count() == 0)
                // A place below the office's is its to import, and filed there.
                let id = try await app.importSeed(Self.guangshui2022, headers: office)
                #expect(try await PlanRecord.find(id, on: app.db)?.jurisdictionCode == "421381")
            }
        }
    }
}
