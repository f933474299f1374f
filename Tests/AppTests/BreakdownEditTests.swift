@testable import App
import Fluent
import Foundation
import PlanDomain
import PlanText
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    @Suite struct BreakdownAndEdits {
        /// Export → import (as the plan's new version) → export gives the same workbook, byte for byte.
        @Test func theBreakdownWorkbookRoundTripsForEverySeedPlan() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                for name in Fixture.seedNames {
                    let id = try await app.importSeed(name, headers: headers)
                    var first = Data()
                    try await app.test(.GET, "/api/plans/\(id)/breakdown.xlsx", headers: headers) { res in
                        #expect(res.status == .ok)
                        #expect(res.headers.contentType?.subType.contains("spreadsheetml") == true)
                        first = Data(buffer: res.body)
                    }
                    // The workbook is the same plan: imported as its new version (a copy is refused).
                    var copy: UUID?
                    try await app.upload("/api/plans/import", name: "\(name).xlsx", bytes: first,
                                         fields: ["duplicate": "version", "of": id.uuidString], headers: headers) { res in
                        #expect(res.status == .ok, "\(res.body.string)")
                        copy = try res.content.decode(PlanDTO.self).id
                    }
                    #expect(copy == id)
                    try await app.test(.GET, "/api/plans/\(try #require(copy))/breakdown.xlsx", headers: headers) { res in
                        #expect(Data(buffer: res.body) == first, "\(name): the second export differs")
                    }
                    let table = try BreakdownWorkbook.read(first)
                    #expect(table.rows.count == (try PlanReader.read(try Fixture.seedBytes(name), file: name)).nodes.count)
                }
            }
        }

        @Test func theBreakdownFiltersByUnitLeaderAndSection() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let id = try await app.importSeed(Fixture.seedNames[1], headers: headers)
                var all: BreakdownDTO?
                try await app.test(.GET, "/api/plans/\(id)/breakdown", headers: headers) { res in all = try res.content.decode(BreakdownDTO.self) }
                let unit = "市财政局"
                try await app.test(.GET, "/api/plans/\(id)/breakdown?unit=\(unit.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", headers: headers) { res in
                    let table = try res.content.decode(BreakdownDTO.self)
                    let tasks = table.rows.filter(\.isTask)
                    #expect(!tasks.isEmpty && tasks.count < (all?.rows.filter(\.isTask).count ?? 0))
                    #expect(tasks.allSatisfy { ($0.leadUnits + $0.responsibleUnits + $0.cooperatingUnits).contains(unit) })
                }
                try await app.test(.GET, "/api/plans/\(id)/breakdown?section=%E4%B8%80", headers: headers) { res in
                    let table = try res.content.decode(BreakdownDTO.self)
                    #expect(!table.rows.isEmpty)
                    #expect(table.rows.allSatisfy { $0.number == "一" || $0.number.hasPrefix("一/") })
                }
            }
        }

        @Test func aChangeAfterPublishingMakesANewVersionWithWhoAndWhat() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let id = try await app.importSeed(Fixture.seedNames[0], headers: headers)
                try await createAllUnits(app, id, headers)
                try await app.test(.POST, "/api/plans/\(id)/publish", headers: headers) { res in #expect(res.status == .ok) }
                let node = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).filter(\.$isTask == true).first())
                try await app.test(.PATCH, "/api/plans/\(id)/nodes/\(node.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(NodeChanges(title: "改过的标题", leadUnits: ["市科技局", "市财政局"]), as: .json)
                }) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    let plan = try res.content.decode(PlanDTO.self)
                    #expect(plan.version == 2)
                    #expect(plan.nodes.first { $0.id == node.id }?.title == "改过的标题")
                    #expect(plan.nodes.first { $0.id == node.id }?.leadUnits == ["市科技局", "市财政局"])
                }
                let versions = try await PlanVersion.query(on: app.db).filter(\.$plan.$id == id).sort(\.$version).all()
                #expect(versions.map(\.version) == [1, 2])
                #expect(versions[1].summary.contains("修改条目"))
                #expect(versions[1].accountName == "admin")
                #expect(versions[1].snapshot.contains("改过的标题"))
                #expect(!versions[0].snapshot.contains("改过的标题"))
                let target = try #require(try await TargetRecord.query(on: app.db).filter(\.$plan.$id == id).first())
                try await app.test(.PATCH, "/api/plans/\(id)/targets/\(target.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(TargetChanges(value: 123, comparator: "range"), as: .json)
                }) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("上限"))
                }
                try await app.test(.PATCH, "/api/plans/\(id)/targets/\(target.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(TargetChanges(value: 123, unit: "家"), as: .json)
                }) { res in
                    #expect(res.status == .ok)
                    let plan = try res.content.decode(PlanDTO.self)
                    #expect(plan.targets.first { $0.id == target.id }?.value == 123)
                }
            }
        }

        @Test func formsAddMoveAndDeleteNodesKeepingTheTreeConsistent() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let id = try await app.importSeed(Fixture.seedNames[0], headers: headers)
                let firstTop = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).filter(\.$key == "一").first())
                try await app.test(.POST, "/plans/\(id)/nodes", headers: headers, beforeRequest: { req in
                    try req.content.encode(["parent": firstTop.id!.uuidString, "label": "（九）", "title": "新增的任务"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let added = try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).filter(\.$title == "新增的任务").first())
                #expect(added.key == "一/（九）")
                #expect(added.level == 2)
                let nodes = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).sort(\.$position).all()
                #expect(nodes.map(\.position) == Array(0..<nodes.count))
                let next = try #require(nodes.firstIndex { $0.id == added.id }.map { nodes[$0 + 1] })
                #expect(next.key == "二")
                try await app.test(.POST, "/plans/\(id)/nodes/\(added.id!)/move", headers: headers, beforeRequest: { req in
                    try req.content.encode(["direction": "up"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let moved = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).sort(\.$position).all()
                let index = try #require(moved.firstIndex { $0.id == added.id })
                #expect(moved[index + 1].parentID == firstTop.id || moved[index + 1].parentID == moved[index - 1].parentID)
                try await app.test(.POST, "/plans/\(id)/nodes/\(firstTop.id!)/delete", headers: headers) { res in #expect(res.status == .seeOther) }
                let left = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).sort(\.$position).all()
                #expect(!left.contains { $0.key.hasPrefix("一") })
                #expect(left.map(\.position) == Array(0..<left.count))
                let value1 = try await Assignment.query(on: app.db).filter(\.$node.$id == added.id!).count()
                #expect(value1 == 0)
            }
        }

        @Test func aTaskTitledLikeAScriptShowsAsText() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let text = "XX市科技局2024年工作要点\n一、<script>alert(1)</script>\n（一）测试\"><img src=x onerror=alert(2)>任务。（牵头单位：市科技局）\n"
                var id: UUID?
                try await app.upload("/api/plans/import", name: "x.txt", bytes: Data(text.utf8), headers: headers) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    id = try res.content.decode(PlanDTO.self).id
                }
                for path in ["/plans/\(try #require(id))", "/plans/\(id!)/review", "/plans/\(id!)/breakdown"] {
                    try await app.test(.GET, path, headers: headers) { res in
                        #expect(res.status == .ok)
                        #expect(!res.body.string.contains("<script>alert"), "\(path)")
                        #expect(!res.body.string.contains("<img src=x"), "\(path)")
                        #expect(res.body.string.contains("&lt;script&gt;"), "\(path)")
                        #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                    }
                }
            }
        }

        @Test func theReviewPageMarksWhatWasReadWhereItWasPrinted() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let headers = try await app.login("office")
                let id = try await app.importSeed(Fixture.seedNames[3], headers: headers)
                try await app.test(.GET, "/plans/\(id)/review", headers: headers) { res in
                    let html = res.body.string
                    #expect(res.status == .ok)
                    let nodes = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).count()
                    #expect(html.components(separatedBy: "class=\"hl-node\"").count - 1 == nodes)
                    #expect(html.contains("class=\"hl-target\""))
                    #expect(html.contains("class=\"hl-unit\""))
                    #expect(html.components(separatedBy: "class=\"card node-card").count - 1 == nodes)
                }
            }
        }
    }
}
