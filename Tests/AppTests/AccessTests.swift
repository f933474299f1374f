@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// Every route called as every kind of account, against a matrix written
    /// by hand in this file. A route added without a line, a declaration that
    /// differs from the matrix, or a rule that lets the wrong account through,
    /// fails here.
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

        /// Who may call each route, written by hand from what each page and
        /// operation is for (not read from `SiteRoute.roles`), so that a wrong
        /// declaration fails: "-" anyone, signed in or not; otherwise the roles
        /// that may: A admin, O office, L leader, R reporter.
        static let expected: [String: String] = [
            // Open.
            "GET /healthz": "-", "GET /openapi.json": "-", "GET /app.css": "-",
            "GET /login": "-", "POST /login": "-", "POST /api/login": "-", "GET /login/code": "-", "POST /login/code": "-",
            // Every signed-in account: home, plans it can see, its own account.
            "GET /": "AOLR", "POST /logout": "AOLR", "POST /api/logout": "AOLR", "GET /api/me": "AOLR",
            "GET /plans": "AOLR", "GET /todo": "AO", "GET /summary": "AOL", "GET /plans/:planID": "AOLR", "GET /plans/:planID/breakdown": "AOLR",
            "GET /plans/:planID/breakdown.xlsx": "AOLR", "GET /api/plans": "AOLR", "GET /api/plans/:planID": "AOLR",
            "GET /api/plans/:planID/breakdown": "AOLR", "GET /api/plans/:planID/breakdown.xlsx": "AOLR",
            "GET /notifications": "AOLR", "POST /notifications/read": "AOLR", "GET /api/notifications": "AOLR",
            "GET /plans/:planID/tasks/:nodeID": "AOLR", "GET /plans/:planID/attachments/:attachmentID": "AOLR",
            "GET /plans/:planID/dashboard": "AOLR", "GET /api/plans/:planID/dashboard": "AOLR",
            "GET /account": "AOLR", "POST /account/password": "AOLR", "POST /api/account/password": "AOLR",
            "POST /account/second-factor/disable": "AOLR",
            // A second factor is turned on by the admin and offices (README).
            "POST /account/second-factor": "AO", "POST /account/second-factor/confirm": "AO",
            // A unit's reporter: its tasks and reports, replies to notices.
            "GET /my-tasks": "R", "GET /api/my-tasks": "R", "GET /reports": "R", "POST /reports": "R",
            "GET /api/reports": "R", "POST /api/reports": "R", "POST /plans/:planID/reports/:reportID/attachments": "R",
            "POST /plans/:planID/notices/:noticeID/reply": "R",
            // Read by offices, the admin and leaders: reports, notices, bulletins, indicators.
            "GET /plans/:planID/reports": "AOL", "GET /api/plans/:planID/reports": "AOL",
            "GET /plans/:planID/notices": "AOL", "GET /api/plans/:planID/notices": "AOL",
            "GET /plans/:planID/bulletins": "AOL", "GET /plans/:planID/bulletins/:bulletinID": "AOL",
            "GET /plans/:planID/bulletins/:bulletinID/docx": "AOL", "GET /api/plans/:planID/bulletins": "AOL",
            "GET /plans/:planID/meetings": "AOL", "GET /api/plans/:planID/meetings": "AOL",
            "GET /indicators": "AOL", "GET /api/indicators": "AOL", "GET /places/:placeCode/indicators": "AOL",
            "GET /places/:placeCode/indicators/:indicatorCode": "AOL", "GET /api/places/:placeCode/indicators/:indicatorCode": "AOL",
            "GET /places/:placeCode/indicators/:indicatorCode/export.xlsx": "AOL", "GET /places/:placeCode/base-data": "AOL",
            "GET /places/:placeCode/assessment": "AOL", "GET /places/:placeCode/assessment.xlsx": "AOL",
            "GET /api/places/:placeCode/assessment": "AOL", "GET /places/:placeCode/evaluation": "AOL",
            "GET /places/:placeCode/evaluation.xlsx": "AOL", "GET /api/places/:placeCode/evaluation": "AOL",
            "GET /places/:placeCode/evaluation/scheme": "AOL", "GET /places/:placeCode/evaluation/scheme.xlsx": "AOL",
            "GET /api/places/:placeCode/evaluation/scheme": "AOL",
            "POST /places/:placeCode/evaluation/scheme": "AO", "POST /places/:placeCode/evaluation/inputs": "AO",
            "GET /indicators/:indicatorCode/compare": "AOL", "GET /indicators/:indicatorCode/compare.xlsx": "AOL",
            "GET /api/indicators/:indicatorCode/compare": "AOL",
            // Plan offices and the admin: import, proofreading, editing, units, publishing.
            "GET /plans/import": "AO", "POST /plans/import": "AO", "POST /api/plans/import": "AO",
            "GET /plans/:planID/review": "AO", "GET /plans/:planID/source": "AO", "GET /plans/:planID/versions": "AO",
            "POST /plans/:planID/fields": "AO", "POST /plans/:planID/nodes": "AO", "POST /plans/:planID/nodes/:nodeID": "AO",
            "POST /plans/:planID/nodes/:nodeID/delete": "AO", "POST /plans/:planID/nodes/:nodeID/move": "AO",
            "PATCH /api/plans/:planID/nodes/:nodeID": "AO", "POST /plans/:planID/targets": "AO",
            "POST /plans/:planID/targets/:targetID": "AO", "POST /plans/:planID/targets/:targetID/delete": "AO",
            "PATCH /api/plans/:planID/targets/:targetID": "AO", "GET /plans/:planID/units": "AO",
            "POST /plans/:planID/units/resolve": "AO", "POST /plans/:planID/units/merge": "AO", "POST /plans/:planID/units/create-all": "AO",
            "GET /api/plans/:planID/units": "AO", "POST /api/plans/:planID/units/resolve": "AO", "GET /api/units": "AO",
            "POST /plans/:planID/publish": "AO", "POST /api/plans/:planID/publish": "AO", "POST /plans/:planID/close": "AO",
            "POST /plans/:planID/breakdown": "AO", "PUT /api/plans/:planID/breakdown.xlsx": "AO",
            // Offices and the admin: review, the reporting calendar, notices, bulletins.
            "POST /plans/:planID/reports/:reportID/accept": "AO", "POST /plans/:planID/reports/accept-selected": "AO",
            "POST /plans/:planID/reports/:reportID/return": "AO",
            "POST /api/plans/:planID/reports/:reportID/review": "AO", "POST /plans/:planID/tasks/:nodeID/complete": "AO",
            "GET /plans/:planID/calendar": "AO", "POST /plans/:planID/calendar": "AO",
            "POST /plans/:planID/periods/:period/close": "AO", "POST /plans/:planID/periods/:period/reopen": "AO",
            "POST /plans/:planID/policy": "AO", "POST /plans/:planID/notices/:noticeID/issue": "AO",
            "POST /api/escalations/run": "AO", "POST /plans/:planID/bulletins": "AO",
            "POST /plans/:planID/bulletins/:bulletinID/publish": "AO", "POST /plans/:planID/bulletins/:bulletinID/withdraw": "AO",
            "POST /plans/:planID/bulletins/:bulletinID/discard": "AO",
            "POST /plans/:planID/targets/:targetID/split": "AO",
            "POST /plans/:planID/meetings": "AO", "POST /api/plans/:planID/meetings": "AO",
            "GET /unit-groups": "AO", "POST /unit-groups": "AO", "POST /unit-groups/:groupID/delete": "AO", "GET /api/unit-groups": "AO",
            // Offices and the admin: indicator definitions, figures, imports, assessment.
            "POST /indicators": "AO", "POST /api/indicators": "AO", "POST /places/:placeCode/values": "AO",
            "POST /api/places/:placeCode/values": "AO", "POST /places/:placeCode/base-data": "AO",
            "POST /places/:placeCode/assessment/scores": "AO", "GET /places/:placeCode/values/import": "AO",
            "POST /places/:placeCode/values/import": "AO", "GET /places/:placeCode/values/template.xlsx": "AO",
            "POST /api/places/:placeCode/values/import": "AO", "GET /places/:placeCode/assessment/scheme": "AO",
            "POST /places/:placeCode/assessment/scheme": "AO", "PUT /api/places/:placeCode/assessment/scheme": "AO",
            // The system admin only: accounts, the audit trail, undelivered robot messages.
            "POST /api/accounts/:accountID/unlock": "A", "GET /admin/accounts": "A", "POST /admin/accounts": "A",
            "POST /admin/accounts/:accountID/password": "A", "POST /admin/accounts/:accountID/second-factor": "A",
            "POST /admin/accounts/:accountID/unlock": "A", "GET /api/accounts": "A", "POST /api/accounts": "A",
            "GET /admin/outbox": "A", "POST /admin/outbox/:messageID/retry": "A",
            "GET /admin/audit": "A", "GET /admin/audit.xlsx": "A", "GET /api/audit": "A",
        ]

        static func key(_ route: SiteRoute) -> String { "\(route.method.rawValue) \(route.pattern)" }

        /// The roles the matrix above gives a route; nil for open routes.
        static func expectedRoles(_ route: SiteRoute) -> Set<Role>? {
            guard let letters = expected[key(route)] else { return [] }
            if letters == "-" { return nil }
            let byLetter: [Character: Role] = ["A": .admin, "O": .office, "L": .leader, "R": .reporter]
            return Set(letters.compactMap { byLetter[$0] })
        }

        @Test func theMatrixHasOneLinePerRouteAndTheTableAgrees() {
            let keys = SiteRoute.allCases.map(Self.key)
            #expect(Set(keys).count == keys.count, "two routes share a method and path")
            for key in keys where Self.expected[key] == nil { Issue.record("no expected line for \(key)") }
            for key in Self.expected.keys where !keys.contains(key) { Issue.record("a line for a route that does not exist: \(key)") }
            for route in SiteRoute.allCases {
                #expect(route.roles == Self.expectedRoles(route), "\(Self.key(route)): declared \(String(describing: route.roles))")
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
                        if let roles = Self.expectedRoles(route) {
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
                        try await app.test(route.method.http, path, headers: headers) { res in
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
