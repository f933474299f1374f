import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Makes tampering with the audit trail visible.
///
/// The database refuses UPDATE and DELETE on `audit_log`, but whoever can
/// write the database file (or is a superuser) can drop those triggers. So
/// every line is also sealed into a chain: link n holds HMAC-SHA256(key,
/// link n−1 ‖ line n) in `audit_chain`, sealed in order by the running
/// server every few seconds (`AuditSealer`) and by `sciplan audit verify`
/// before it checks. A line changed after sealing no longer matches its
/// link; a line removed leaves a link without its line; a link removed or
/// rewritten breaks every link after it. The key (`SCIPLAN_AUDIT_KEY`) is
/// kept outside the database: without it a forger cannot compute new links.
/// Without a key the chain still shows edits made by hand or by tools that
/// do not know of it (documented in SECURITY.md).
enum AuditChain {
    /// One audit line as it is hashed.
    struct Line: Sendable, Equatable {
        var id: UUID
        var accountName: String
        var accountID: UUID?
        var action: String
        var entity: String
        var entityID: String?
        var before: String?
        var after: String?
        /// Milliseconds since 1970: both databases keep at least that.
        var createdAtMilliseconds: Int64
    }

    struct Link: Sendable, Equatable {
        var seq: Int64
        var auditID: UUID
        var hash: String
    }

    static let genesis = String(repeating: "0", count: 64)

    /// Each field with its length, so no two different lines give the same bytes.
    static func canonical(_ line: Line) -> [UInt8] {
        let fields: [String?] = [
            line.id.uuidString, line.accountName, line.accountID?.uuidString, line.action, line.entity,
            line.entityID, line.before, line.after, String(line.createdAtMilliseconds),
        ]
        var bytes: [UInt8] = []
        for field in fields {
            guard let field else { bytes += Array("-1:".utf8); continue }
            let utf8 = Array(field.utf8)
            bytes += Array("\(utf8.count):".utf8) + utf8
        }
        return bytes
    }

