import App
import Foundation
import Vapor

/// Submissions driven by wrk, a load generator written in C, when it is
/// installed (`apt-get install wrk`): the in-process client (AsyncHTTPClient,
/// JSON encoding per request) takes a large share of the two cores from the
/// server it measures; wrk takes little, so its figure is closer to what the
/// server can do when the clients are a thousand browsers elsewhere.
extension SupervisionBench {
    static func submitWithWrk(_ app: Application, options: Options, period: String,
                              sessions: [(cookie: String, items: [(plan: UUID, node: UUID)])],
                              log: @Sendable (String) -> Void) async throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            log("report submissions via wrk: wrk is not installed (apt-get install wrk); skipped")
            return
        }
        let encoder = JSONEncoder()
        var requests: [String] = []
        for (cookie, items) in sessions {
            for item in items {
                let body = SubmitReport(
                    planID: item.plan, nodeID: item.node, period: period, narrative: "基准测试：本月按计划推进。", percent: 92,
                    selfStatus: .onTrack, submit: true)
                let json = String(decoding: try encoder.encode(body), as: UTF8.self)
                requests.append("{\(lua(cookie)),\(lua(json))}")
            }
        }
        guard !requests.isEmpty else { log("report submissions via wrk: no open reports left; skipped"); return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-wrk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("submit.lua")
        // One wrk thread takes the requests in order, so each report is
        // submitted once; once they run out, repeats answer 409 and count as errors.
        let lua = """
        local requests = {
        \(requests.joined(separator: ",\n"))
        }
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        local i = 0
        ok = 0
        failed = 0
        function request()
          i = i + 1
          local r = requests[i] or requests[#requests]
          return wrk.format("POST", "/api/reports", {["Content-Type"] = "application/json", ["Cookie"] = r[1]}, r[2])
        end
        function response(status, headers, body)
          if status == 201 then ok = ok + 1 else failed = failed + 1 end
        end
        function done(summary, latency, requests)
          local ok, failed = 0, 0
          for _, t in ipairs(threads) do ok = ok + t:get("ok"); failed = failed + t:get("failed") end
          local e = summary.errors
          io.write(string.format("WRK %d %d %d %d %.3f %.3f %.3f\\n", ok, failed, e.connect + e.read + e.write + e.timeout,
            summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
        end
        """
        try lua.write(to: script, atomically: true, encoding: .utf8)
        let connections = options.concurrency
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t1", "-c\(connections)", "-d\(Int(options.seconds))s", "--timeout", "10s", "-s", script.path,
                             "http://127.0.0.1:\(options.port)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let before = app.reportWriter.stats
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("WRK ") }) else {
            log("report submissions via wrk: no result (\(text.prefix(300)))")
            return
        }
        let f = line.split(separator: " ").dropFirst().map(String.init)
        let saved = Int(f[0]) ?? 0, failed = Int(f[1]) ?? 0, socketErrors = Int(f[2]) ?? 0
        let seconds = (Double(f[3]) ?? 1) / 1e6
        log(String(format: "report submissions via wrk (1 thread, %d connections, %.1f s, %d reports prepared): %d saved, %d errors, %d socket errors, %.0f/s; p50 %@ ms, p95 %@ ms, p99 %@ ms",
                   connections, seconds, requests.count, saved, failed, socketErrors, Double(saved) / seconds, f[4], f[5], f[6]))
        let written = app.reportWriter.stats
        if written.transactions > before.transactions {
            log(String(format: "  written in %d transactions, %.1f reports each on average", written.transactions - before.transactions,
                       Double(written.jobs - before.jobs) / Double(written.transactions - before.transactions)))
        }
    }

    /// A Lua string literal.
    private static func lua(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
