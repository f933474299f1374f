@testable import App
import Fluent
import Foundation
import PlanDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// 等保2.0 identity and audit items: password rules and history, the second
/// factor, and an audit trail the admin can search and nobody can change.
extension ServerTests {
    @Suite struct Identity {
        static func changePassword(_ app: Application, _ headers: HTTPHeaders, from current: String, to new: String) async throws -> (HTTPStatus, String) {
            var result: (HTTPStatus, String) = (.ok, "")
            try await app.test(.POST, "/api/account/password", headers: headers, beforeRequest: { req in
                try req.content.encode(PasswordChangeRequest(current: current, new: new), as: .json)
            }) { res in result = (res.status, res.body.string) }
            return result
        }

        /// The session's account is read with plain SQL (`AccountSessionAuthenticator`):
        /// it must be the same fetched model Fluent makes, every field.
        @Test func theSessionsAccountIsReadAsFluentWouldReadIt() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let unit = Unit(name: "市科技局", kind: .department, jurisdictionCode: "421300")
                try await unit.create(on: app.db)
                let reporter = try await Fixture.account(app, "kjj", role: .reporter, jurisdiction: "421300", unit: try unit.requireID())
                reporter.failedLogins = 2
                reporter.lockedUntil = Date(timeIntervalSince1970: 1_800_000_000.25)
                reporter.passwordChangedAt = Date(timeIntervalSince1970: 1_700_000_000)
                reporter.totpSecret = "JBSWY3DPEHPK3PXP"
                reporter.totpLastStep = 59_000_000
                try await reporter.save(on: app.db)
                #expect(Set(Account().storedProperties.flatMap(\.keys)) == Set(Account.keys), "a field of Account is missing from storedProperties")
                let sql = try #require(app.db as? any SQLDatabase)
                for fluent in try await Account.query(on: app.db).all() {
                    let row = try #require(try await sql.select().column("*").from(Account.schema).where("id", .equal, SQLBind(try fluent.requireID())).first())
                    let plain = try Account(row: row)
                    #expect(plain.$id.exists && plain.id == fluent.id && plain.username == fluent.username)
                    #expect(plain.passwordHash == fluent.passwordHash && plain.displayName == fluent.displayName && plain.role == fluent.role)
                    #expect(plain.jurisdictionCode == fluent.jurisdictionCode && plain.$unit.id == fluent.$unit.id)
                    #expect(plain.createdAt == fluent.createdAt && plain.failedLogins == fluent.failedLogins && plain.lockedUntil == fluent.lockedUntil)
                    #expect(plain.passwordChangedAt == fluent.passwordChangedAt && plain.totpSecret == fluent.totpSecret)
                    #expect(plain.totpLastStep == fluent.totpLastStep && !plain.hasChanges)
                }
                // And a request signed in through it knows who it is.
                let admin = try await app.login("admin")
                try await app.test(.GET, "/api/me", headers: admin) { res in
                    #expect(res.status == .ok && (try? res.content.decode(AccountDTO.self).username) == "admin")
                }
            }
        }

        /// 账号管理: the admin creates accounts (refused whole, in Chinese, when
        /// anything is wrong), sets a new password that ends the person's
        /// sessions, turns a lost second factor off; all audited.
        @Test func theAdminCreatesAccountsResetsPasswordsAndSecondFactors() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                let unit = Unit(name: "市科技局", kind: .department, jurisdictionCode: "421300")
                try await unit.create(on: app.db)
                let admin = try await app.login("admin")
                let count = try await Account.query(on: app.db).count()

                // Refusals: every problem named, nothing created.
                try await app.test(.POST, "/admin/accounts", headers: admin, beforeRequest: { req in
                    try req.content.encode(["username": "admin", "displayName": "", "role": "reporter", "jurisdictionCode": "999999",
                                            "unitID": "", "password": "short"], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest)
                    for reason in ["已被使用", "姓名", "行政区划代码“999999”不存在", "需要选择所属单位", "至少"] {
                        #expect(res.body.string.contains(reason), "\(reason)")
                    }
                }
                #expect(try await Account.query(on: app.db).count() == count)

                // A unit's reporter through the form, an office through the API.
                try await app.test(.POST, "/admin/accounts", headers: admin, beforeRequest: { req in
                    try req.content.encode(["username": "kjj.zhang", "displayName": "张三", "role": "reporter", "jurisdictionCode": "421300",
                                            "unitID": try unit.requireID().uuidString, "password": "Kx7#mq2!Lp"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                try await app.test(.POST, "/api/accounts", headers: admin, beforeRequest: { req in
                    try req.content.encode(AccountAdmin.NewAccount(username: "sz-office", displayName: "随州市科技局办公室", role: "office",
                                                                   jurisdictionCode: "421300", unitID: nil, password: "Qw9$zt4&Nb"), as: .json)
                }) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    #expect((try? res.content.decode(AccountDTO.self))?.role == .office)
                }
                try await app.test(.GET, "/api/accounts", headers: admin) { res in
                    let accounts = try res.content.decode([AccountDTO].self)
                    #expect(accounts.first { $0.username == "kjj.zhang" }?.unitID == unit.id)
                }
                // A reporter's place may be left blank: it is its unit's (issue 17).
                try await app.test(.POST, "/api/accounts", headers: admin, beforeRequest: { req in
                    try req.content.encode(AccountAdmin.NewAccount(username: "kjj.li", displayName: "李四", role: "reporter",
                                                                   jurisdictionCode: nil, unitID: try unit.requireID().uuidString,
                                                                   password: "Rt5%hw8*Jc"), as: .json)
                }) { res in #expect(res.status == .created, "\(res.body.string)") }
                #expect(try await Account.query(on: app.db).filter(\.$username == "kjj.li").first()?.jurisdictionCode == unit.jurisdictionCode)
                try await app.test(.GET, "/admin/accounts", headers: admin) { res in
                    #expect(res.status == .ok && res.body.string.contains("张三") && res.body.string.contains("初始密码"))
                }
                let reporter = try await app.login("kjj.zhang", "Kx7#mq2!Lp")
                try await app.test(.GET, "/api/accounts", headers: reporter) { res in #expect(res.status == .forbidden) }

                // A new password: the old one and the old session stop working.
                let zhang = try #require(try await Account.query(on: app.db).filter(\.$username == "kjj.zhang").first())
                try await app.test(.POST, "/admin/accounts/\(try zhang.requireID())/password", headers: admin, beforeRequest: { req in
                    try req.content.encode(["password": "weak"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/api/me", headers: reporter) { res in #expect(res.status == .ok) }
                try await app.test(.POST, "/admin/accounts/\(try zhang.requireID())/password", headers: admin, beforeRequest: { req in
                    try req.content.encode(["password": "Nv3%hd8*Rc"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/api/me", headers: reporter) { res in #expect(res.status == .unauthorized) }
                try await app.test(.GET, "/api/me", headers: admin) { res in #expect(res.status == .ok) }
                try await app.test(.POST, "/api/login", beforeRequest: { req in
                    try req.content.encode(["username": "kjj.zhang", "password": "Kx7#mq2!Lp"], as: .json)
                }) { res in #expect(res.status == .unauthorized) }
                _ = try await app.login("kjj.zhang", "Nv3%hd8*Rc")

                // A lost phone: the second factor off.
                let office = try #require(try await Account.query(on: app.db).filter(\.$username == "sz-office").first())
                office.totpSecret = SecondFactor.newSecret()
                try await office.save(on: app.db)
                try await app.test(.POST, "/admin/accounts/\(try office.requireID())/second-factor", headers: admin) { res in
                    #expect(res.status == .seeOther)
                }
                #expect(try await Account.find(office.id, on: app.db)?.totpSecret == nil)
                _ = try await app.login("sz-office", "Qw9$zt4&Nb")

                let actions = try await AuditEntry.query(on: app.db).filter(\.$action =~ "account.").all().map(\.action)
                #expect(actions.sorted() == ["account.create", "account.create", "account.create", "account.password_reset", "account.totp_reset"])
            }
        }

        @Test func thePolicyNamesEveryRuleANewPasswordBreaks() {
            #expect(PasswordPolicy.problems("Kx7#mq2!Lp", username: "office").isEmpty)
            #expect(PasswordPolicy.problems("short1A", username: "u").contains { $0.contains("至少 10 位") })
            #expect(PasswordPolicy.problems("alllowercaseletters", username: "u").contains { $0.contains("至少三类") })
            #expect(PasswordPolicy.problems("Office#2026abc", username: "office").contains { $0.contains("用户名") })
            #expect(PasswordPolicy.problems("Aa1Aa1Aa1Aa1", username: "u").contains { $0.contains("重复") })
            #expect(PasswordPolicy.problems("科技局密码很长很长1A", username: "u").isEmpty, "a Chinese character counts as a symbol")
        }

        @Test func aPasswordChangeChecksTheCurrentOneThePolicyAndTheHistory() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let headers = try await app.login("office")
                var (status, body) = try await Self.changePassword(app, headers, from: "wrong", to: "Kx7#mq2!Lp")
                #expect(status == .badRequest && body.contains("当前密码不正确"))
                (status, body) = try await Self.changePassword(app, headers, from: Fixture.password, to: "abc")
                #expect(status == .badRequest && body.contains("至少 10 位") && body.contains("至少三类"))

                let passwords = ["Kx7#mq2!Lp", "Rt5%vb8@Wz", "Hn3&jd6*Qs", "Pm9!xc4#Ty", "Gw2@lf7$Ua"]
                var current = Fixture.password
                for next in passwords {
                    (status, body) = try await Self.changePassword(app, headers, from: current, to: next)
                    #expect(status == .noContent, "\(next): \(body)")
                    current = next
                }
                // The last five (the current one and four before it) are refused; the sixth back is allowed.
                for old in passwords {
                    (status, body) = try await Self.changePassword(app, headers, from: current, to: old)
                    #expect(status == .badRequest && body.contains("最近 5 次"), "\(old)")
                }
                (status, _) = try await Self.changePassword(app, headers, from: current, to: "Test@2026!x")
                #expect(status == .noContent)

                _ = try await app.login("office", "Test@2026!x")
                try await app.test(.POST, "/api/login", beforeRequest: { req in
                    try req.content.encode(["username": "office", "password": Fixture.password], as: .json)
                }) { res in #expect(res.status == .unauthorized, "the old password no longer works") }
                let audit = try await AuditEntry.query(on: app.db).all().map(\.action)
                #expect(audit.filter { $0 == "password.change" }.count == 6)
                #expect(audit.filter { $0 == "password.change_refused" }.count == 1)

                // The form says what is wrong and keeps the password as it was.
                let signedIn = try await app.login("office", "Test@2026!x")
                try await app.test(.POST, "/account/password", headers: signedIn, beforeRequest: { req in
                    try req.content.encode(["current": "Test@2026!x", "new": "Zq8#nb3!Kd", "confirm": "Zq8#nb3!Kx"], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("两次输入的新密码不一致"))
                }
                _ = try await app.login("office", "Test@2026!x")
            }
        }

        @Test func theTimeBasedCodeMatchesTheRFCVectorsAndBase32() throws {
            let secret = Base32.encode(Array("12345678901234567890".utf8))
            #expect(secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
            #expect(Base32.decode(secret) == Array("12345678901234567890".utf8))
            // RFC 6238 appendix B, SHA-1, the last six of the eight digits.
            #expect(SecondFactor.matchingStep(code: "287082", secret: secret, at: Date(timeIntervalSince1970: 59)) == 1)
            #expect(SecondFactor.matchingStep(code: "081804", secret: secret, at: Date(timeIntervalSince1970: 1_111_111_109)) == 37_037_036)
            #expect(SecondFactor.matchingStep(code: "081804", secret: secret, at: Date(timeIntervalSince1970: 1_111_111_109 + 30)) != nil, "one step of drift")
            #expect(SecondFactor.matchingStep(code: "081804", secret: secret, at: Date(timeIntervalSince1970: 1_111_111_109 + 90)) == nil)
            #expect(SecondFactor.matchingStep(code: "28708", secret: secret, at: Date(timeIntervalSince1970: 59)) == nil)
        }

        static func code(_ secret: String, at date: Date = Date()) throws -> String {
            let key = try #require(Base32.decode(secret))
            return TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: 30).generate(time: date)
        }

        @Test func theSecondFactorIsAskedForAfterThePasswordAndEachCodeWorksOnce() async throws {
            try await withServer { app in
                let admin = try await Fixture.account(app, "admin", role: .admin)
                let headers = try await app.login("admin")
                try await app.test(.POST, "/account/second-factor", headers: headers) { res in #expect(res.status == .seeOther) }
                var secret = ""
                try await app.test(.GET, "/account", headers: headers) { res in
                    let page = res.body.string
                    let start = try #require(page.range(of: "<p class=\"secret\">"))
                    secret = String(page[start.upperBound...].prefix { $0 != "<" }).replacingOccurrences(of: " ", with: "")
                    #expect(page.contains("otpauth://totp/"))
                }
                #expect(secret.count == 32)
                try await app.test(.POST, "/account/second-factor/confirm", headers: headers, beforeRequest: { req in
                    try req.content.encode(["code": "000000"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .badRequest && res.body.string.contains("验证码不正确")) }
                #expect(try await Account.find(admin.id, on: app.db)?.totpSecret == nil)
                // The very code that switched it on, kept (not computed again:
                // a new 30-second step between the two would give a new code).
                let enablingCode = try Self.code(secret)
                try await app.test(.POST, "/account/second-factor/confirm", headers: headers, beforeRequest: { req in
                    try req.content.encode(["code": enablingCode], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                #expect(try await Account.find(admin.id, on: app.db)?.totpSecret == secret)

                func apiLogin(code: String?) async throws -> (HTTPStatus, String) {
                    var result: (HTTPStatus, String) = (.ok, "")
                    try await app.test(.POST, "/api/login", beforeRequest: { req in
                        try req.content.encode(LoginRequest(username: "admin", password: Fixture.password, code: code), as: .json)
                    }) { res in result = (res.status, res.body.string) }
                    return result
                }
                func forgetLastStep() async throws {
                    let account = try #require(try await Account.find(admin.id, on: app.db))
                    account.totpLastStep = nil
                    try await account.save(on: app.db)
                }
                var (status, body) = try await apiLogin(code: nil)
                #expect(status == .unauthorized && body.contains("两步验证"))
                (status, _) = try await apiLogin(code: enablingCode)
                #expect(status == .unauthorized, "the code that switched it on is spent")
                try await forgetLastStep()
                let code = try Self.code(secret)
                (status, _) = try await apiLogin(code: code)
                #expect(status == .ok)
                (status, body) = try await apiLogin(code: code)
                #expect(status == .unauthorized && body.contains("已经用过"), "a code is accepted once")

                // The form: password, then the code page; only then is the session signed in.
                try await forgetLastStep()
                var session = HTTPHeaders.anonymousWithToken
                try await app.test(.POST, "/login", headers: session, beforeRequest: { req in
                    try req.content.encode(["username": "admin", "password": Fixture.password], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .seeOther && res.headers.first(name: .location) == "/login/code")
                    var cookies = session.cookie ?? HTTPCookies()
                    cookies["sciplan_session"] = res.headers.setCookie?["sciplan_session"]
                    session.cookie = cookies
                }
                try await app.test(.GET, "/api/me", headers: session) { res in #expect(res.status == .unauthorized) }
                try await app.test(.POST, "/login/code", headers: session, beforeRequest: { req in
                    try req.content.encode(["code": "123456"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .unauthorized && res.body.string.contains("动态验证码不正确")) }
                try await app.test(.POST, "/login/code", headers: session, beforeRequest: { req in
                    try req.content.encode(["code": try Self.code(secret)], as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .seeOther && res.headers.first(name: .location) == "/")
                    var cookies = session.cookie ?? HTTPCookies()
                    let signedIn = res.headers.setCookie?["sciplan_session"]
                    #expect(signedIn != nil && signedIn?.string != cookies["sciplan_session"]?.string, "a new session id once signed in")
                    cookies["sciplan_session"] = signedIn
                    session.cookie = cookies
                }
                try await app.test(.GET, "/api/me", headers: session) { res in
                    #expect(res.status == .ok)
                    let me = try res.content.decode(AccountDTO.self)
                    #expect(me.secondFactor)
                }
                let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
                #expect(actions.contains("totp.enable") && actions.filter { $0 == "login.code_failed" }.count == 3)
            }
        }

        @Test func theAdminSearchesAndExportsTheTrailWhichTheDatabaseKeepsAsWritten() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                _ = try await Self.changePassword(app, office, from: "wrong", to: "Kx7#mq2!Lp")
                let admin = try await app.login("admin")

                try await app.test(.GET, "/api/audit?action=password", headers: admin) { res in
                    let entries = try res.content.decode([AuditEntryDTO].self)
                    #expect(entries.map(\.action) == ["password.change_refused"])
                    #expect(entries.first?.account == "office")
                }
                try await app.test(.GET, "/api/audit?action=login&account=adm", headers: admin) { res in
                    let entries = try res.content.decode([AuditEntryDTO].self)
                    #expect(entries.count == 1 && entries[0].account == "admin")
                }
                let today = CivilDate(Date()).iso
                try await app.test(.GET, "/api/audit?from=\(today)&to=\(today)", headers: admin) { res in
                    let entries = try res.content.decode([AuditEntryDTO].self)
                    #expect(entries.count == 3)
                }
                try await app.test(.GET, "/api/audit?to=2000-01-01", headers: admin) { res in
                    let entries = try res.content.decode([AuditEntryDTO].self)
                    #expect(entries.isEmpty)
                }
                try await app.test(.GET, "/api/audit?from=2026-13-01", headers: admin) { res in
                    #expect(res.status == .badRequest && res.body.string.contains("不是有效日期"))
                }
                for page in ["0", "100001", "451108048139190144"] {
                    try await app.test(.GET, "/api/audit?page=\(page)", headers: admin) { res in
                        #expect(res.status == .badRequest && res.body.string.contains("页码"))
                    }
                }
                try await app.test(.GET, "/admin/audit?page=100000", headers: admin) { res in #expect(res.status == .ok) }
                try await app.test(.GET, "/api/audit", headers: office) { res in #expect(res.status == .forbidden) }
                try await app.test(.GET, "/admin/audit?action=login", headers: admin) { res in
                    #expect(res.body.string.contains("共 2 条"))
                }
                try await app.test(.GET, "/admin/audit.xlsx?action=login", headers: admin) { res in
                    #expect(res.status == .ok && res.body.readableBytesView.starts(with: Array("PK".utf8)))
                }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "export.audit").count() == 1)

                let sql = try #require(app.db as? any SQLDatabase)
                let before = try await AuditEntry.query(on: app.db).count()
                await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET action = 'x'").run() }
                await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
                #expect(try await AuditEntry.query(on: app.db).count() == before)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "x").count() == 0)
            }
        }
    }
}

extension ServerTests {
    @Suite struct UndeliveredMessages {
        /// A robot message that failed every attempt is listed for the admin
        /// without its webhook key, and goes back into the queue on request.
        @Test func theAdminSeesAFailedRobotMessageWithoutItsKeyAndSendsItAgain() async throws {
            try await withServer { app in
                try await Fixture.account(app, "admin", role: .admin)
                try await Outbox.enqueue(url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY-123", text: "【红色督办】测试",
                                         key: "test|1", now: Date(), on: app.db)
                let message = try #require(try await OutboxMessage.query(on: app.db).first())
                message.status = .failed
                message.attempts = Outbox.maxAttempts
                message.lastError = "HTTP 404"
                try await message.save(on: app.db)
                let admin = try await app.login("admin")
                try await app.test(.GET, "/admin/outbox", headers: admin) { res in
                    let page = res.body.string
                    #expect(page.contains("发送失败") && page.contains("HTTP 404") && page.contains("qyapi.weixin.qq.com/cgi-bin/webhook/send?…"))
                    #expect(!page.contains("SECRET-KEY-123"), "the webhook key is not shown")
                }
                try await app.test(.POST, "/admin/outbox/\(message.id!)/retry", headers: admin) { res in #expect(res.status == .seeOther) }
                let again = try #require(try await OutboxMessage.find(message.id, on: app.db))
                #expect(again.status == .pending && again.attempts == 0)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "outbox.retry").count() == 1)
            }
        }
    }
}

extension ServerTests {
    /// An API route's JSON body is decoded into the type its contract names
    /// before the handler runs; a body that is not that type gets one clear 400.
    @Suite struct TypedRequestBodies {
        @Test func aBodyThatIsNotTheDeclaredTypeIsRefusedInChinese() async throws {
            try await withServer { app in
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                for body in ["{", "{\"username\": \"office\"}", "[1, 2]", "{\"username\": 7, \"password\": \"x\"}"] {
                    try await app.test(.POST, "/api/login", headers: ["Content-Type": "application/json"], body: .init(string: body)) { res in
                        #expect(res.status == .badRequest, "\(body)")
                        #expect(res.body.string.contains("请求格式不对：需要 JSON 字段 username、password"), "\(body): \(res.body.string)")
                    }
                }
                try await app.test(.POST, "/api/login", beforeRequest: { req in
                    try req.content.encode(["username": "office", "password": Fixture.password], as: .json)
                }) { res in #expect(res.status == .ok) }
                var office = try await app.login("office", Fixture.password)
                office.contentType = .json
                try await app.test(.POST, "/api/indicators", headers: office,
                                   body: .init(string: "{\"code\": 5, \"name\": [1]}")) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("需要 JSON 字段 code、name、unit、kind"), "\(res.body.string)")
                }
            }
        }
    }
}
