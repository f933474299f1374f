import Foundation
import SQLiteNIO

/// A short-lived connection through SQLiteNIO, the driver and SQLite build
/// the server itself uses, so a backup is read and written by the same code
/// that reads and writes the live file.
struct SQLiteFile {
    let connection: SQLiteConnection

    /// Opens an existing file; `readOnly` uses a `file:` URI with `mode=ro`
    /// so that a backup never writes to the live database.
    static func open(_ path: String, readOnly: Bool = false) async throws -> SQLiteFile {
        let location: String
        if readOnly {
            // %, ? and # would end the path part of the URI.
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            location = "file:\(escaped)?mode=ro"
        } else {
            location = path
        }
        let connection = try await SQLiteConnection.open(storage: .file(path: location))
        let file = SQLiteFile(connection: connection)
        // The driver's busy handler retries forever; a bounded wait instead,
        // so a stuck writer gives a message rather than a hang.
        do { _ = try await file.rows("PRAGMA busy_timeout = 10000") } catch {
            await file.close()
            throw error
        }
        return file
    }

    func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await connection.query(sql, binds)
    }

    func close() async { try? await connection.close() }

    /// `PRAGMA integrity_check`'s lines ("ok" when the file is sound).
    func integrity() async throws -> [String] {
        try await rows("PRAGMA integrity_check(20)").compactMap { $0.columns.first?.data.string }
    }

    func tables() async throws -> [String] {
        try await rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .compactMap { $0.column("name")?.string }
    }

    func counts() async throws -> [TableCount] {
        var counts: [TableCount] = []
        for table in try await tables() {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let n = try await rows("SELECT COUNT(*) AS n FROM \(quoted)").first?.column("n")?.integer ?? 0
            counts.append(TableCount(table: table, rows: Int(n)))
        }
        return counts
    }

    /// Opens a copy and checks that it is a sound sciplan database: integrity
    /// ok and the migrations table present. Returns its row counts.
    static func check(_ path: String, name: String) async throws -> [TableCount] {
        let file: SQLiteFile
        do { file = try await open(path) } catch {
            throw BackupError("\(name)无法打开：\(describe(error))")
        }
        do {
            let problems = try await file.integrity()
            guard problems == ["ok"] else {
                throw BackupError("\(name)已损坏，完整性检查未通过：\(problems.prefix(3).joined(separator: "；"))")
            }
            guard try await file.tables().contains("_fluent_migrations") else {
                throw BackupError("\(name)不是 sciplan 数据库（没有 _fluent_migrations 表）。")
            }
            let counts = try await file.counts()
            await file.close()
            return counts
        } catch let error as BackupError {
            await file.close()
            throw error
        } catch {
            await file.close()
            throw BackupError("\(name)不是 SQLite 数据库或已损坏：\(describe(error))")
        }
    }

    /// SQLite's own words for an error (they name the cause: "file is not a database").
    static func describe(_ error: any Error) -> String {
        (error as? SQLiteError)?.message ?? String(describing: error)
    }
}
