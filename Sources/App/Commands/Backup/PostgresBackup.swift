import Foundation

/// Backup and restore on PostgreSQL through its own tools: pg_dump's
/// custom format is consistent while the server writes (one snapshot), and
/// pg_restore in a single transaction leaves the database as it was if
/// anything fails. Before a restore the current data is dumped beside the
/// backup, so a restore never loses the database it replaces.
enum PostgresBackup {
    static func backup(_ url: URL, to output: String) throws -> BackupSummary {
        let tools = PostgresTools(url: url)
        _ = try PostgresTools.find("pg_dump")
        _ = try PostgresTools.find("pg_restore")
        let target = DurableFiles.absolute(output)
        guard !DurableFiles.exists(target) else {
            throw BackupError("备份文件 \(target) 已存在，不会覆盖；请换一个文件名或先移走它。")
        }
        let tables = try dump(tools, to: target, requireSciplan: true)
        return BackupSummary(path: target, bytes: DurableFiles.size(target), integrity: "ok（pg_restore --list 可读）",
                             tables: tables.map { TableCount(table: $0, rows: -1) })
    }

    static func restore(_ url: URL, from backup: String, force: Bool, now: Date = Date()) throws -> BackupSummary {
        let tools = PostgresTools(url: url)
        _ = try PostgresTools.find("pg_restore")
        _ = try PostgresTools.find("pg_dump")
        let source = DurableFiles.absolute(backup)
        guard DurableFiles.exists(source) else { throw BackupError("备份文件 \(source) 不存在。") }
        let tables = try tools.tables(in: source)
        guard tables.contains("_fluent_migrations") else {
            throw BackupError("备份文件 \(source) 不是 sciplan 数据库的备份（没有 _fluent_migrations 表）。")
        }
        let aside = DurableFiles.asideName(for: DurableFiles.directory(of: source) + "/sciplan-postgres", at: now) + ".dump"
        guard force else {
            throw BackupError("恢复会替换 PostgreSQL 数据库中的 sciplan 数据；确认请加 --force（恢复前现有数据会先导出到 \(aside)）。")
        }
        // Whatever is there, even an empty database or someone else's tables.
        _ = try dump(tools, to: aside, requireSciplan: false)
        let restored = try tools.run("pg_restore", [
            "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
            "--no-password", "--dbname=\(tools.connection)", source,
        ])
        guard restored.status == 0 else {
            throw BackupError("pg_restore 失败，数据库未改变（恢复在一个事务中进行）：\(PostgresTools.last(restored.errors))")
        }
        return BackupSummary(path: source, bytes: DurableFiles.size(source), integrity: "ok（pg_restore 完成）",
                             tables: tables.map { TableCount(table: $0, rows: -1) }, keptAside: aside)
    }

    /// pg_dump into a scratch file, read back with pg_restore --list, then
    /// linked to `target` (never over an existing file).
    private static func dump(_ tools: PostgresTools, to target: String, requireSciplan: Bool) throws -> [String] {
        guard DurableFiles.exists(DurableFiles.directory(of: target)) else {
            throw BackupError("备份目录 \(DurableFiles.directory(of: target)) 不存在。")
        }
        let scratch = DurableFiles.scratch(beside: target, "partial")
        do {
            let dumped = try tools.run("pg_dump", ["--format=custom", "--no-password", "--file=\(scratch)", "--dbname=\(tools.connection)"])
            guard dumped.status == 0 else { throw BackupError("pg_dump 失败：\(PostgresTools.last(dumped.errors))") }
            let tables = try tools.tables(in: scratch)
            guard !requireSciplan || tables.contains("_fluent_migrations") else {
                throw BackupError("数据库中没有 _fluent_migrations 表：这不是 sciplan 数据库。")
            }
            try DurableFiles.publish(scratch, as: target)
            return tables
        } catch {
            DurableFiles.remove([scratch])
            throw error
        }
    }
}
