@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

#if canImport(Glibc)
import Glibc
#endif

/// A port on 127.0.0.1 that nothing listens on: bound, read, closed.
func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

extension ServerTests {
    /// Reminders before the due day, chasing after the deadline, notices
    /// proposed and issued; each action once however often the rules run.
    @Suite struct Escalation {
        typealias World = Supervision.World

        static func run(_ app: Application, _ w: World) async throws -> Escalator.Outcome {
            var outcome: Escalator.Outcome?
            try await app.test(.POST, "/api/escalations/run", headers: w.office) { res in
                #expect(res.status == .ok, "\(res.body.string)")
                outcome = try res.content.decode(NoticeController.RunResult.self).escalations
            }
            return try #require(outcome)
        }

        static func notifications(_ app: Application, _ headers: HTTPHeaders) async throws -> [NotificationController.NotificationDTO] {
            var items: [NotificationController.NotificationDTO] = []
            try await app.test(.GET, "/api/notifications", headers: headers) { res in
                items = try res.content.decode([NotificationController.NotificationDTO].self)
            }
            return items
        }

        /// March is due on the 25th with 3 days' grace: reminders from the
        /// 22nd, chasing from the 29th, a second round three days later.
        @Test func aUnitIsRemindedThenChasedEachOnce() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 21))
                let value1 = try await Self.run(app, w)
                #expect(value1 == Escalator.Outcome())
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 3, day: 22))
                let first = try await Self.run(app, w)
                #expect(first.reminders >= w.tasks.count)
                #expect(first.chases == 0 && first.notices == 0)
                let again = try await Self.run(app, w)
                #expect(again.reminders == 0)
                #expect(again.skipped >= first.reminders)
                let reminded = try await Self.notifications(app, w.reporter).filter { $0.kind == "remind" }
                for task in w.tasks { #expect(reminded.filter { $0.link?.contains(task.uuidString) == true }.count == 1) }
                try await Supervision.save(app, w, task: 0, period: "2025-03", submit: true) { res in #expect(res.status == .created) }

                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 3, day: 28))
                let value2 = try await Self.run(app, w).chases
                #expect(value2 == 0, "the deadline day itself is not chased")
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 3, day: 29))
                let chased = try await Self.run(app, w)
                #expect(chased.chases >= w.tasks.count - 1)
                #expect(chased.notices >= w.tasks.count - 1, "a missed report proposes a blue notice")
                let kjjChases = try await Self.notifications(app, w.reporter).filter { $0.kind == "chase" }
                #expect(!kjjChases.contains { $0.link?.contains(w.tasks[0].uuidString) == true }, "the task reported on time is not chased")
                #expect(kjjChases.contains { $0.link?.contains(w.tasks[1].uuidString) == true })
                let value3 = try await Self.run(app, w).chases
                #expect(value3 == 0)
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 4, day: 1))
                let value4 = try await Self.run(app, w).chases
                #expect(value4 >= w.tasks.count - 1, "second round after three more days")
                let keys = try await EscalationRecord.query(on: app.db).all().map(\.dedupeKey)
                #expect(Set(keys).count == keys.count)
                #expect(keys.contains { $0.hasPrefix("chase:2025-03:2|") })
            }
        }

        /// The scheduler's runs are the system's changes: a run that writes
        /// reminders leaves one audit line under 系统; an empty run leaves none.
        @Test func theSchedulersRunsThatChangeSomethingAreAudited() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 21))
                func lines() async throws -> [AuditEntry] {
                    try await AuditEntry.query(on: app.db).filter(\.$action == "escalation.run").all()
                }
                await Scheduler.tick(app, holder: "scheduler-test", leaseSeconds: 60)
                #expect(try await lines().isEmpty, "nothing was due on 21 March: no line")
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 3, day: 22))
                await Scheduler.tick(app, holder: "scheduler-test", leaseSeconds: 60)
                let after = try await lines()
                #expect(after.count == 1)
                #expect(after.first?.accountName == "系统" && after.first?.entityID == "scheduler-test")
                #expect(after.first?.after?.hasPrefix("定时任务：提醒 ") == true && after.first?.accountID == nil)
                await Scheduler.tick(app, holder: "scheduler-test", leaseSeconds: 60)
                #expect(try await lines().count == 1, "the second run on the same day writes nothing, and no line")
            }
        }

        @Test func theOfficeIssuesANoticeAndTheUnitReplies() async throws {
            try await withServer { app in
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 29))
                _ = try await Self.run(app, w)
                var notices: [NoticeController.NoticeDTO] = []
                try await app.test(.GET, "/api/plans/\(w.plan)/notices", headers: w.office) { res in
                    notices = try res.content.decode([NoticeController.NoticeDTO].self)
                }
                let mine = try #require(notices.first { $0.unitID == w.unit && $0.status == .proposed })
                #expect(mine.level == .blue)
                #expect(mine.reasons.contains("2025年3月"))
                try await app.test(.POST, "/plans/\(w.plan)/notices/\(mine.id)/issue", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["replyBy": "2025-03-01", "action": "issue"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let value5 = try await SupervisionNotice.find(mine.id, on: app.db)?.status
                #expect(value5 == .proposed, "a reply date in the past is refused")
                try await app.test(.POST, "/plans/\(w.plan)/notices/\(mine.id)/issue", headers: w.office, beforeRequest: { req in
                    try req.content.encode(["replyBy": "2025-04-05", "action": "issue"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let value6 = try await Self.notifications(app, w.reporter).contains { $0.kind == "notice" && $0.body.contains("2025年4月5日") }
                #expect(value6)
                try await app.test(.POST, "/plans/\(w.plan)/notices/\(mine.id)/reply", headers: w.reporter, beforeRequest: { req in
                    try req.content.encode(["reply": "已补报三月进展，并建立月度台账。"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let replied = try #require(try await SupervisionNotice.find(mine.id, on: app.db))
                #expect(replied.status == .replied)
                #expect(replied.reply == "已补报三月进展，并建立月度台账。")
                try await app.test(.GET, "/plans/\(w.plan)/notices", headers: w.office) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("已补报三月进展"))
                }
            }
        }

        @Test func aRobotThatIsDownGetsTheMessageRetriedNotLost() async throws {
            try await withServer { app in
                var config = app.appConfig
                config.webhookURL = "http://127.0.0.1:\(try closedPort())/robot"
                app.appConfig = config
                let w = try await Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 22))
                let before = app.clock.now()
                let outcome = try await Self.run(app, w)
                let messages = try await OutboxMessage.query(on: app.db).all()
                #expect(messages.count == outcome.reminders)
                #expect(messages.allSatisfy { $0.status == .pending })
                let tried = messages.filter { $0.attempts > 0 }
                #expect(tried.count == 1, "one refused connection holds the rest back for this round")
                #expect(tried.allSatisfy { $0.lastError != nil && $0.attempts == 1 && $0.nextAttemptAt > before.addingTimeInterval(25) })
                #expect(messages.first?.body.contains("\"msgtype\":\"text\"") == true)
            }
        }

        @Test func theLeaseGoesToOneHolderUntilItExpires() async throws {
            try await withServer { app in
                let now = Date()
                let value7 = try await SchedulerLease.acquire("escalation", holder: "a", ttl: 60, now: now, on: app.db)
                #expect(value7)
                let value8 = try await SchedulerLease.acquire("escalation", holder: "b", ttl: 60, now: now.addingTimeInterval(30), on: app.db)
                #expect(value8 == false)
                let value9 = try await SchedulerLease.acquire("escalation", holder: "a", ttl: 60, now: now.addingTimeInterval(30), on: app.db)
                #expect(value9)
                let value10 = try await SchedulerLease.acquire("escalation", holder: "b", ttl: 60, now: now.addingTimeInterval(200), on: app.db)
                #expect(value10)
                let value11 = try await SchedulerLease.find("escalation", on: app.db)?.holder
                #expect(value11 == "b")
            }
        }
    }
}

extension ServerTests.Escalation {
    @Test func theOfficeSetsTheRulesAndTheyApply() async throws {
        try await withServer { app in
            let w = try await ServerTests.Supervision.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
            let quiet = try await Self.run(app, w)
            #expect(quiet.reminders == 0, "with the standard 3 days nothing is due on the 20th")
            try await app.test(.POST, "/plans/\(w.plan)/policy", headers: w.office, beforeRequest: { req in
                try req.content.encode(["remindDaysBefore": "99"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            let unchanged = try await EscalationPolicyRecord.query(on: app.db).count()
            #expect(unchanged == 0, "an out-of-range value saves nothing")
            try await app.test(.POST, "/plans/\(w.plan)/policy", headers: w.office, beforeRequest: { req in
                try req.content.encode(["remindDaysBefore": "5"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            let policy = try await Escalator.policy(for: w.plan, on: app.db)
            #expect(policy.remindDaysBefore == 5)
            #expect(policy.redAtRiskFromMonth == 10)
            let reminded = try await Self.run(app, w)
            #expect(reminded.reminders >= w.tasks.count)
            try await app.test(.GET, "/plans/\(w.plan)/calendar", headers: w.office) { res in
                #expect(res.body.string.contains("截止日前几天开始提醒"))
            }
        }
    }
}
