import Foundation
import SQLiteNIO

/// `sciplan backup` on SQLite. `VACUUM INTO` copies the database as of one
/// read transaction, so the copy is consistent while the server keeps
/// writing (in WAL mode readers do not block the writer, nor it them). The
/// copy is written under a scratch name, checked, flushed to disk and only
/// then linked to the name asked for.
enum SQLiteBackup {
    static func run(database: String, to output: String) async throws -> BackupSummary {
        let source = DurableFiles.absolute(database)
        let target = DurableFiles.absolute(output)
        guard DurableFiles.exists(source) else { throw BackupError("数据库文件 \(source) 不存在。") }
        guard !DurableFiles.exists(target) else {
            throw BackupError("备份文件 \(target) 已存在，不会覆盖；请换一个文件名或先移走它。")
        }
        guard DurableFiles.exists(DurableFiles.directory(of: target)) else {
            throw BackupError("备份目录 \(DurableFiles.directory(of: target)) 不存在。")
        }
        let scratch = DurableFiles.scratch(beside: target, "partial")
        do {
            try await copy(source, into: scratch)
            let tables = try await SQLiteFile.check(scratch, name: "备份副本")
            try DurableFiles.publish(scratch, as: target)
            return BackupSummary(path: target, bytes: DurableFiles.size(target), integrity: "ok", tables: tables)
        } catch {
            DurableFiles.remove([scratch, scratch + "-journal", scratch + "-wal", scratch + "-shm"])
            throw error
        }
    }

    private static func copy(_ source: String, into scratch: String) async throws {
        let file: SQLiteFile
        do { file = try await SQLiteFile.open(source, readOnly: true) } catch {
            throw BackupError("无法打开数据库 \(source)：\(SQLiteFile.describe(error))")
        }
        do {
            let tables: [String]
            do { tables = try await file.tables() } catch {
                throw BackupError("\(source) 不是 SQLite 数据库或已损坏：\(SQLiteFile.describe(error))")
            }
            guard tables.contains("_fluent_migrations") else {
                throw BackupError("\(source) 不是 sciplan 数据库（没有 _fluent_migrations 表）。")
            }
            _ = try await file.rows("VACUUM INTO ?", [.text(scratch)])
            await file.close()
        } catch let error as BackupError {
            await file.close()
            throw error
        } catch {
            await file.close()
            throw BackupError("备份失败（\(source)）：\(SQLiteFile.describe(error))")
        }
    }
}
