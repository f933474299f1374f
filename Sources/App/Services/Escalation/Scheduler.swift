import Fluent
import Foundation
import Vapor

/// Runs the escalation rules and the webhook outbox every
/// `schedulerSeconds`, inside the server. The lease is held for the length
/// of a run (its time to live only bounds a holder that died): with several
/// servers on one database, or an office pressing 立即检查, one run at a time;
/// the unique keys of the actions make a second run harmless anyway.
final class Scheduler: LifecycleHandler, @unchecked Sendable {
    let holder = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)#\(UUID().uuidString.prefix(8))"
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let seconds = app.appConfig.schedulerSeconds
        guard seconds > 0 else { return }
        task = Task { [holder] in
            while !Task.isCancelled {
                await Self.tick(app, holder: holder, leaseSeconds: Double(seconds) * 3)
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }

    static func tick(_ app: Application, holder: String, leaseSeconds: Double) async {
        do {
            let now = app.clock.now()
            guard try await SchedulerLease.acquire("escalation", holder: holder, ttl: leaseSeconds, now: now, on: app.db) else { return }
            let outcome = try await Escalator.run(
                .init(today: app.clock.today(), now: now, holder: holder, webhookURL: app.appConfig.webhookURL), on: app.db)
            // A run that wrote something is in the audit trail as the system's,
            // like a run started from the page (`NoticeController.run`); the
            // empty runs every few minutes are not (they change nothing).
            if outcome.reminders + outcome.chases + outcome.notices > 0 {
                try await Audit.record(
                    nil, "escalation.run", entity: "escalation", id: holder,
                    after: "定时任务：提醒 \(outcome.reminders) 条，催报 \(outcome.chases) 条，新提出督办单 \(outcome.notices) 份", on: app.db)
            }
            try await SchedulerLease.release("escalation", holder: holder, on: app.db)
            let delivery = try await Outbox.deliver(client: app.client, now: now, holder: holder, on: app.db)
            if outcome.reminders + outcome.chases + outcome.notices + delivery.sent + delivery.failed > 0 {
                app.logger.notice("督办：提醒 \(outcome.reminders)，催报 \(outcome.chases)，督办单 \(outcome.notices)；推送 \(delivery.sent)，失败 \(delivery.failed)")
            }
        } catch {
            try? await SchedulerLease.release("escalation", holder: holder, on: app.db)
            app.logger.error("督办任务出错：\(String(describing: error))")
        }
    }
}
