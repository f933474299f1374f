/// Why a zip container could not be read. Reasons are short Chinese phrases that
/// end up in `PlanTextError.corruptDocx(reason:)`.
enum ZipError: Error, Equatable {
    case corrupt(String)
    case tooLarge
}

/// One file in a zip archive, as its central directory describes it.
struct ZipEntry: Sendable {
    var path: String
    var method: Int
    var flags: Int
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
}

/// A read-only, bounds-checked view of a zip archive held in memory: the end of
/// central directory record (also its zip64 form), the central directory and
/// local headers. Entries are read with `Inflate`, never past a byte budget.
struct ZipContainer {
    let bytes: [UInt8]
    private(set) var entries: [ZipEntry] = []
    /// Lower-cased path → index of the first entry with that path.
    private var index: [String: Int] = [:]

    init(bytes: [UInt8], maxEntries: Int) throws(ZipError) {
        self.bytes = bytes
        let eocd = try Self.findEndRecord(bytes)
        var count = Int(bytes.u16(eocd + 10))
        var directorySize = Int(bytes.u32(eocd + 12))
        var directoryOffset = Int(bytes.u32(eocd + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF,
           eocd >= 20, bytes.u32(eocd - 20) == 0x0706_4B50 {
            let record = bytes.u64(eocd - 12)
            guard bytes.count >= 56, record <= UInt64(bytes.count - 56), bytes.u32(Int(record)) == 0x0606_4B50 else {
                throw .corrupt("压缩包目录损坏")
            }
            let at = Int(record)
            guard let c = bytes.int64(at + 32), let s = bytes.int64(at + 40), let o = bytes.int64(at + 48) else {
                throw .corrupt("压缩包目录损坏")
            }
            (count, directorySize, directoryOffset) = (c, s, o)
        }
        guard count <= maxEntries else { throw .corrupt("压缩包内文件过多（超过 \(maxEntries) 个）") }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw .corrupt("压缩包不完整")
        }
        var at = directoryOffset
        let end = directoryOffset + directorySize
        while at + 46 <= end, bytes.u32(at) == 0x0201_4B50 {
            guard entries.count < maxEntries else { throw .corrupt("压缩包内文件过多（超过 \(maxEntries) 个）") }
            let nameLength = Int(bytes.u16(at + 28))
            let extraLength = Int(bytes.u16(at + 30))
            let commentLength = Int(bytes.u16(at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw .corrupt("压缩包目录损坏") }
            var entry = ZipEntry(
                path: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                method: Int(bytes.u16(at + 10)), flags: Int(bytes.u16(at + 8)), crc32: bytes.u32(at + 16),
                compressedSize: Int(bytes.u32(at + 20)), uncompressedSize: Int(bytes.u32(at + 24)),
                localHeaderOffset: Int(bytes.u32(at + 42)))
            Self.applyZip64(&entry, extra: bytes[(at + 46 + nameLength)..<(at + 46 + nameLength + extraLength)])
            let key = entry.path.lowercased()
            if index[key] == nil { index[key] = entries.count }
            entries.append(entry)
            at = next
        }
        if entries.isEmpty && count > 0 { throw .corrupt("压缩包目录损坏") }
    }

    func entry(_ path: String) -> ZipEntry? {
        index[path.lowercased()].map { entries[$0] }
    }

    /// The entry's bytes, refusing more than `budget` (declared or actual).
    func read(_ entry: ZipEntry, budget: Int) throws(ZipError) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw .corrupt("文档已加密") }
        guard entry.uncompressedSize <= budget else { throw .tooLarge }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, bytes.u32(header) == 0x0403_4B50 else {
            throw .corrupt("文件头损坏")
        }
        let start = header + 30 + Int(bytes.u16(header + 26)) + Int(bytes.u16(header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .corrupt("压缩包不完整")
        }
        let raw = bytes[start..<(start + entry.compressedSize)]
        let content: [UInt8]
        switch entry.method {
        case 0:
            guard raw.count <= budget else { throw .tooLarge }
            content = Array(raw)
        case 8:
            do {
                content = try Inflate.inflate(raw, limit: budget, sizeHint: entry.uncompressedSize)
            } catch .tooLarge {
                throw .tooLarge
            } catch {
                throw .corrupt("压缩数据损坏")
            }
        default:
            throw .corrupt("不支持的压缩方式")
        }
        guard content.count == entry.uncompressedSize, CRC32.checksum(content) == entry.crc32 else {
            throw .corrupt("压缩数据校验失败")
        }
        return content
    }

    /// The end of central directory record lies within the last 64 KiB + 22 bytes;
    /// looking only there keeps a file without one from costing a full scan.
    private static func findEndRecord(_ bytes: [UInt8]) throws(ZipError) -> Int {
        guard bytes.count >= 22 else { throw .corrupt("压缩包不完整") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var candidate: Int?
        var at = bytes.count - 22
        while at >= lowest {
            if bytes[at] == 0x50, bytes.u32(at) == 0x0605_4B50 {
                if at + 22 + Int(bytes.u16(at + 20)) == bytes.count { return at }
                if candidate == nil { candidate = at }
            }
            at -= 1
        }
        guard let found = candidate else { throw .corrupt("压缩包不完整（缺少目录）") }
        return found
    }

    private static func applyZip64(_ entry: inout ZipEntry, extra: ArraySlice<UInt8>) {
        var at = extra.startIndex
        while at + 4 <= extra.endIndex {
            let id = Int(extra[at]) | Int(extra[at + 1]) << 8
            let size = Int(extra[at + 2]) | Int(extra[at + 3]) << 8
            let body = at + 4
            guard body + size <= extra.endIndex else { return }
            if id == 1 {
                var field = body
                func next() -> Int? {
                    guard field + 8 <= body + size else { return nil }
                    var value: UInt64 = 0
                    for i in (0..<8).reversed() { value = value << 8 | UInt64(extra[field + i]) }
                    field += 8
                    return value <= UInt64(Int32.max) ? Int(value) : Int(Int32.max)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = next() ?? entry.uncompressedSize }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = next() ?? entry.compressedSize }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = next() ?? entry.localHeaderOffset }
                return
            }
            at = body + size
        }
    }
}

enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { buffer in
            table.withUnsafeBufferPointer { t in
                for byte in buffer { crc = t[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    /// Little-endian reads; 0 when out of range, so callers check signatures.
    func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at <= count - 2 else { return 0 }
        return UInt16(self[at]) | UInt16(self[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at <= count - 4 else { return 0 }
        return UInt32(u16(at)) | UInt32(u16(at + 2)) << 16
    }

    func u64(_ at: Int) -> UInt64 {
        guard at >= 0, at <= count - 8 else { return UInt64.max }
        return UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }

    /// A 64-bit size or offset that fits the array, else nil.
    func int64(_ at: Int) -> Int? {
        let value = u64(at)
        return value <= UInt64(count) ? Int(value) : nil
    }
}
