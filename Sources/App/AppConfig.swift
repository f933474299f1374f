import Foundation
import PlanDomain

/// Everything the server reads from its environment and flags, read and checked
/// once at start-up. A missing or bad value stops start-up with a message naming
/// it; the database password is never printed.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(URL)
    }

    public var hostname: String
    public var port: Int
    public var database: Database
    /// Import and publish the seed plans and create the demo accounts.
    public var demo: Bool
    /// Folder with `plans/*.txt` (the seed plans) used by `--demo`.
    public var seedsDirectory: String
    /// Bcrypt cost: 12 in production; tests lower it to keep a login fast.
    public var passwordCost: Int
    /// Largest upload accepted (plan documents and workbooks).
    public var maxUploadBytes: Int
    /// Marks session cookies Secure: set when the server sits behind TLS.
    public var secureCookies: Bool
    /// A fixed business date (`SCIPLAN_TODAY`, ISO) for demonstrations and
    /// trials; nil is the real date in Asia/Shanghai. `--demo` picks one in the
    /// newest seed plan's year when none is given.
    public var today: CivilDate?
    /// Seconds between runs of the scheduler (reminders, chasing, notices,
    /// webhook delivery); 0 turns it off. `SCIPLAN_SCHEDULER_SECONDS`, default 300.
    public var schedulerSeconds: Int
    /// A WeCom (企业微信) or DingTalk group robot URL that reminders, chasing
    /// and notices also go to (`SCIPLAN_WEBHOOK_URL`); nil sends none.
    public var webhookURL: String?
    /// A session unused this long ends (`SCIPLAN_SESSION_IDLE_MINUTES`, default 30).
    public var sessionIdleMinutes: Int
    /// A session ends this long after login whatever its use (`SCIPLAN_SESSION_HOURS`, default 8).
    public var sessionHours: Int
    /// The key of the audit trail's hash chain (`SCIPLAN_AUDIT_KEY`), kept
    /// outside the database; nil chains without a key (see `AuditChain`).
    public var auditKey: String? = nil
    /// Seconds between sealings of new audit lines into the chain while the
    /// server runs (`SCIPLAN_AUDIT_SEAL_SECONDS`, default 5; 0 off).
    public var auditSealSeconds: Int = 0
    /// Head, body and idle deadlines and the connection cap of `serve`
    /// (`SCIPLAN_CONNECTION_GUARD`, `SCIPLAN_MAX_CONNECTIONS`,
    /// `SCIPLAN_HEADER_SECONDS`, `SCIPLAN_BODY_SECONDS`, `SCIPLAN_IDLE_SECONDS`).
    public var connections = ConnectionLimits()

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: Database = .sqliteMemory,
        demo: Bool = false, seedsDirectory: String = "Seeds", passwordCost: Int = 12,
        maxUploadBytes: Int = 20 * 1_048_576, secureCookies: Bool = false, today: CivilDate? = nil,
        schedulerSeconds: Int = 0, webhookURL: String? = nil, sessionIdleMinutes: Int = 30, sessionHours: Int = 8
    ) {
        self.sessionIdleMinutes = sessionIdleMinutes
        self.sessionHours = sessionHours
        self.today = today
        self.schedulerSeconds = schedulerSeconds
        self.webhookURL = webhookURL
        self.hostname = hostname
        self.port = port
        self.database = database
        self.demo = demo
        self.seedsDirectory = seedsDirectory
        self.passwordCost = passwordCost
        self.maxUploadBytes = maxUploadBytes
        self.secureCookies = secureCookies
    }
}

public struct ConfigError: Error, LocalizedError, Equatable {
    public var message: String
    public var errorDescription: String? { message }
}

