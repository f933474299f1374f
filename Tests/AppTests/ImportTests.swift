@testable import App
import Fluent
import Foundation
import PlanDomain
import PlanText
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    @Suite struct Import {
        /// Imported and read back without edits, a plan is exactly what
        /// `sciplan parse` gives (the same PlanText writer on both sides).
        @Test func everySeedPlanReadsBackExactlyAsParsed() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                #expect(Fixture.seedNames.count == 5)
                for name in Fixture.seedNames {
                    let id = try await app.importSeed(name, headers: headers)
                    let expected = try PlanReader.read(try Fixture.seedBytes(name), file: name).jsonData()
                    try await app.test(.GET, "/api/plans/\(id)?as=plantext", headers: headers) { res in
                        #expect(res.status == .ok)
                        #expect(Data(buffer: res.body) == expected, "\(name) differs after the database")
                    }
                }
            }
        }

        @Test func everySeedPlanPublishedWithoutEditsStillReadsBackExactly() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                for name in Fixture.seedNames {
                    let id = try await app.importSeed(name, headers: headers)
                    let units = try await Assignment.query(on: app.db).filter(\.$plan.$id == id).count()
                    if units > 0 {
                        try await app.test(.POST, "/api/plans/\(id)/publish", headers: headers) { res in
                            #expect(res.status == .conflict)
                            #expect(res.body.string.contains("未匹配"))
                        }
                    }
                    try await createAllUnits(app, id, headers)
                    try await app.test(.POST, "/api/plans/\(id)/publish", headers: headers) { res in
                        #expect(res.status == .ok, "\(res.body.string)")
                    }
                    let expected = try PlanReader.read(try Fixture.seedBytes(name), file: name).jsonData()
                    try await app.test(.GET, "/api/plans/\(id)?as=plantext", headers: headers) { res in
                        #expect(Data(buffer: res.body) == expected, "\(name) differs after publishing")
                    }
                    let plan = try #require(try await PlanRecord.find(id, on: app.db))
                    #expect(plan.status == .published && plan.version == 1)
                }
            }
        }

        /// Issue 17: importing, editing a task, creating units and publishing
        /// each leave an audit line (等保), drafts included.
        @Test func planChangesLeaveAnAuditLineEach() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                func lines(_ action: String) async throws -> [AuditEntry] {
                    try await AuditEntry.query(on: app.db).filter(\.$action == action).all()
                }
                func unresolved(_ id: UUID) async throws -> Set<String> {
                    Set(try await Assignment.query(on: app.db).filter(\.$plan.$id == id).filter(\.$unit.$id == nil).all().map(\.unitName))
                }
                // The first seed plan with unit names still to match (the
                // directory may already know all of a plan's units).
                var id = UUID(), name = "", imports = 0
                for seed in Fixture.seedNames {
                    id = try await app.importSeed(seed, headers: headers)
                    name = seed
                    imports += 1
                    if try await !unresolved(id).isEmpty { break }
                }
                let imported = try await lines("plan.import")
                #expect(imported.count == imports)
                let line = try #require(imported.first { $0.entityID == id.uuidString })
                #expect(line.after?.contains(name) == true)

                let node = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).filter(\.$isTask == true).first())
                try await app.test(.PATCH, "/api/plans/\(id)/nodes/\(node.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(["title": "改过的任务标题"], as: .json)
                }) { res in #expect(res.status == .ok, "\(res.body.string)") }
                let edits = try await lines("plan.edit")
                #expect(edits.count == 1)
                #expect(edits.first?.after?.contains("修改条目 \(node.key)") == true)

                let open = try await unresolved(id)
                try await createAllUnits(app, id, headers)
                #expect(try await lines("unit.create").count == open.count)
                #expect(!open.isEmpty)

                try await app.test(.POST, "/api/plans/\(id)/publish", headers: headers) { res in #expect(res.status == .ok) }
                #expect(try await lines("plan.publish").count == 1)
                // Every line names who did it.
                let all = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["plan.import", "plan.edit", "unit.create", "plan.publish"]).all()
                #expect(all.allSatisfy { $0.accountName != "系统" && !$0.accountName.isEmpty })
            }
        }

        @Test func theDemoHasTheFiveSeedPlansPublishedAndItsAccounts() async throws {
            try await withServer(demo: true) { app in
                let headers = try await app.login("admin", DemoData.password)
                var plans: [PlanSummaryDTO] = []
                try await app.test(.GET, "/api/plans", headers: headers) { res in plans = try res.content.decode([PlanSummaryDTO].self) }
                #expect(plans.count == 5)
                #expect(plans.allSatisfy { $0.status == .published })
                for plan in plans {
                    let expected = try PlanReader.read(try Fixture.seedBytes(plan.file), file: plan.file).jsonData()
                    try await app.test(.GET, "/api/plans/\(plan.id)?as=plantext", headers: headers) { res in
                        #expect(Data(buffer: res.body) == expected, "\(plan.file)")
                    }
                }
                let reporter = try await app.login("kjj", DemoData.password)
                try await app.test(.GET, "/api/my-tasks", headers: reporter) { res in
                    let tasks = try res.content.decode([MyTasksController.TaskDTO].self)
                    #expect(!tasks.isEmpty)
                }
                try await app.test(.GET, "/plans", headers: reporter) { res in
                    #expect(res.body.string.contains("demo-banner"))
                }
            }
        }

        @Test func wrongCorruptEmptyAndOversizedFilesGetAChineseMessageAndCreateNothing() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let cases: [(String, Data, HTTPStatus, String)] = [
                    ("x.txt", Data("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8), .unsupportedMediaType, "PDF"),
                    ("x.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]) + Data(repeating: 7, count: 60), .unprocessableEntity, "损坏"),
                    ("x.txt", Data(), .badRequest, "请选择"),
                    ("x.txt", Data("这只是一段话，没有任何编号。".utf8), .unprocessableEntity, "没有识别出任何编号"),
                ]
                for (name, bytes, status, phrase) in cases {
                    try await app.upload("/api/plans/import", name: name, bytes: bytes, headers: headers) { res in
                        #expect(res.status == status, "\(name): \(res.body.string)")
                        #expect(res.body.string.contains(phrase), "\(res.body.string)")
                        #expect(res.body.string.contains("\"error\":true"))
                    }
                }
                let big = Data(repeating: 0x41, count: app.appConfig.maxUploadBytes + 10)
                try await app.upload("/api/plans/import", name: "big.txt", bytes: big, headers: headers) { res in
                    #expect(res.status == .payloadTooLarge)
                }
                let value1 = try await PlanRecord.query(on: app.db).count()
                #expect(value1 == 0)
                let value2 = try await NodeRecord.query(on: app.db).count()
                #expect(value2 == 0)
            }
        }

        @Test func aGB18030PlanImportsWithItsChineseIntact() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                // The first seed plan saved as GB18030 (by Python's codec), as WPS saves it.
                let gb = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/plan-gb18030.txt"))
                #expect(String(data: gb, encoding: .utf8) == nil)
                try await app.upload("/api/plans/import", name: "gb.txt", bytes: gb, headers: headers) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    let plan = try res.content.decode(PlanDTO.self)
                    #expect(plan.title == "随州市科技局2023年工作要点")
                    #expect(plan.nodes.count == 20)
                }
            }
        }

        @Test func importPageShowsTheErrorInChinese() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let headers = try await app.login("office")
                try await app.upload("/plans/import", name: "x.txt", bytes: Data("%PDF-1.4\n".utf8), headers: headers) { res in
                    #expect(res.status == .unsupportedMediaType)
                    #expect(res.headers.contentType == .html)
                    #expect(res.body.string.contains("role=\"alert\""))
                    #expect(res.body.string.contains("不支持的文件格式"))
                }
            }
        }
    }
}

func createAllUnits(_ app: Application, _ id: UUID, _ headers: HTTPHeaders) async throws {
    var statuses: [UnitController.NameStatus] = []
    try await app.test(.GET, "/api/plans/\(id)/units", headers: headers) { res in
        statuses = try res.content.decode([UnitController.NameStatus].self)
    }
    for status in statuses where status.unitID == nil {
        try await app.test(.POST, "/api/plans/\(id)/units/resolve", headers: headers, beforeRequest: { req in
            try req.content.encode(UnitController.ResolveRequest(name: status.name, unitID: nil, create: true, kind: nil), as: .json)
        }) { res in #expect(res.status == .ok, "\(res.body.string)") }
    }
}
