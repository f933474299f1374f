import Foundation

/// pg_dump and pg_restore, run as child processes. The password goes in
/// PGPASSWORD, never on the command line where `ps` would show it.
struct PostgresTools {
    var url: URL

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The tool on PATH, or a message saying how to get it.
    static func find(_ tool: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw BackupError("找不到 \(tool)：PostgreSQL 的备份和恢复需要 PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install postgresql-client），并且要在 PATH 中，版本不低于数据库服务器。")
    }

    /// The connection string for libpq, without the password.
    var connection: String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        parts.password = nil
        return parts.string ?? url.absoluteString
    }

    func run(_ tool: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.find(tool))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password = URLComponents(url: url, resolvingAgainstBaseURL: false)?.password {
            environment["PGPASSWORD"] = password
        }
        process.environment = environment
        // Files, not pipes: a listing of a large archive would fill a pipe
        // and stall the child while nobody reads it.
        let out = DurableFiles.scratch(beside: NSTemporaryDirectory() + "/sciplan", "\(tool).out")
        let err = DurableFiles.scratch(beside: NSTemporaryDirectory() + "/sciplan", "\(tool).err")
        guard FileManager.default.createFile(atPath: out, contents: nil), FileManager.default.createFile(atPath: err, contents: nil) else {
            throw BackupError("无法在临时目录 \(NSTemporaryDirectory()) 中创建文件以运行 \(tool)。")
        }
        defer { DurableFiles.remove([out, err]) }
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw BackupError("无法运行 \(tool)：\(error.localizedDescription)")
        }
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Outcome(status: process.terminationStatus, output: read(out), errors: read(err))
    }

    /// The tables an archive holds data for, read by `pg_restore --list`
    /// (which also proves the archive is whole enough to read).
    func tables(in archive: String) throws -> [String] {
        let listing = try run("pg_restore", ["--list", archive])
        guard listing.status == 0 else {
            throw BackupError("\(archive) 不是 pg_dump --format=custom 的备份或已损坏：\(Self.last(listing.errors))")
        }
        var names: [String] = []
        for line in listing.output.split(separator: "\n") where !line.hasPrefix(";") {
            let words = line.split(separator: " ")
            // "215; 1259 16390 TABLE public accounts sciplan"
            if words.count >= 6, words[3] == "TABLE", words[4] != "DATA" { names.append(String(words[5])) }
        }
        return names.sorted()
    }

    /// The end of a tool's error output, enough to say what went wrong.
    static func last(_ errors: String) -> String {
        let lines = errors.split(separator: "\n").suffix(4).joined(separator: "；")
        return lines.isEmpty ? "（没有错误输出）" : lines
    }
}
