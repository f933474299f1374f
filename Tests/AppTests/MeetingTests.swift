@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// 会议议定事项 through the server, on 随州 2025 (monthly reports due the
/// 25th, three days' grace): a meeting on 12 May 2025 decides two things for
/// 市科技局; they become tasks owing reports from May (deadline 28 May), not
/// from January, are chased once May is missed, and lead the next bulletin's
/// 会议议定事项 part.
extension ServerTests {
    @Suite struct MeetingDecisions {
        static func form(_ rows: [(String, String, String)]) -> [String: String] {
            var fields = ["title": "2025年第4次领导小组月例会", "heldOn": "2025-05-12"]
            for (index, row) in rows.enumerated() {
                fields["item\(index + 1)"] = row.0
                fields["unit\(index + 1)"] = row.1
                fields["deadline\(index + 1)"] = row.2
            }
            return fields
        }

        static func late(_ app: Application, _ w: Supervision.World) async throws -> [String: [String]] {
            var reasons: [String: [String]] = [:]
            try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                for line in try res.content.decode(DashboardDTO.self).late { reasons[line.key] = line.reasons }
            }
            return reasons
        }

        @Test func decisionsBecomeTasksThatAreReportedChasedAndBulletined() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 5, day: 20))
                let nodesBefore = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == w.plan).count()

                // A unit not in the directory: refused with the row's number, the form comes back as typed, nothing saved.
                try await app.test(.POST, "/plans/\(w.plan)/meetings", headers: w.office, beforeRequest: { req in
                    try req.content.encode(Self.form([("制定科创平台绩效评价办法", "市科技局", "2025-07-31"),
                                                      ("摸清规上企业研发机构底数", "省科技厅", "2025-06-30")]), as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest)
                    let page = res.body.string
                    #expect(page.contains("第2条的牵头单位“省科技厅”不在本地单位名录中"))
                    #expect(page.contains("value=\"制定科创平台绩效评价办法\"") && page.contains("value=\"2025年第4次领导小组月例会\""))
                }
                #expect(try await MeetingRecord.query(on: app.db).count() == 0)
                #expect(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == w.plan).count() == nodesBefore)

                try await app.test(.POST, "/plans/\(w.plan)/meetings", headers: w.office, beforeRequest: { req in
                    try req.content.encode(Self.form([("制定科创平台绩效评价办法", "市科技局", "2025-07-31"),
                                                      ("摸清规上企业研发机构底数", "市科技局", "2025-06-30")]), as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let nodes = try await NodeRecord.query(on: app.db).filter(\.$plan.$id == w.plan).all()
                let section = try #require(nodes.first { $0.key == "会议1" })
                #expect(section.title == "2025年第4次领导小组月例会议定事项（2025年5月12日）" && !section.isTask)
                let tasks = nodes.filter { $0.parentID == section.id }.sorted { $0.position < $1.position }
                #expect(tasks.map(\.key) == ["会议1/1", "会议1/2"])
                #expect(tasks.map(\.deadlineDate) == ["2025-07-31", "2025-06-30"])
                #expect(tasks.allSatisfy { $0.isTask && $0.joinedOn == "2025-05-12" })
                let leads = try await Assignment.query(on: app.db).filter(\.$node.$id ~~ tasks.compactMap(\.id)).all()
                #expect(leads.count == 2 && leads.allSatisfy { $0.role == .lead && $0.$unit.id == w.unit })
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "meeting.record").all()
                #expect(audit.count == 1 && (audit.first?.after ?? "").contains("摸清规上企业研发机构底数（市科技局，2025-06-30前）"))
                try await app.test(.GET, "/plans/\(w.plan)/meetings", headers: w.office) { res in
                    #expect(res.body.string.contains("2025年第4次领导小组月例会（2025年5月12日）"))
                    #expect(res.body.string.contains("2025年6月30日前"))
                }

                // 市科技局 owes May's report on them, not January's to April's.
                try await app.test(.GET, "/api/reports?period=2025-05", headers: w.reporter) { res in
                    let keys = try res.content.decode([ReportTaskDTO].self).map(\.key)
                    #expect(keys.contains("会议1/1") && keys.contains("会议1/2"))
                }
                #expect(try await Self.late(app, w)["会议1/1"] == nil)

                // May's deadline (28 May) passes without a report: overdue, and chased.
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 6, day: 2))
                #expect(try await Self.late(app, w)["会议1/1"] == ["2025年5月进展未报送"])
                try await app.test(.POST, "/api/escalations/run", headers: w.office) { res in #expect(res.status == .ok) }
                let chased = try await EscalationRecord.query(on: app.db).filter(\.$nodeID == tasks[0].id!).all().map(\.dedupeKey)
                #expect(chased.contains { $0.hasPrefix("chase:2025-05:") }, "\(chased)")
                #expect(!chased.contains { $0.contains("2025-04") })

                // The May bulletin lists them with the meeting that decided them.
                try await app.test(.POST, "/plans/\(w.plan)/bulletins", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["kind": "monthly", "period": "2025-05", "issuer": ""], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let draft = try #require(try await BulletinRecord.query(on: app.db).filter(\.$plan.$id == w.plan).first())
                let bulletin = try #require(draft.bulletin)
                #expect(bulletin.headings.contains("六、会议议定事项落实情况") || bulletin.headings.contains("五、会议议定事项落实情况"))
                let rows = bulletin.decisions ?? []
                #expect(rows.map(\.key) == ["会议1/1", "会议1/2"])
                #expect(rows.first?.note.hasPrefix("2025年第4次领导小组月例会议定，2025年7月31日前完成") == true)
                #expect(rows.first?.status == "逾期")
            }
        }

        @Test func theAPIRecordsAndListsMeetings() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 5, day: 20))
                try await app.test(.POST, "/api/plans/\(w.plan)/meetings", headers: w.office, beforeRequest: { req in
                    try req.content.encode(RecordMeetingRequest(title: "专题会议", heldOn: "2025-05-15", decisions: [
                        .init(title: "筹备科技成果对接会", unit: "市科技局", deadline: "2025-05-10"),
                    ]), as: .json)
                }) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("第1条的完成时限早于会议日期 2025-05-15。"))
                }
                try await app.test(.POST, "/api/plans/\(w.plan)/meetings", headers: w.office, beforeRequest: { req in
                    try req.content.encode(RecordMeetingRequest(title: "专题会议", heldOn: "2025-05-15", decisions: [
                        .init(title: "筹备科技成果对接会", unit: "市科技局", deadline: "2025-06-10"),
                    ]), as: .json)
                }) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    let meeting = try res.content.decode(MeetingDTO.self)
                    #expect(meeting.sectionKey == "会议1" && meeting.decisions.map(\.units) == [["市科技局"]])
                }
                try await app.test(.GET, "/api/plans/\(w.plan)/meetings", headers: w.reporter) { res in #expect(res.status == .forbidden) }
                try await app.test(.GET, "/api/plans/\(w.plan)/meetings", headers: w.office) { res in
                    let meetings = try res.content.decode([MeetingDTO].self)
                    #expect(meetings.map(\.title) == ["专题会议"])
                }
            }
        }
    }
}
