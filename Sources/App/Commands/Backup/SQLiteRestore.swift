import Foundation
import SQLiteNIO

/// `sciplan restore` on SQLite. The backup is copied next to the target
/// and checked there (integrity, a sciplan database) before anything else
/// happens; a target in use by a server is refused even with `--force`; the
/// old database keeps a second name (`FILE.before-restore-<time>`, with its
/// write-ahead log) before one rename puts the copy in place.
enum SQLiteRestore {
    static func run(from backup: String, to database: String, force: Bool, now: Date = Date()) async throws -> BackupSummary {
        let source = DurableFiles.absolute(backup)
        let target = DurableFiles.absolute(database)
        guard DurableFiles.exists(source) else { throw BackupError("备份文件 \(source) 不存在。") }
        guard source != target else { throw BackupError("备份文件和目标数据库是同一个文件。") }
        guard DurableFiles.exists(DurableFiles.directory(of: target)) else {
            throw BackupError("目标目录 \(DurableFiles.directory(of: target)) 不存在。")
        }
        let scratch = DurableFiles.scratch(beside: target, "restoring")
        let leftovers = [scratch, scratch + "-journal", scratch + "-wal", scratch + "-shm"]
        do {
            do { try FileManager.default.copyItem(atPath: source, toPath: scratch) } catch {
                throw BackupError("无法读取备份文件 \(source)：\(error.localizedDescription)")
            }
            let tables = try await SQLiteFile.check(scratch, name: "备份文件 \(source) ")
            var aside: String?
            if [target, target + "-wal", target + "-journal"].contains(where: DurableFiles.exists) {
                guard await !inUse(target) else {
                    throw BackupError("目标数据库 \(target) 正在被使用（sciplan serve 是否还在运行？）。请先停止服务再恢复。")
                }
                guard force else {
                    throw BackupError("目标数据库 \(target) 已存在；确认用备份替换它请加 --force（原文件会保留为 \(target).before-restore-<时间>）。")
                }
                aside = try keepAside(target, now: now)
            }
            // Journals of the old file would be replayed into the new one.
            DurableFiles.remove([target + "-wal", target + "-journal", target + "-shm"])
            try DurableFiles.replace(target, with: scratch)
            return BackupSummary(path: target, bytes: DurableFiles.size(target), integrity: "ok", tables: tables, keptAside: aside)
        } catch {
            DurableFiles.remove(leftovers)
            throw error
        }
    }

    /// True when another connection holds the file open, as a running server
    /// does: taking SQLite's exclusive lock then fails at once (no waiting).
    /// The connection is closed before this returns, so its last checkpoint
    /// cannot touch the files that replace the old ones.
    static func inUse(_ path: String) async -> Bool {
        guard DurableFiles.exists(path), let file = try? await SQLiteFile.open(path) else { return false }
        var busy = false
        do {
            _ = try await file.rows("PRAGMA busy_timeout = 0")
            _ = try await file.rows("PRAGMA locking_mode = EXCLUSIVE")
            _ = try await file.rows("BEGIN EXCLUSIVE")
            _ = try await file.rows("COMMIT")
        } catch let error as SQLiteError {
            busy = [.busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout].contains(error.reason)
        } catch {}
        await file.close()
        return busy
    }

    /// Keeps the old database under a second name with its write-ahead log
    /// and rollback journal, which may hold commits not yet in the main file.
    private static func keepAside(_ target: String, now: Date) throws -> String {
        let aside = DurableFiles.asideName(for: target, at: now)
        for suffix in ["-wal", "-journal", ""] where DurableFiles.exists(target + suffix) {
            try DurableFiles.keep(target + suffix, as: aside + suffix)
        }
        try DurableFiles.sync(DurableFiles.directory(of: target))
        return aside
    }
}
