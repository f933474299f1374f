import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import PlanDomain
import Vapor

/// Sets up the database, sessions, middleware and routes, and migrates. Tests
/// call it with their own configuration (an in-memory SQLite, or a fresh
/// PostgreSQL database).
public func configure(_ app: Application, _ config: AppConfig) async throws {
    app.appConfig = config
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    if config.connections.enabled {
        let secret = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
        app.storage[PeerSecretKey.self] = secret
        let limits = config.connections
        app.servers.use { app in GuardedServer(application: app, limits: limits, secret: secret) }
    }
    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: config.maxUploadBytes)
    app.passwords.use(.bcrypt(cost: config.passwordCost))
    app.storage[PasswordWorkKey.self] = PasswordWork(cost: config.passwordCost)
    app.storage[DocumentWorkKey.self] = WorkPool(
        threads: 1, maxWaiting: 16, busy: AppError(status: .serviceUnavailable, reason: "正在读取的上传文件较多，请稍后再上传。"))
    app.lifecycle.use(PasswordWorkLifecycle())
    app.storage[LoginThrottleKey.self] = LoginThrottle()

    switch config.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: PostgresTLS.stripped(url))
        postgres.coreConfiguration.tls = try PostgresTLS(url: url).driverSetting()
        app.databases.use(.postgres(configuration: postgres, sqlLogLevel: .debug), as: .psql)
    }
    if case .sqliteFile = config.database {
        // WAL keeps readers off the writer's way and is stored in the file, so
        // one statement covers every pooled connection. Foreign keys are on per
        // connection by the driver, and SQLite's default synchronous=FULL in
        // WAL mode makes an acknowledged commit survive a crash.
        _ = try await (app.db as? any SQLDatabase)?.raw("PRAGMA journal_mode=WAL").all()
    }

    app.sessions.use { _ in
        StoredSessions(idle: TimeInterval(config.sessionIdleMinutes * 60), lifetime: TimeInterval(config.sessionHours * 3600))
    }
    app.sessions.configuration.cookieName = "sciplan_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        // Max-Age, not Expires: the same lifetime without formatting a date
        // for every answer (Foundation's formatter was 4 % of a submission).
        .init(string: sessionID.string, expires: nil, maxAge: config.sessionHours * 3600,
              domain: nil, path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    let inFlight = InFlightRequests()
    app.middleware.use(inFlight)
    // Outside the error middleware, so error pages get them too.
    app.middleware.use(SecurityHeaders())
    // Outermost but those, so error pages also get the cookie their forms' token needs.
    app.middleware.use(CSRFCookie(secure: config.secureCookies))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AccountSessionAuthenticator())
    app.middleware.use(UnreadNotifications())

    app.storage[Application.ReportWriterKey.self] = ReportWriter(database: { [unowned app] in app.db })
    addMigrations(to: app)
    try await app.autoMigrate()
    try registerRoutes(app)
    if config.demo {
        try await DemoData.load(into: app)
    }
    app.lifecycle.use(Scheduler())
    app.lifecycle.use(AuditSealing())
    app.lifecycle.use(SessionSweeper())
    app.lifecycle.use(inFlight)
}

/// Headers that keep pages from being framed or sniffed, and scripts to our own.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        return response
    }
}
