import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File steps of backup and restore that must not lose data on a crash or
/// race: a copy is complete on disk before it gets its final name, a name is
/// never overwritten unless meant, and an old database is kept, not deleted.
enum DurableFiles {
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    static func directory(of path: String) -> String { (path as NSString).deletingLastPathComponent }

    /// A hidden name next to `path` for work in progress: the same file
    /// system, so the final rename or link cannot turn into a copy.
    static func scratch(beside path: String, _ purpose: String) -> String {
        let name = (path as NSString).lastPathComponent
        return directory(of: path) + "/.\(name).\(purpose)-\(UUID().uuidString.prefix(8))"
    }

    /// Flushes a file, or a directory's entries, to the disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BackupError("无法打开 \(path) 以写入磁盘：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw BackupError("写入磁盘失败（\(path)）：\(String(cString: strerror(errno)))") }
    }

    /// Gives a finished file its final name unless that name exists: link(2)
    /// fails rather than replace, so two backups racing for one name cannot
    /// overwrite each other.
    static func publish(_ scratch: String, as final: String) throws {
        try sync(scratch)
        guard link(scratch, final) == 0 else {
            let reason = errno == EEXIST ? "文件已存在，不会覆盖" : String(cString: strerror(errno))
            throw BackupError("无法写出 \(final)：\(reason)。")
        }
        unlink(scratch)
        try sync(directory(of: final))
    }

    /// Replaces `target` with `scratch` in one rename(2): the name always
    /// holds a whole database, the old one or the new one.
    static func replace(_ target: String, with scratch: String) throws {
        try sync(scratch)
        guard rename(scratch, target) == 0 else {
            throw BackupError("无法把恢复的数据库放到 \(target)：\(String(cString: strerror(errno)))。")
        }
        try sync(directory(of: target))
    }

    /// A second name for the old database (a hard link, so `target` stays in
    /// place until the new one replaces it); a copy where links are not
    /// supported.
    static func keep(_ target: String, as aside: String) throws {
        if link(target, aside) == 0 { return }
        do { try FileManager.default.copyItem(atPath: target, toPath: aside) } catch {
            throw BackupError("无法保留原数据库为 \(aside)：\(error.localizedDescription)。恢复未进行。")
        }
    }

    /// `FILE.before-restore-20250314-093000`, with a counter if that exists.
    static func asideName(for target: String, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(target).before-restore-\(formatter.string(from: date))"
        var name = base, n = 1
        while exists(name) || exists(name + "-wal") {
            n += 1
            name = "\(base)-\(n)"
        }
        return name
    }

    static func remove(_ paths: [String]) {
        for path in paths { unlink(path) }
    }
}