    static func link(previous: String, _ line: Line, key: SymmetricKey) -> String {
        var mac = HMAC<SHA256>(key: key)
        mac.update(data: Array(previous.utf8))
        mac.update(data: canonical(line))
        return mac.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func key(_ text: String?) -> SymmetricKey {
        SymmetricKey(data: Array((text ?? "").utf8))
    }

    /// Kept as link 0: tells a wrong key from a tampered trail, and stops a
    /// sealer with another key from extending the chain.
    static let keyCheckID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func keyCheck(_ key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Array("sciplan-audit-chain-key-check".utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    static let wrongKey = "封存链的密钥与 SCIPLAN_AUDIT_KEY 不符：请使用服务器封存时的密钥（见 SECURITY.md）。"

    /// What is wrong with the trail, in Chinese; empty when every sealed line is intact.
    static func problems(lines: [UUID: Line], links: [Link], key: SymmetricKey) -> [String] {
        var problems: [String] = []
        var previous = genesis
        for (index, link) in links.enumerated() {
            let expectedSeq = Int64(index + 1)
            if link.seq != expectedSeq {
                problems.append("封存链在第 \(expectedSeq) 环处断开（下一环为第 \(link.seq) 环）：有封存记录被删除。")
                break
            }
            guard let line = lines[link.auditID] else {
                problems.append("第 \(link.seq) 条封存的审计记录（\(link.auditID.uuidString)）已被删除。")
                previous = link.hash
                continue
            }
            if Self.link(previous: previous, line, key: key) != link.hash {
                problems.append("第 \(link.seq) 条审计记录（\(line.action)，\(link.auditID.uuidString)）与封存时不一致：已被修改，或其后的封存链被改写。")
            }
            previous = link.hash
        }
        return problems
    }
}

/// Seals new audit lines into the chain and checks the whole trail.
enum AuditSealer {
    struct Report: Sendable {
        var lines: Int
        var sealed: Int
        var newlySealed: Int
        var problems: [String]
        var head: String
    }

    /// Appends a link for every line not sealed yet, oldest first, in one
    /// write transaction; a concurrent sealer on another server makes this
    /// one fail on the primary key and try again next time.
    @discardableResult
    static func seal(on db: any Database, key: SymmetricKey, limit: Int = 5_000) async throws -> Int {
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            let read = RowReader(sql)
            let check = AuditChain.keyCheck(key)
            if let stored = try await sql.raw("SELECT hash FROM audit_chain WHERE seq = 0").first() {
                guard try stored.decode(column: "hash", as: String.self) == check else { throw AppError.conflict(AuditChain.wrongKey) }
            } else {
                try await sql.raw("INSERT INTO audit_chain (seq, audit_id, hash) VALUES (0, \(bind: AuditChain.keyCheckID), \(bind: check))").run()
            }
            let head = try await sql.raw("SELECT seq, hash FROM audit_chain WHERE seq > 0 ORDER BY seq DESC LIMIT 1").first()
            var seq: Int64 = try head?.decode(column: "seq", as: Int64.self) ?? 0
            var previous: String = try head?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
            let rows = try await sql.raw("""
                SELECT a.* FROM audit_log a LEFT JOIN audit_chain c ON c.audit_id = a.id
                WHERE c.audit_id IS NULL ORDER BY a.created_at, a.id LIMIT \(unsafeRaw: String(limit))
                """).all()
            for row in rows {
                let line = try Self.line(row, read)
                seq += 1
                previous = AuditChain.link(previous: previous, line, key: key)
                try await sql.raw("INSERT INTO audit_chain (seq, audit_id, hash) VALUES (\(bind: seq), \(bind: line.id), \(bind: previous))").run()
            }
            return rows.count
        }
    }

    /// Seals what is new, then checks every sealed line against its link.
    static func verify(on db: any Database, key: SymmetricKey) async throws -> Report {
        let sql = db as! any SQLDatabase
        let read = RowReader(sql)
        if let stored = try await sql.raw("SELECT hash FROM audit_chain WHERE seq = 0").first(),
           try stored.decode(column: "hash", as: String.self) != AuditChain.keyCheck(key) {
            let lines = try await sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? 0
            let sealed = try await sql.raw("SELECT COUNT(*) AS n FROM audit_chain WHERE seq > 0").first()?.decode(column: "n", as: Int.self) ?? 0
            return Report(lines: lines, sealed: sealed, newlySealed: 0, problems: [AuditChain.wrongKey], head: AuditChain.genesis)
        }
        var newlySealed = 0
        while true {
            let n = try await seal(on: db, key: key)
            newlySealed += n
            if n < 5_000 { break }
        }
        var lines: [UUID: AuditChain.Line] = [:]
        for row in try await sql.raw("SELECT * FROM audit_log").all() {
            let line = try Self.line(row, read)
            lines[line.id] = line
        }
        var links: [AuditChain.Link] = []
        for row in try await sql.raw("SELECT seq, audit_id, hash FROM audit_chain WHERE seq > 0 ORDER BY seq").all() {
            links.append(AuditChain.Link(seq: try row.decode(column: "seq", as: Int64.self), auditID: try read.uuid(row, "audit_id"),
                                         hash: try row.decode(column: "hash", as: String.self)))
        }
        return Report(lines: lines.count, sealed: links.count, newlySealed: newlySealed,
                      problems: AuditChain.problems(lines: lines, links: links, key: key), head: links.last?.hash ?? AuditChain.genesis)
    }

    static func line(_ row: any SQLRow, _ read: RowReader) throws -> AuditChain.Line {
        let created = try row.decode(column: "created_at", as: Date?.self)
        return AuditChain.Line(
            id: try read.uuid(row, "id"), accountName: try row.decode(column: "account_name", as: String.self),
            accountID: try read.optionalUUID(row, "account_id"), action: try row.decode(column: "action", as: String.self),
            entity: try row.decode(column: "entity", as: String.self), entityID: try row.decode(column: "entity_id", as: String?.self),
            before: try row.decode(column: "before", as: String?.self), after: try row.decode(column: "after", as: String?.self),
            createdAtMilliseconds: Int64(((created?.timeIntervalSince1970 ?? 0) * 1000).rounded()))
    }
}

/// Seals the trail every few seconds while the server runs.
final class AuditSealing: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let seconds = app.appConfig.auditSealSeconds
        guard seconds > 0 else { return }
        let key = AuditChain.key(app.appConfig.auditKey)
        task = Task {
            while !Task.isCancelled {
                do { try await AuditSealer.seal(on: app.db, key: key) } catch {
                    app.logger.warning("审计日志封存未完成（下次重试）：\(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            }
        }
    }

    /// The last lines of a server are sealed as it stops (a command-line
    /// run, with sealing off, seals nothing: only the server and `sciplan
    /// audit verify` extend the chain, so one forgotten key cannot fork it).
    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        guard app.appConfig.auditSealSeconds > 0 else { return }
        try? await AuditSealer.seal(on: app.db, key: AuditChain.key(app.appConfig.auditKey))
    }
}

/// The command line's way in (`sciplan audit verify`).
public enum AuditTrail {
    public struct Summary: Sendable {
        public var lines: Int
        public var sealed: Int
        public var newlySealed: Int
        public var problems: [String]
        public var head: String
    }

    public static func verify(_ app: Application) async throws -> Summary {
        let report = try await AuditSealer.verify(on: app.db, key: AuditChain.key(app.appConfig.auditKey))
        return Summary(lines: report.lines, sealed: report.sealed, newlySealed: report.newlySealed, problems: report.problems, head: report.head)
    }
}
