import Fluent
import SQLKit
import Foundation
import Vapor

/// Webhook messages to WeCom (企业微信) or DingTalk group robots, written in
/// the transaction of what they report and sent afterwards with retries:
/// a robot that is down delays the message, it does not lose it or roll
/// back the reminder. Both robots take `{"msgtype":"text","text":{"content":…}}`.
enum Outbox {
    static let maxAttempts = 8

    static func enqueue(url: String, text: String, key: String, now: Date, on db: any Database) async throws {
        let payload = ["msgtype": "text", "text": ["content": text]] as [String: Any]
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let message = OutboxMessage()
        message.url = url
        message.body = String(decoding: body, as: UTF8.self)
        message.dedupeKey = key
        message.status = .pending
        message.attempts = 0
        message.nextAttemptAt = now
        try await message.create(on: db)
    }

    struct Delivery: Codable, Sendable, Equatable {
        var sent = 0
        var retried = 0
        var failed = 0
    }

    /// Sends what is due. Backoff 30 s, 1, 2, 4 … minutes (at most an hour);
    /// after `maxAttempts` the message is marked failed and kept for the admin.
    static func deliver(client: any Client, now: Date, holder: String, on db: any Database, limit: Int = 100) async throws -> Delivery {
        var delivery = Delivery()
        let due = try await OutboxMessage.query(on: db).filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .sort(\.$createdAt).limit(limit).all()
        var unreachable = Set<String>()
        for message in due {
            // One robot that does not answer costs one timeout per round,
            // not one per message: the rest wait for the next round untouched.
            if unreachable.contains(message.url) { continue }
            guard try await claim(message, holder: holder, now: now, on: db) else { continue }
            var error: String?
            do {
                let response = try await client.post(URI(string: message.url)) { req in
                    req.headers.contentType = .json
                    // Robots ignore it; a receiver of our own can drop a repeat by it.
                    req.headers.replaceOrAdd(name: "X-Sciplan-Key", value: message.dedupeKey)
                    req.body = ByteBuffer(string: message.body)
                    req.timeout = .seconds(5)
                }
                if !(200..<300).contains(Int(response.status.code)) {
                    error = "HTTP \(response.status.code)"
                } else if let body = response.body, let json = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
                          let code = json["errcode"] as? Int, code != 0 {
                    error = "errcode \(code) \(json["errmsg"] ?? "")"
                }
            } catch let failure {
                error = String(describing: failure).prefix(300).description
                unreachable.insert(message.url)
            }
            message.attempts += 1
            if let error {
                message.lastError = error
                if message.attempts >= maxAttempts {
                    message.status = .failed
                    delivery.failed += 1
                } else {
                    message.nextAttemptAt = now.addingTimeInterval(min(3600, 30 * pow(2, Double(message.attempts - 1))))
                    delivery.retried += 1
                }
            } else {
                message.status = .sent
                message.sentAt = now
                delivery.sent += 1
            }
            message.claimedBy = nil
            message.claimedUntil = nil
            try await message.save(on: db)
        }
        return delivery
    }

    /// Takes a message for sending in one conditional update: only a pending
    /// message nobody holds (or whose hold ran out) is taken, so of two
    /// senders one gets it.
    static func claim(_ message: OutboxMessage, holder: String, now: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, let id = message.id else { return true }
        let rows = try await sql.raw("""
            UPDATE outbox SET claimed_by = \(bind: holder), claimed_until = \(bind: now.addingTimeInterval(60))
            WHERE id = \(bind: id) AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < \(bind: now)) RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