extension AppConfig {
    /// Reads the configuration from command-line values (nil when not given) and
    /// the process environment. Flags win over the environment.
    public static func load(
        hostname: String?, port: Int?, databasePath: String?, demo: Bool,
        environment: [String: String], executable: URL? = SeedsLocator.runningExecutable
    ) throws -> AppConfig {
        var config = AppConfig()
        config.demo = demo
        config.hostname = hostname ?? environment["SCIPLAN_HOSTNAME"] ?? "127.0.0.1"
        if let port {
            config.port = port
        } else if let text = environment["SCIPLAN_PORT"] {
            guard let value = Int(text), (1...65535).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_PORT 必须是 1–65535 之间的端口号，现为“\(text)”。")
            }
            config.port = value
        }
        guard (1...65535).contains(config.port) else {
            throw ConfigError(message: "配置错误：端口必须在 1–65535 之间，现为 \(config.port)。")
        }
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            config.database = .postgres(try postgresURL(url))
        } else {
            let path = databasePath ?? environment["SCIPLAN_DB"] ?? "sciplan.sqlite"
            guard !path.isEmpty else { throw ConfigError(message: "配置错误：SQLite 数据库路径（--db 或 SCIPLAN_DB）为空。") }
            config.database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
        }
        if let seeds = environment["SCIPLAN_SEEDS"] {
            config.seedsDirectory = seeds
        } else if demo, let found = SeedsLocator.find(workingDirectory: FileManager.default.currentDirectoryPath, executable: executable) {
            config.seedsDirectory = found
        }
        if let cost = environment["SCIPLAN_PASSWORD_COST"] {
            guard let value = Int(cost), (4...31).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_PASSWORD_COST 必须是 4–31 之间的整数，现为“\(cost)”。")
            }
            config.passwordCost = value
        }
        if let secure = environment["SCIPLAN_SECURE_COOKIES"] {
            guard let value = Bool(secure.lowercased()) else {
                throw ConfigError(message: "配置错误：SCIPLAN_SECURE_COOKIES 必须是 true 或 false，现为“\(secure)”。")
            }
            config.secureCookies = value
        }
        if let text = environment["SCIPLAN_TODAY"], !text.isEmpty {
            guard let day = CivilDate(iso: text) else {
                throw ConfigError(message: "配置错误：SCIPLAN_TODAY 必须是 YYYY-MM-DD 格式的日期，现为“\(text)”。")
            }
            config.today = day
        }
        config.schedulerSeconds = 300
        if let text = environment["SCIPLAN_SCHEDULER_SECONDS"], !text.isEmpty {
            guard let value = Int(text), (0...86_400).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_SCHEDULER_SECONDS 必须是 0–86400 之间的整数（0 表示不自动运行），现为“\(text)”。")
            }
            config.schedulerSeconds = value
        }
        if let url = environment["SCIPLAN_WEBHOOK_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw ConfigError(message: "配置错误：SCIPLAN_WEBHOOK_URL 必须是 http(s):// 地址（企业微信或钉钉群机器人）。")
            }
            config.webhookURL = url
        }
        if let key = environment["SCIPLAN_AUDIT_KEY"], !key.isEmpty {
            guard key.utf8.count >= 16 else {
                throw ConfigError(message: "配置错误：SCIPLAN_AUDIT_KEY 至少 16 个字符（审计日志封存链的密钥）。")
            }
            config.auditKey = key
        }
        config.auditSealSeconds = 5
        if let text = environment["SCIPLAN_AUDIT_SEAL_SECONDS"], !text.isEmpty {
            guard let value = Int(text), (0...3_600).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_AUDIT_SEAL_SECONDS 必须是 0–3600 之间的整数（0 表示不自动封存），现为“\(text)”。")
            }
            config.auditSealSeconds = value
        }
        if let text = environment["SCIPLAN_SESSION_IDLE_MINUTES"], !text.isEmpty {
            guard let value = Int(text), (1...1_440).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_SESSION_IDLE_MINUTES 必须是 1–1440 之间的整数（分钟），现为“\(text)”。")
            }
            config.sessionIdleMinutes = value
        }
        if let text = environment["SCIPLAN_SESSION_HOURS"], !text.isEmpty {
            guard let value = Int(text), (1...72).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_SESSION_HOURS 必须是 1–72 之间的整数（小时），现为“\(text)”。")
            }
            config.sessionHours = value
        }
        if let text = environment["SCIPLAN_CONNECTION_GUARD"], !text.isEmpty {
            guard ["0", "1", "true", "false"].contains(text.lowercased()) else {
                throw ConfigError(message: "配置错误：SCIPLAN_CONNECTION_GUARD 必须是 1 或 0，现为“\(text)”。")
            }
            config.connections.enabled = text == "1" || text.lowercased() == "true"
        }
        if let text = environment["SCIPLAN_MAX_CONNECTIONS"], !text.isEmpty {
            guard let value = Int(text), (16...1_000_000).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_MAX_CONNECTIONS 必须是 16–1000000 之间的整数，现为“\(text)”。")
            }
            config.connections.maxConnections = value
        }
        if let text = environment["SCIPLAN_HEADER_SECONDS"], !text.isEmpty {
            guard let value = Int(text), (1...600).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_HEADER_SECONDS 必须是 1–600 之间的整数（秒），现为“\(text)”。")
            }
            config.connections.headerSeconds = value
        }
        if let text = environment["SCIPLAN_BODY_SECONDS"], !text.isEmpty {
            guard let value = Int(text), (1...3_600).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_BODY_SECONDS 必须是 1–3600 之间的整数（秒），现为“\(text)”。")
            }
            config.connections.bodyGraceSeconds = value
        }
        if let text = environment["SCIPLAN_IDLE_SECONDS"], !text.isEmpty {
            guard let value = Int(text), (5...86_400).contains(value) else {
                throw ConfigError(message: "配置错误：SCIPLAN_IDLE_SECONDS 必须是 5–86400 之间的整数（秒），现为“\(text)”。")
            }
            config.connections.idleSeconds = value
        }
        if config.demo {
            var isDirectory: ObjCBool = false
            let plans = config.seedsDirectory + "/plans"
            guard FileManager.default.fileExists(atPath: plans, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ConfigError(message: "配置错误：演示模式需要种子计划目录 \(plans)（用 SCIPLAN_SEEDS 指定 Seeds 目录，或在仓库根目录运行）。")
            }
        }
        return config
    }

    /// Checks a postgres:// URL without ever echoing it (it holds the password).
    static func postgresURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw ConfigError(message: "配置错误：DATABASE_URL 不是 postgres:// 地址（出于安全不显示其内容）。")
        }
        guard let host = url.host, !host.isEmpty else {
            throw ConfigError(message: "配置错误：DATABASE_URL 缺少主机名（出于安全不显示其内容）。")
        }
        guard url.user != nil else {
            throw ConfigError(message: "配置错误：DATABASE_URL 缺少用户名（出于安全不显示其内容）。")
        }
        guard url.path.count > 1 else {
            throw ConfigError(message: "配置错误：DATABASE_URL 缺少数据库名（出于安全不显示其内容）。")
        }
        _ = try PostgresTLS(url: url)
        return url
    }

    /// Where the data lives, for the start-up log, without the password.
    public var databaseDescription: String {
        switch database {
        case .sqliteFile(let path): return "SQLite \(path)"
        case .sqliteMemory: return "SQLite（内存）"
        case .postgres(let url): return "PostgreSQL \(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
        }
    }
}
