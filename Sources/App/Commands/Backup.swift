import Foundation

/// `sciplan backup` and `sciplan restore`: a consistent copy of the live
/// database, checked before it is kept, and a restore that refuses what it
/// cannot verify and keeps the database it replaces. Needs no Vapor
/// application: SQLite through SQLiteNIO, PostgreSQL through its own tools.
public enum Backup {
    public static func backup(_ config: AppConfig, to output: String) async throws -> BackupSummary {
        switch config.database {
        case .sqliteFile(let path): return try await SQLiteBackup.run(database: path, to: output)
        case .sqliteMemory: throw BackupError("内存中的数据库无法备份：请用 --db 指定数据库文件。")
        case .postgres(let url): return try PostgresBackup.backup(url, to: output)
        }
    }

    public static func restore(_ config: AppConfig, from backup: String, force: Bool) async throws -> BackupSummary {
        switch config.database {
        case .sqliteFile(let path): return try await SQLiteRestore.run(from: backup, to: path, force: force)
        case .sqliteMemory: throw BackupError("不能恢复到内存中的数据库：请用 --db 指定数据库文件。")
        case .postgres(let url): return try PostgresBackup.restore(url, from: backup, force: force)
        }
    }
}
