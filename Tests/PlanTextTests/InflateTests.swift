import Foundation
import Testing
import ZIPFoundation
@testable import PlanText

/// The zip reader and inflater against archives written by ZIPFoundation/zlib.
@Suite struct InflateTests {
    func roundTrip(_ content: [UInt8], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let data = try Fixture.zip([("part.bin", content)], compression: compression)
        let zip = try ZipContainer(bytes: [UInt8](data), maxEntries: 10)
        let entry = try #require(zip.entry("PART.BIN"))
        return try zip.read(entry, budget: 1 << 24)
    }

    @Test func incompressibleDataUsesStoredBlocks() throws {
        var random = RobustnessRandom(seed: 7)
        let content = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        #expect(try roundTrip(content) == content)
    }

    @Test func repetitiveAndMixedData() throws {
        var random = RobustnessRandom(seed: 11)
        var content: [UInt8] = []
        for i in 0..<3000 {
            content += Array("第\(i)条 ".utf8)
            content += (0..<Int(random.next() % 40)).map { _ in UInt8(0x41 + random.next() % 6) }
            content += [UInt8](repeating: UInt8(i % 256), count: Int(random.next() % 300))
        }
        #expect(try roundTrip(content) == content)
        #expect(try roundTrip(content, compression: .none) == content)
    }

    @Test func emptyEntry() throws {
        #expect(try roundTrip([]) == [])
    }

    @Test func outputLimitIsEnforced() throws {
        let content = [UInt8](repeating: 0x20, count: 100_000)
        let data = try Fixture.zip([("part.bin", content)])
        let zip = try ZipContainer(bytes: [UInt8](data), maxEntries: 10)
        let entry = try #require(zip.entry("part.bin"))
        #expect(throws: ZipError.tooLarge) { try zip.read(entry, budget: 99_999) }
        #expect(try zip.read(entry, budget: 100_000).count == 100_000)
    }

    @Test func hostileStreamsFailCleanly() throws {
        let streams: [[UInt8]] = [
            [], [0x07], [0x06], [0xFF, 0xFF], [0x01, 0x05, 0x00, 0xFA, 0xFF], [0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41],
            // Dynamic block whose code-length code is incomplete; fixed block with no end.
            [0x05, 0xE0, 0xFF, 0xFF, 0xFF], [0x02],
            // Fixed block: literal 'a' then a distance reaching before the output.
            [0x4B, 0x04, 0x42, 0x00],
        ]
        for stream in streams {
            #expect(throws: InflateError.corrupt) { try Inflate.inflate(stream[...], limit: 1 << 20) }
        }
        // The empty stream zlib writes, and an empty final stored block.
        #expect(try Inflate.inflate([0x03, 0x00][...], limit: 10) == [])
        #expect(try Inflate.inflate([0x01, 0x00, 0x00, 0xFF, 0xFF][...], limit: 10) == [])
    }
}
