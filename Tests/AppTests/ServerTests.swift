@testable import App
import Fluent
import Foundation
import PlanDomain
import PlanText
import Testing
import Vapor
import VaporTesting

/// All server tests share one serialized suite: on PostgreSQL they share one
/// database, reset before each test.
@Suite(.serialized) struct ServerTests {}

extension ServerTests {
    @Suite struct Basics {
        @Test func healthzAnswersWhenTheDatabaseDoes() async throws {
            try await withServer { app in
                try await app.test(.GET, "/healthz") { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("ok"))
                }
            }
        }

        @Test func badConfigurationNamesTheValueAndHidesTheSecret() throws {
            #expect(throws: ConfigError.self) {
                try AppConfig.load(hostname: nil, port: nil, databasePath: nil, demo: false, environment: ["SCIPLAN_PORT": "80x"])
            }
            do {
                _ = try AppConfig.load(hostname: nil, port: nil, databasePath: nil, demo: false,
                                       environment: ["DATABASE_URL": "mysql://u:s3cretpw@h/db"])
                Issue.record("accepted a non-postgres URL")
            } catch {
                #expect(error.localizedDescription.contains("DATABASE_URL"))
                #expect(!error.localizedDescription.contains("s3cretpw"))
            }
            let config = try AppConfig.load(hostname: nil, port: 9000, databasePath: nil, demo: false,
                                            environment: ["DATABASE_URL": "postgres://u:s3cretpw@db.example/sciplan"])
            #expect(!config.databaseDescription.contains("s3cretpw"))
            #expect(config.port == 9000)
        }

        /// `--demo` works from any directory: the seeds are found beside the
        /// executable's checkout (issue 17).
        @Test func theDemoFindsItsSeedsFromAnyDirectory() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-seeds-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let checkout = root.appendingPathComponent("checkout")
            try FileManager.default.createDirectory(at: checkout.appendingPathComponent("Seeds/plans"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: checkout.appendingPathComponent(".build/debug"), withIntermediateDirectories: true)
            let binary = checkout.appendingPathComponent(".build/debug/sciplan")
            try Data().write(to: binary)
            let elsewhere = root.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            #expect(SeedsLocator.find(workingDirectory: elsewhere.path, executable: binary) == checkout.appendingPathComponent("Seeds").path)
            // A link to the binary somewhere else finds the same checkout.
            let link = elsewhere.appendingPathComponent("sciplan")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
            #expect(SeedsLocator.find(workingDirectory: elsewhere.path, executable: link) == checkout.appendingPathComponent("Seeds").path)
            // The working directory's own Seeds wins; nothing anywhere: nil (the demo then refuses in Chinese).
            #expect(SeedsLocator.find(workingDirectory: checkout.path, executable: nil) == checkout.appendingPathComponent("Seeds").path)
            #expect(SeedsLocator.find(workingDirectory: elsewhere.path, executable: elsewhere.appendingPathComponent("x")) == nil)
        }

        /// Issue 17: the header's 通知 says how many notifications are unread.
        @Test func theHeaderCountsUnreadNotifications() async throws {
            try await withServer { app in
                let office = try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let headers = try await app.login("office")
                let id = try office.requireID()
                try await NotificationRecord(accountID: id, kind: "remind", title: "请报送", body: "3月进展", link: nil, at: Date()).create(on: app.db)
                try await NotificationRecord(accountID: id, kind: "remind", title: "请报送", body: "4月进展", link: nil, at: Date()).create(on: app.db)
                let seen = NotificationRecord(accountID: id, kind: "remind", title: "已读", body: "2月进展", link: nil, at: Date())
                seen.readAt = Date()
                try await seen.create(on: app.db)
                try await app.test(.GET, "/plans", headers: headers) { res in
                    #expect(res.body.string.contains(#"data-unread="2""#))
                    #expect(res.body.string.contains("通知，2 条未读"))
                }
                try await app.test(.POST, "/notifications/read", headers: headers) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/plans", headers: headers) { res in
                    #expect(!res.body.string.contains("data-unread"))
                    #expect(res.body.string.contains(">通知</a>"))
                }
            }
        }

        @Test func loginGivesASessionAndWrongPasswordAChineseError() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                try await app.test(.POST, "/api/login", beforeRequest: { req in
                    try req.content.encode(["username": "office", "password": "wrong"], as: .json)
                }) { res in
                    #expect(res.status == .unauthorized)
                    #expect(res.body.string.contains("用户名或密码不正确"))
                    #expect(res.headers.setCookie?["sciplan_session"] == nil)
                }
                let headers = try await app.login("office")
                try await app.test(.GET, "/api/me", headers: headers) { res in
                    #expect(res.status == .ok)
                    let value1 = try res.content.decode(AccountDTO.self)
                    #expect(value1.role == .office)
                }
                try await app.test(.GET, "/api/me") { res in #expect(res.status == .unauthorized) }
            }
        }

        @Test func sessionsLiveInTheDatabaseSoAnotherInstanceAcceptsThem() async throws {
            try await withServer(fileDatabase: true) { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let headers = try await app.login("office")
                #expect(try await SessionRecord.query(on: app.db).count() == 1)
                // A second server on the same database knows the session...
                try await anotherInstance(of: app) { other in
                    try await other.test(.GET, "/api/me", headers: headers) { res in
                        #expect(res.status == .ok)
                        let me = try res.content.decode(AccountDTO.self)
                        #expect(me.username == "office")
                    }
                }
                // ...and after logging out on the first, neither does.
                var logout = headers
                logout.contentType = .json
                try await app.test(.POST, "/api/logout", headers: logout) { res in #expect(res.status.code < 400, "\(res.status)") }
                try await app.test(.GET, "/api/me", headers: headers) { res in #expect(res.status == .unauthorized) }
                try await anotherInstance(of: app) { other in
                    try await other.test(.GET, "/api/me", headers: headers) { res in #expect(res.status == .unauthorized) }
                }
            }
        }

        /// A session ends after 30 idle minutes or 8 hours whatever its use;
        /// its row is written only when something changed, or once a minute
        /// to move the last-seen time (reads must not queue for the write lock).
        @Test func sessionsEndWhenIdleOrTooOldAndAreNotRewrittenOnEveryRequest() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                func stored() async throws -> SessionRecord { try #require(try await SessionRecord.query(on: app.db).first()) }
                func set(_ key: String, secondsAgo: Double) async throws {
                    let record = try await stored()
                    record.data[key] = String(Int(Date().timeIntervalSince1970 - secondsAgo))
                    try await record.save(on: app.db)
                }

                let headers = try await app.login("office")
                try await set(StoredSessions.seenKey, secondsAgo: 20)
                let before = try await stored().data
                try await app.test(.GET, "/api/me", headers: headers) { res in #expect(res.status == .ok) }
                #expect(try await stored().data == before, "a read within the minute writes nothing")

                try await set(StoredSessions.seenKey, secondsAgo: 300)
                try await app.test(.GET, "/api/me", headers: headers) { res in #expect(res.status == .ok) }
                let seen = try #require(try await stored().data[StoredSessions.seenKey].flatMap(Double.init))
                #expect(abs(seen - Date().timeIntervalSince1970) < 5, "the last-seen time moves forward")

                try await set(StoredSessions.seenKey, secondsAgo: 31 * 60)
                try await app.test(.GET, "/api/me", headers: headers) { res in #expect(res.status == .unauthorized) }
                #expect(try await SessionRecord.query(on: app.db).count() == 0, "an idle session is deleted")

                let again = try await app.login("office")
                try await set(StoredSessions.createdKey, secondsAgo: 8 * 3600 + 60)
                try await app.test(.GET, "/api/me", headers: again) { res in #expect(res.status == .unauthorized) }
            }
        }

        /// Five wrong passwords in a row lock the account: the right password
        /// is refused (423, in Chinese) until the admin unlocks it or the
        /// lock runs out; every attempt is in the audit trail.
        @Test func fiveWrongPasswordsLockTheAccountUntilTheAdminOrTheClockOpensIt() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let office = try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                func attempt(_ password: String) async throws -> HTTPStatus {
                    var status = HTTPStatus.ok
                    try await app.test(.POST, "/api/login", beforeRequest: { req in
                        try req.content.encode(["username": "office", "password": password], as: .json)
                    }) { res in
                        status = res.status
                        if res.status == .locked { #expect(res.body.string.contains("已被锁定")) }
                    }
                    return status
                }
                for _ in 1...4 { #expect(try await attempt("wrong") == .unauthorized) }
                #expect(try await attempt("wrong") == .locked)
                #expect(try await attempt(Fixture.password) == .locked, "the right password waits for the lock")
                try await app.test(.POST, "/login", headers: .anonymousWithToken, beforeRequest: { req in
                    try req.content.encode(["username": "office", "password": Fixture.password], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .locked)
                    #expect(res.body.string.contains("系统管理员解锁"))
                }

                let admin = try await app.login("admin")
                try await app.test(.POST, "/api/accounts/\(office.id!)/unlock", headers: admin) { res in #expect(res.status == .ok) }
                #expect(try await attempt(Fixture.password) == .ok)

                for _ in 1...5 { _ = try await attempt("wrong") }
                #expect(try await attempt(Fixture.password) == .locked)
                let locked = try #require(try await Account.find(office.id, on: app.db))
                locked.lockedUntil = Date().addingTimeInterval(-1)
                try await locked.save(on: app.db)
                #expect(try await attempt(Fixture.password) == .ok, "the lock runs out")

                let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "account").all().map(\.action)
                #expect(actions.filter { $0 == "login.failed" }.count == 10)
                #expect(actions.filter { $0 == "account.locked" }.count == 2)
                #expect(actions.contains("login.refused") && actions.contains("account.unlock"))
                #expect(actions.filter { $0 == "login" }.count >= 3)
            }
        }

        @Test func passwordsAreStoredAsBcryptHashes() async throws {
            try await withServer { app in
                let account = try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                #expect(account.passwordHash.hasPrefix("$2"))
                #expect(!account.passwordHash.contains(Fixture.password))
            }
        }

        @Test func jurisdictionsHoldTheProvincesAndHubeiDownToCounties() async throws {
            try await withServer { app in
                let value2 = try await Jurisdiction.find("440000", on: app.db)
                #expect(value2?.name == "广东省")
                let value3 = try await Jurisdiction.find("421381", on: app.db)
                #expect(value3?.name == "广水市")
                let value4 = try await Jurisdiction.find("421381", on: app.db)
                #expect(value4?.parentCode == "421300")
                let value5 = try await Jurisdiction.find("440100", on: app.db)
                #expect(value5 == nil)
            }
        }
    }
}
