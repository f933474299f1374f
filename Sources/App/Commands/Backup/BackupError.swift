import Foundation

/// What stopped a backup or a restore, in words the operator can act on.
/// Whatever the error, the live database has not been changed.
public struct BackupError: Error, LocalizedError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var errorDescription: String? { message }
}

/// The rows of each table of a checked copy, for the operator to compare.
public struct TableCount: Sendable, Equatable {
    public var table: String
    public var rows: Int
}

/// What a finished backup or restore reports.
public struct BackupSummary: Sendable {
    /// The backup written, or the database restored.
    public var path: String
    public var bytes: Int64
    /// `PRAGMA integrity_check` of the copy (SQLite), or "ok" once `pg_restore --list` read the archive.
    public var integrity: String
    /// Row counts (SQLite), or the tables the archive holds (PostgreSQL: rows not counted, -1).
    public var tables: [TableCount]
    /// Where the replaced database was kept (restore only).
    public var keptAside: String?

    /// The lines the command prints.
    public var lines: [String] {
        var lines = ["完整性检查：\(integrity)"]
        if tables.allSatisfy({ $0.rows < 0 }) {
            lines.append("数据表（\(tables.count) 个）：\(tables.map(\.table).joined(separator: "、"))")
        } else {
            let width = tables.map(\.table.count).max() ?? 0
            for entry in tables {
                lines.append("  \(entry.table.padding(toLength: width, withPad: " ", startingAt: 0))  \(entry.rows)")
            }
        }
        if let keptAside { lines.append("原数据已保留为：\(keptAside)") }
        return lines
    }
}
