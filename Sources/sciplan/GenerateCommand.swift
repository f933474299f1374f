import App
import SciplanBench
import ArgumentParser
import Foundation

/// `sciplan generate`: a province-sized data set for the benchmarks.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成全省规模的基准数据（17 个市、100 个县、2000 多个单位、6 万项任务、24 个月的报告）。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件（须为新文件）；设置 DATABASE_URL 时写入 PostgreSQL。") var databasePath: String?
    @Option(help: "任务总数。") var tasks = 60_000
    @Option(help: "县级行政区数。") var counties = 100

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SCIPLAN_PASSWORD_COST"] = environment["SCIPLAN_PASSWORD_COST"] ?? "4"
        let config = try loadConfig(databasePath, environment, command: "generate")
        var size = ProvinceGenerator.Size()
        size.tasks = tasks
        size.counties = counties
        let summary = try await Server.withApp(config) { app in try await ProvinceGenerator.run(app, size: size) }
        print("generate: \(summary)")
    }
}

/// `sciplan bench-supervision`: dashboard latency and report submissions/s.
struct BenchSupervisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-supervision",
        abstract: "在 sciplan generate 生成的数据上测量看板延迟（p50/p95）和每秒报送数。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件；设置 DATABASE_URL 时用 PostgreSQL。") var databasePath: String?
    @Option(help: "看板请求次数。") var dashboards = 200
    @Option(help: "报送测量时长（秒）。") var seconds = 20.0
    @Option(help: "并发报送客户端数。") var concurrency = 32
    @Option(help: "本机端口。") var port = 8099

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SCIPLAN_PASSWORD_COST"] = environment["SCIPLAN_PASSWORD_COST"] ?? "4"
        let config = try loadConfig(databasePath, environment, command: "bench-supervision")
        var options = SupervisionBench.Options()
        options.dashboards = dashboards
        options.seconds = seconds
        options.concurrency = concurrency
        options.port = port
        try await SupervisionBench.run(config, options: options) { print($0) }
    }
}

/// The configuration, or a message naming the bad setting and exit code 2.
func loadConfig(_ databasePath: String?, _ environment: [String: String], command: String) throws -> AppConfig {
    do {
        return try AppConfig.load(hostname: nil, port: nil, databasePath: databasePath, demo: false, environment: environment)
    } catch {
        FileHandle.standardError.write(Data("sciplan \(command): \(error.localizedDescription)\n".utf8))
        throw ExitCode(2)
    }
}

struct BenchIndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-indicators",
        abstract: "生成全省五年、40 项指标的逐月数据，测量全省指标汇总页的延迟（p50/p95）。"
    )

    @Option(name: .customLong("db"), help: "SQLite 数据库文件（新文件则先生成数据）；设置 DATABASE_URL 时用 PostgreSQL。") var databasePath: String?
    @Option(help: "汇总页请求次数。") var requests = 200
    @Option(help: "本机端口。") var port = 8098

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SCIPLAN_PASSWORD_COST"] = environment["SCIPLAN_PASSWORD_COST"] ?? "4"
        let config = try loadConfig(databasePath, environment, command: "bench-indicators")
        var options = IndicatorBench.Options()
        options.requests = requests
        options.port = port
        try await IndicatorBench.run(config, options: options) { print($0) }
    }
}
