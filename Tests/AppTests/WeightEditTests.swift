@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// The office weights a task (考核权重) on the edit form or through the API;
/// the weight shows on the plan page, moves its section on the dashboard,
/// is audited and kept in the plan's next version.
extension ServerTests {
    @Suite struct TaskWeights {
        @Test func aWeightedTaskMovesItsSectionAndIsKeptInTheVersion() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                let id = try await app.importSeed(Fixture.seedNames[0], headers: headers)
                try await createAllUnits(app, id, headers)
                try await app.test(.POST, "/api/plans/\(id)/publish", headers: headers) { res in #expect(res.status == .ok) }

                // A section whose children are all tasks: it weighs as many as it holds.
                let nodes = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == id).all()
                let children = Dictionary(grouping: nodes.filter { $0.parentID != nil }) { $0.parentID! }
                let (sectionID, tasks) = try #require(children.filter { $0.value.count >= 2 && $0.value.allSatisfy(\.isTask) }
                    .sorted { $0.key.uuidString < $1.key.uuidString }.first)
                let task = tasks[0]
                func sectionWeight() async throws -> Double? {
                    var weight: Double?
                    try await app.test(.GET, "/api/plans/\(id)/dashboard", headers: headers) { res in
                        #expect(res.status == .ok)
                        let dashboard = try res.content.decode(DashboardDTO.self)
                        weight = dashboard.sections.first { $0.id == sectionID }?.weight
                    }
                    return weight
                }
                #expect(try await sectionWeight() == Double(tasks.count))

                // Through the API: weight 3, so the section weighs its other tasks plus 3.
                try await app.test(.PATCH, "/api/plans/\(id)/nodes/\(task.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(NodeChanges(weight: 3), as: .json)
                }) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    let plan = try res.content.decode(PlanDTO.self)
                    #expect(plan.nodes.first { $0.id == task.id }?.weight == 3)
                }
                #expect(try await sectionWeight() == Double(tasks.count - 1 + 3))
                try await app.test(.GET, "/plans/\(id)", headers: headers) { res in
                    #expect(res.body.string.contains("data-weight=\"3\""))
                }
                let version = try #require(try await PlanVersion.query(on: app.db).filter(\.$plan.$id == id).sort(\.$version, .descending).first())
                #expect(version.summary.contains("权重 → 3"), "\(version.summary)")
                let snapshot = try JSONSerialization.jsonObject(with: Data(version.snapshot.utf8)) as? [String: Any]
                #expect((snapshot?["weights"] as? [String: Double])?[task.key] == 3)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "plan.edit").all()
                #expect(audit.contains { ($0.after ?? "").contains("权重 → 3") })

                // Refused as typed on the form and through the API; nothing changes.
                for bad in ["0", "101", "重要"] {
                    try await app.test(.POST, "/plans/\(id)/nodes/\(task.id!)", headers: headers, beforeRequest: { req in
                        try req.content.encode(["title": task.title, "weight": bad], as: .urlEncodedForm)
                    }) { res in #expect(res.status == .seeOther, "\(bad)") }
                }
                try await app.test(.PATCH, "/api/plans/\(id)/nodes/\(task.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(NodeChanges(weight: -1), as: .json)
                }) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("权重须为大于 0 的数字"))
                }
                #expect(try await NodeRecord.find(task.id, on: app.db)?.weight == 3)

                // Cleared on the form (blank): equal weights again.
                try await app.test(.POST, "/plans/\(id)/nodes/\(task.id!)", headers: headers, beforeRequest: { req in
                    try req.content.encode(["title": task.title, "weight": ""], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await NodeRecord.find(task.id, on: app.db)?.weight == nil)
                #expect(try await sectionWeight() == Double(tasks.count))

                // The section's own weight replaces the sum of its tasks'.
                try await app.test(.PATCH, "/api/plans/\(id)/nodes/\(sectionID)", headers: headers, beforeRequest: { req in
                    try req.content.encode(NodeChanges(weight: 0.5), as: .json)
                }) { res in #expect(res.status == .ok, "\(res.body.string)") }
                #expect(try await sectionWeight() == 0.5)
                try await app.test(.GET, "/plans/\(id)/dashboard", headers: headers) { res in
                    #expect(res.body.string.contains("0.5（设）"))
                }
            }
        }
    }
}
