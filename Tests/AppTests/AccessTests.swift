@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// Generated from the route table: every route called as every kind of
    /// account. A route added without a rule, or a rule that lets the wrong
    /// account through, fails here.
    @Suite struct AccessControl {
        enum Actor: String, CaseIterable {
            case anonymous, reporterOwn, reporterOther, officeOther, leader, officeOwn, admin
        }

        struct World {
            var plan: UUID
            var node: UUID
            var target: UUID
            var report: UUID
            var attachment: UUID

            /// The route's path with every `:parameter` filled from this world.
            func path(_ route: SiteRoute) -> String {
                let values: [String: String] = [
                    "planID": plan.uuidString, "nodeID": node.uuidString, "targetID": target.uuidString,
                    "reportID": report.uuidString, "attachmentID": attachment.uuidString, "period": "2025-03",
                    "placeCode": "421300", "indicatorCode": "tsme.registered",
                ]
                return route.pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
                    part.hasPrefix(":") ? values[String(part.dropFirst()), default: "unknown-\(part)"] : String(part)
                }.joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
        }

        /// 随州's plan, published; a reporter of 市科技局 (in it) and one of a 宜昌
        /// unit (not), an office of 随州 and one of 宜昌, a leader of 随州.
        static func world(_ app: Application) async throws -> World {
            try await Fixture.account(app, "admin", role: .admin)
            let admin = try await app.login("admin")
            let id = try await app.importSeed(Fixture.seedNames[3], headers: admin)
            try await createAllUnits(app, id, admin)
            try await app.test(.POST, "/api/plans/\(id)/publish", headers: admin) { res in #expect(res.status == .ok) }
            let own = try #require(try await Unit.query(on: app.db).filter(\.$name == "市科技局").first())
            let other = Unit(name: "市科学技术局", kind: .bureau, jurisdictionCode: "420500")
            try await other.create(on: app.db)
            try await Fixture.account(app, "reporterOwn", role: .reporter, jurisdiction: "421300", unit: own.id)
            try await Fixture.account(app, "reporterOther", role: .reporter, jurisdiction: "420500", unit: other.id)
            try await Fixture.account(app, "officeOwn", role: .office, jurisdiction: "421300")
            try await Fixture.account(app, "officeOther", role: .office, jurisdiction: "420500")
            try await Fixture.account(app, "leader", role: .leader, jurisdiction: "421300")
            app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 3, day: 20))
            let plan = try #require(try await PlanRecord.find(id, on: app.db))
            let loaded = try await PlanStore.load(plan, on: app.db)
            let node = try #require(loaded.nodes.first { $0.isTask && loaded.reportingUnits(of: $0).contains(own.id!) })
            let target = try #require(try await TargetRecord.query(on: app.db).filter(\.$plan.$id == id).first())
            let report = ProgressReport(planID: id, nodeID: try node.requireID(), unitID: try own.requireID(), period: "2025-03", authorName: "reporterOwn")
            report.narrative = "已报送"
            report.state = .submitted
            report.firstSubmittedAt = Date()
            report.lastSubmittedAt = report.firstSubmittedAt
            try await report.create(on: app.db)
            let attachment = ReportAttachment()
            attachment.$report.id = try report.requireID()
            attachment.filename = "a.pdf"
            attachment.contentType = "application/pdf"
            attachment.size = 5
            attachment.sha256 = ""
            attachment.data = Data("%PDF-".utf8)
            try await attachment.create(on: app.db)
            return World(plan: id, node: try node.requireID(), target: try target.requireID(), report: try report.requireID(), attachment: try attachment.requireID())
        }

        static func role(of actor: Actor) -> Role? {
            switch actor {
            case .anonymous: return nil
            case .reporterOwn, .reporterOther: return .reporter
            case .officeOwn, .officeOther: return .office
            case .leader: return .leader
            case .admin: return .admin
            }
        }

        @Test func everyRouteRefusesWhoItShouldAndAdmitsWhoItShould() async throws {
            try await withServer { app in
                let world = try await Self.world(app)
                var checked = 0
                for route in SiteRoute.allCases {
                    for actor in Actor.allCases {
                        let headers = actor == .anonymous ? HTTPHeaders.anonymousWithToken : try await app.login(actor.rawValue)
                        let path = world.path(route)
                        // Plans and places belong to a jurisdiction: another one's office or reporter is refused.
                        let planScoped = route.pattern.contains(":planID") || route.pattern.contains(":placeCode")
                        let expected: HTTPStatus?
                        if let roles = route.roles {
                            if actor == .anonymous {
                                expected = .unauthorized
                            } else if !roles.contains(Self.role(of: actor)!) {
                                expected = .forbidden
                            } else if planScoped && (actor == .officeOther || actor == .reporterOther) {
                                expected = .forbidden
                            } else {
                                expected = nil
                            }
                        } else {
                            expected = nil
                        }
                        try await app.test(route.method, path, headers: headers) { res in
                            let status = res.status
                            #expect(status.code < 500, "\(route) as \(actor): \(status) \(res.body.string)")
                            switch expected {
                            case .unauthorized?:
                                if route.isAPI {
                                    #expect(status == .unauthorized, "\(route) as \(actor): \(status)")
                                } else {
                                    #expect(status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true,
                                            "\(route) as \(actor): \(status)")
                                }
                            case .forbidden?:
                                #expect(status == .forbidden, "\(route) as \(actor): \(status)")
                            default:
                                #expect(status != .unauthorized && status != .forbidden, "\(route) as \(actor): \(status) \(res.body.string)")
                            }
                        }
                        checked += 1
                    }
                }
                #expect(checked == SiteRoute.allCases.count * Actor.allCases.count)
            }
        }

        @Test func aReporterSeesOnlyTheirUnitsTasks() async throws {
            try await withServer { app in
                let world = try await Self.world(app)
                let own = try #require(try await Unit.query(on: app.db).filter(\.$name == "市科技局").first())
                let headers = try await app.login("reporterOwn")
                try await app.test(.GET, "/api/plans/\(world.plan)", headers: headers) { res in
                    let plan = try res.content.decode(PlanDTO.self)
                    let tasks = plan.nodes.filter(\.isTask)
                    #expect(!tasks.isEmpty)
                    for task in tasks {
                        // Its unit is named, or it reports as the issuing bureau on a task that names nobody.
                        let named = plan.units.contains { $0.nodeID == task.id && $0.unitID == own.id }
                        let nobody = !plan.units.contains { $0.nodeID == task.id && $0.role != .cooperating }
                        #expect(named || nobody, "\(task.key)")
                    }
                    #expect(plan.units.allSatisfy { assignment in plan.nodes.contains { $0.id == assignment.nodeID } })
                }
                try await app.test(.GET, "/api/my-tasks", headers: headers) { res in
                    let tasks = try res.content.decode([MyTasksController.TaskDTO].self)
                    #expect(!tasks.isEmpty)
                    #expect(tasks.allSatisfy { $0.planID == world.plan })
                }
                let other = try await app.login("reporterOther")
                try await app.test(.GET, "/api/my-tasks", headers: other) { res in
                    let tasks = try res.content.decode([MyTasksController.TaskDTO].self)
                    #expect(tasks.isEmpty)
                }
                try await app.test(.GET, "/api/plans", headers: other) { res in
                    let plans = try res.content.decode([PlanSummaryDTO].self)
                    #expect(plans.isEmpty)
                }
            }
        }

        @Test func theOpenAPIDocumentListsEveryAPIRoute() async throws {
            try await withServer { app in
                var document: [String: Any] = [:]
                try await app.test(.GET, "/openapi.json") { res in
                    #expect(res.status == .ok)
                    document = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any] ?? [:]
                }
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                var registered = Set<String>()
                for route in app.routes.all {
                    let path = "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                    guard path.hasPrefix("/api/") || path == "/openapi.json" || path == "/healthz" else { continue }
                    let key = "\(route.method.rawValue.lowercased()) \(path)"
                    registered.insert(key)
                    #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(key) is not in /openapi.json")
                }
                let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
                #expect(documented == registered)
                #expect(registered.count == SiteRoute.allCases.filter(\.isAPI).count)
                // The bodies the fuzzer had to be told about are now in the document.
                let saveReport = try #require(paths["/api/reports"]?["post"] as? [String: Any])
                #expect(saveReport["requestBody"] != nil)
                let review = try #require(paths["/api/plans/{planID}/reports/{reportID}/review"]?["post"] as? [String: Any])
                #expect(review["requestBody"] != nil)
                let list = try #require(paths["/api/reports"]?["get"] as? [String: Any])
                #expect((list["parameters"] as? [[String: Any]])?.contains { $0["name"] as? String == "period" } == true)
                // Every schema a document refers to is defined.
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
                let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
                let refs = text.components(separatedBy: "#\\/components\\/schemas\\/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(!refs.isEmpty)
                for name in Set(refs) { #expect(schemas[name] != nil, "schema \(name) is referred to but not defined") }
            }
        }
    }
}
