@testable import App
import PlanDomain
import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The repository root, for the seed plans.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The business date every server test starts on, so no result depends on
/// the day the tests run: `SCIPLAN_TEST_TODAY` (scripts/date-sweep.sh runs
/// the date-sensitive tests under several), else 20 May 2025. Tests that
/// need another day set `app.clock` themselves.
let testBusinessDay: CivilDate = {
    if let text = ProcessInfo.processInfo.environment["SCIPLAN_TEST_TODAY"], !text.isEmpty {
        guard let day = CivilDate(iso: text) else { fatalError("SCIPLAN_TEST_TODAY must be YYYY-MM-DD, is \(text)") }
        return day
    }
    return CivilDate(year: 2025, month: 5, day: 20)
}()

/// A fresh app on a fresh database for each test: an in-memory SQLite by
/// default; the PostgreSQL at `SCIPLAN_TEST_DATABASE_URL` when set, its public
/// schema dropped and recreated first (the suites run serialized for that).
/// `fileDatabase` puts SQLite in a temporary file instead of memory, so a
/// second app can open the same database (`anotherInstance`).
func withServer(demo: Bool = false, fileDatabase: Bool = false, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-test-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
    do {
        var config = AppConfig(demo: demo, seedsDirectory: packageRoot.appendingPathComponent("Seeds").path, passwordCost: 4,
                               today: testBusinessDay)
        if fileDatabase { config.database = .sqliteFile(file) }
        if let url = ProcessInfo.processInfo.environment["SCIPLAN_TEST_DATABASE_URL"], !url.isEmpty {
            config.database = .postgres(try AppConfig.postgresURL(url))
            try await resetPostgres(url)
        }
        try await configure(app, config)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

private func resetPostgres(_ url: String) async throws {
    let app = try await Application.make(.testing)
    do {
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.coreConfiguration.tls = .disable
        app.databases.use(.postgres(configuration: postgres), as: .psql)
        let sql = app.db as! any SQLDatabase
        try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

import FluentPostgresDriver

/// A second app on the first one's database (a second server instance), shut
/// down after `body`.
func anotherInstance(of app: Application, _ body: (Application) async throws -> Void) async throws {
    let other = try await Application.make(.testing)
    do {
        try await configure(other, app.appConfig)
        try await body(other)
    } catch {
        try? await other.asyncShutdown()
        throw error
    }
    try await other.asyncShutdown()
}

var isPostgres: Bool { !(ProcessInfo.processInfo.environment["SCIPLAN_TEST_DATABASE_URL"] ?? "").isEmpty }

/// Accounts the tests use, created directly (password "Test@2026").
enum Fixture {
    static let password = "Test@2026"

    @discardableResult
    static func account(_ app: Application, _ username: String, role: Role, jurisdiction: String? = nil, unit: UUID? = nil) async throws -> Account {
        let account = Account(
            username: username, passwordHash: try Bcrypt.hash(password, cost: 4), displayName: username, role: role,
            jurisdictionCode: jurisdiction, unitID: unit)
        try await account.create(on: app.db)
        return account
    }

    static func seedBytes(_ name: String) throws -> Data {
        try Data(contentsOf: packageRoot.appendingPathComponent("Seeds/plans").appendingPathComponent(name))
    }

    static var seedNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Seeds/plans").path))?
            .filter { $0.hasSuffix(".txt") }.sorted() ?? []
    }
}

extension HTTPHeaders {
    /// A visitor who has not signed in but has the CSRF cookie, as a browser
    /// has after opening any page, sending the token as a header.
    static var anonymousWithToken: HTTPHeaders {
        let token = String(repeating: "t", count: 43)
        var headers = HTTPHeaders()
        headers.cookie = HTTPCookies(dictionaryLiteral: ("sciplan_csrf", HTTPCookies.Value(string: token)))
        headers.replaceOrAdd(name: "X-CSRF-Token", value: token)
        return headers
    }
}

extension Application {
    /// Logs in through the API and returns the session cookie header.
    func login(_ username: String, _ password: String = Fixture.password) async throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        try await test(.POST, "/api/login", beforeRequest: { req in
            try req.content.encode(["username": username, "password": password], as: .json)
        }, afterResponse: { res in
            #expect(res.status == .ok, "login \(username): \(res.body.string)")
            var cookies = HTTPCookies()
            if let cookie = res.headers.setCookie?["sciplan_session"] { cookies["sciplan_session"] = cookie }
            // API clients send the CSRF token as a header; forms in tests post with it too.
            if let token = res.headers.setCookie?["sciplan_csrf"] {
                cookies["sciplan_csrf"] = token
                headers.replaceOrAdd(name: "X-CSRF-Token", value: token.string)
            }
            headers.cookie = cookies
        })
        return headers
    }

    /// Uploads a file to `path` as multipart field `file`.
    func upload(_ path: String, method: HTTPMethod = .POST, name: String, bytes: Data, fields: [String: String] = [:],
                headers: HTTPHeaders, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        let boundary = "sciplan-test-boundary"
        var body = Data()
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        try await test(method, path, headers: headers, body: ByteBuffer(data: body), afterResponse: check)
    }

    func importSeed(_ name: String, headers: HTTPHeaders) async throws -> UUID {
        var id: UUID?
        try await upload("/api/plans/import", name: name, bytes: try Fixture.seedBytes(name), headers: headers) { res in
            #expect(res.status == .created, "\(name): \(res.body.string)")
            id = try? res.content.decode(PlanDTO.self).id
        }
        return try #require(id)
    }
}
