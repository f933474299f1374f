@testable import App
import Fluent
import Foundation
import SQLiteNIO
import Testing
import Vapor
import VaporTesting

/// `sciplan backup` / `sciplan restore` on real SQLite files, with the app
/// holding the database open as a running server does.
@Suite struct BackupTests {
    @Test func aBackupTakenWhileTheAppRunsRestoresTheDataOfThatMoment() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/sciplan.sqlite", copy = dir + "/backup.sqlite"
        try await withFileApp(db) { app in
            try await Fixture.account(app, "admin", role: .admin)
            let admin = try await app.login("admin")
            _ = try await app.importSeed(Fixture.seedNames[0], headers: admin)

            let summary = try await Backup.backup(config(db), to: copy)
            #expect(summary.integrity == "ok")
            #expect(summary.tables.first { $0.table == Account.schema }?.rows == 1)
            #expect(summary.tables.first { $0.table == PlanRecord.schema }?.rows == 1)

            _ = try await app.importSeed(Fixture.seedNames[1], headers: admin)
            try await Fixture.account(app, "after-backup", role: .leader, jurisdiction: "421300")
            // The server still holds the file: a restore must wait for it to stop.
            do {
                _ = try await Backup.restore(config(db), from: copy, force: true)
                Issue.record("restored over a database the app holds open")
            } catch {
                #expect(error.localizedDescription.contains("正在被使用"))
            }
        }
        do {
            _ = try await Backup.restore(config(db), from: copy, force: false)
            Issue.record("restored over an existing database without --force")
        } catch {
            #expect(error.localizedDescription.contains("--force"))
        }

        let restored = try await Backup.restore(config(db), from: copy, force: true)
        let aside = try #require(restored.keptAside)
        try await withFileApp(db) { app in
            #expect(try await PlanRecord.query(on: app.db).count() == 1)
            #expect(try await Account.query(on: app.db).filter(\.$username == "after-backup").count() == 0)
            _ = try await app.login("admin")
        }
        // The database the restore replaced is kept whole under its new name.
        try await withFileApp(aside) { app in
            let plans = try await PlanRecord.query(on: app.db).count()
            let late = try await Account.query(on: app.db).filter(\.$username == "after-backup").count()
            #expect(plans == 2 && late == 1)
        }
    }

    @Test func aBackupNeverOverwritesAFile() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/sciplan.sqlite", copy = dir + "/backup.sqlite"
        try await withFileApp(db) { app in try await Fixture.account(app, "admin", role: .admin) }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: copy))
        do {
            _ = try await Backup.backup(config(db), to: copy)
            Issue.record("overwrote an existing file")
        } catch {
            #expect(error.localizedDescription.contains("已存在，不会覆盖"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data("keep me".utf8))
    }

    @Test func aDamagedOrForeignBackupIsRefusedAndTheDatabaseIsUntouched() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/sciplan.sqlite", good = dir + "/good.sqlite"
        try await withFileApp(db) { app in
            try await Fixture.account(app, "admin", role: .admin)
            try await Fixture.account(app, "zz-unique-name", role: .office, jurisdiction: "421300")
        }
        _ = try await Backup.backup(config(db), to: good)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()

        let random = dir + "/random.sqlite"
        try Data((0..<8192).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: random))
        let damaged = dir + "/damaged.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        // Every page after the schema page overwritten: the tables' b-trees are garbage.
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        bytes.replaceSubrange(pageSize..<bytes.count, with: Data(repeating: 0x5A, count: bytes.count - pageSize))
        try bytes.write(to: URL(fileURLWithPath: damaged))
        // One entry of the unique index on accounts.username changed: every
        // table still reads, only integrity_check sees the index disagree.
        let skewed = dir + "/skewed.sqlite"
        bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let name = Data("zz-unique-name".utf8)
        var onPage: [Int: [Int]] = [:]
        var from = bytes.startIndex
        while let hit = bytes.range(of: name, in: from..<bytes.endIndex) {
            onPage[hit.lowerBound / pageSize, default: []].append(hit.lowerBound)
            from = hit.upperBound
        }
        // The row holds the name twice (username, display name), the index once.
        let indexEntry = try #require(onPage.values.first { $0.count == 1 }?.first)
        bytes[indexEntry + name.count - 1] = UInt8(ascii: "f")
        try bytes.write(to: URL(fileURLWithPath: skewed))
        let foreign = dir + "/foreign.sqlite"
        let connection = try await SQLiteConnection.open(storage: .file(path: foreign))
        _ = try await connection.query("CREATE TABLE notes (text TEXT)")
        try await connection.close()

        for (file, words) in [(random, "不是 SQLite 数据库或已损坏"), (damaged, "损坏"), (skewed, "完整性检查未通过"), (foreign, "不是 sciplan 数据库")] {
            do {
                _ = try await Backup.restore(config(db), from: file, force: true)
                Issue.record("restored from \(file)")
            } catch let error as BackupError {
                #expect(error.message.contains(words), "\(file): \(error.message)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let after = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(Set(after).subtracting(listing) == ["random.sqlite", "damaged.sqlite", "skewed.sqlite", "foreign.sqlite"])
    }

    private func config(_ path: String) -> AppConfig {
        AppConfig(database: .sqliteFile(path), seedsDirectory: packageRoot.appendingPathComponent("Seeds").path, passwordCost: 4)
    }

    /// The app on a SQLite file (WAL, as `sciplan serve --db` runs it).
    private func withFileApp(_ path: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config(path))
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    private func scratchDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
