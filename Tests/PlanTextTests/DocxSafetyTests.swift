import Foundation
import Testing
import ZIPFoundation
@testable import PlanText

/// Hostile and broken .docx files: refused with the right error, quickly,
/// without crashing.
@Suite struct DocxSafetyTests {
    func error(_ data: Data, limits: InputLimits = .standard) -> PlanTextError? {
        do {
            _ = try DocumentDecoder.decode(data, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// An entry of `size` zero bytes, deflated chunk by chunk.
    func zeros(_ path: String, size: Int) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let chunk = Data(count: 1 << 20)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        return archive.data ?? Data()
    }

    @Test func zipBombIsRefusedByItsDeclaredSize() throws {
        let bomb = try zeros("word/document.xml", size: 110 << 20)
        #expect(bomb.count < 1 << 20)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(error(bomb) == .compressionRatioRefused(maxRatio: 200))
        #expect(clock.now - started < .seconds(1))
        // With no ratio rule the size cap still refuses it by its declared size.
        #expect(error(bomb, limits: InputLimits(maxCompressionRatio: 1_000_000)) == .docxTooLarge(limitBytes: 64 << 20))
    }

    /// Issue 15, finding 8: 61 KB that unpack to 60 MB, under the size cap,
    /// took 12 s to refuse. The ratio refuses it by its declared size at once,
    /// and with a false small size after at most 200 × 61 KB of inflating.
    @Test func aSmallFileThatUnpacksToTensOfMegabytesIsRefusedQuickly() throws {
        let size = 60 << 20
        let bomb = try zeros("word/document.xml", size: size)
        #expect(bomb.count < 100_000)
        let clock = ContinuousClock()
        var started = clock.now
        #expect(error(bomb) == .compressionRatioRefused(maxRatio: 200))
        #expect(clock.now - started < .milliseconds(200))
        let sizeBytes: [UInt8] = [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24 & 0xFF)]
        let lying = Fixture.patch(bomb, sizeBytes, [100, 0, 0, 0])
        started = clock.now
        #expect(error(lying) == .compressionRatioRefused(maxRatio: 200))
        #expect(clock.now - started < .seconds(3))
    }

    @Test func zipBombWithAFalseSizeIsStoppedWhileInflating() throws {
        let size = 3_000_037
        let sizeBytes: [UInt8] = [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), 0]
        let lying = Fixture.patch(try zeros("word/document.xml", size: size), sizeBytes, [100, 0, 0, 0])
        let limits = InputLimits(maxUncompressedBytes: 1 << 20)
        #expect(error(lying, limits: limits) == .docxTooLarge(limitBytes: 1 << 20))
        // Under the standard limits the ratio stops it while inflating.
        #expect(error(lying) == .compressionRatioRefused(maxRatio: 200))
        // Under a larger limit and no ratio rule the false size itself is caught.
        #expect(error(lying, limits: InputLimits(maxCompressionRatio: 1_000_000)) == .corruptDocx(reason: "压缩数据校验失败"))
    }

    @Test func doctypeAndEntityDeclarationsAreRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\
            <w:document xmlns:w="\(Fixture.wordNamespace)"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """
        #expect(error(try Fixture.zip([("word/document.xml", laughs)])) == .xmlEntityRefused)
        let numbering = "<!ENTITY x SYSTEM \"file:///etc/passwd\">"
        #expect(error(try Fixture.docx(body: Fixture.p("正文"), numbering: numbering)) == .xmlEntityRefused)
        // A comment or CDATA that merely mentions DOCTYPE is fine.
        let body = "<!-- <!DOCTYPE x> --><w:p><w:r><w:t><![CDATA[<!DOCTYPE> & <b>]]></w:t></w:r></w:p>"
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == "<!DOCTYPE> & <b>")
    }

    @Test func truncatedAndIncompletePackages() throws {
        let docx = try Fixture.docx(body: Fixture.p("正文"))
        #expect(error(docx.prefix(docx.count / 2)) == .corruptDocx(reason: "压缩包不完整（缺少目录）"))
        #expect(error(docx.prefix(4)) == .corruptDocx(reason: "压缩包不完整"))
        let noDocument = try Fixture.zip([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")])
        #expect(error(noDocument) == .corruptDocx(reason: "缺少正文部分 word/document.xml"))
        let encrypted = Fixture.patch(docx, [0x50, 0x4B, 0x01, 0x02, 0x15, 0x03, 0x14, 0x00, 0x00, 0x00],
                                      [0x50, 0x4B, 0x01, 0x02, 0x15, 0x03, 0x14, 0x00, 0x01, 0x00])
        if encrypted != docx { #expect(error(encrypted) == .corruptDocx(reason: "文档已加密")) }
    }

    @Test func corruptDeflateDataIsReported() throws {
        var bytes = [UInt8](try Fixture.docx(body: String(repeating: Fixture.p("重点任务"), count: 50)))
        // Damage the compressed data of word/document.xml, just after its local header.
        let name = Array("word/document.xml".utf8)
        let header = try #require((0..<(bytes.count - name.count)).first { bytes[$0..<($0 + name.count)].elementsEqual(name) })
        for i in (header + name.count + 10)..<(header + name.count + 40) { bytes[i] ^= 0x5A }
        let result = error(Data(bytes))
        #expect(result == .corruptDocx(reason: "压缩数据损坏") || result == .corruptDocx(reason: "压缩数据校验失败"))
    }

    /// ZIPFoundation 0.9.20 spins forever on this (a stored block that runs past
    /// the end of the archive); reading it must fail at once.
    @Test func deflateStreamRunningPastTheArchiveEnds() throws {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0] + [UInt8](repeating: 0, count: 8)
        let name = Array("word/document.xml".utf8)
        let compressed: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<w:document".utf8)
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        bytes += le32(compressed.count) + le32(100) + [UInt8(name.count), 0, 0, 0] + name + compressed
        let directory: [UInt8] = [0x50, 0x4B, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            + le32(compressed.count) + le32(100) + [UInt8(name.count), 0] + [UInt8](repeating: 0, count: 12)
            + le32(0) + name
        let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0] + le32(directory.count) + le32(bytes.count) + [0, 0]
        #expect(error(Data(bytes + directory + end)) == .corruptDocx(reason: "压缩数据损坏"))
    }

    @Test func otherZipFormatsAreNamed() throws {
        #expect(error(try Fixture.zip([("a.txt", "hello")])) == .unsupportedFormat(name: "ZIP 压缩包"))
        #expect(error(try Fixture.zip([("xl/workbook.xml", "<workbook/>")])) == .unsupportedFormat(name: "Excel 表格（.xlsx）"))
        #expect(error(try Fixture.zip([("ppt/presentation.xml", "<p/>")])) == .unsupportedFormat(name: "PowerPoint 演示文稿（.pptx）"))
        let odt = try Fixture.zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")],
                                  compression: .none)
        #expect(error(odt) == .unsupportedFormat(name: "OpenDocument 文档（.odt 等）"))
        #expect(error(try Fixture.zip([("OFD.xml", "<ofd:OFD/>")])) == .unsupportedFormat(name: "OFD 版式文档（.ofd）"))
    }

    @Test func tooManyEntries() throws {
        let data = try Fixture.zip((0..<6).map { ("f\($0).xml", "<x/>") })
        #expect(error(data, limits: InputLimits(maxZipEntries: 5)) == .corruptDocx(reason: "压缩包内文件过多（超过 5 个）"))
    }

    @Test func labelsCannotMultiplyTheTextWithoutBound() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Fixture.level(0, format: "chineseCounting", text: "%1%1%1%1%1%1%1%1"))\
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        let body = String(repeating: "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>", count: 2000)
        let data = try Fixture.docx(body: body, numbering: numbering)
        #expect(error(data, limits: InputLimits(maxTextBytes: 50_000)) == .docxTooLarge(limitBytes: 50_000))
        #expect(error(data) == nil)
    }

    @Test func malformedXMLDoesNotCrash() throws {
        let fragments = [
            "<", "<w:p", "<w:p><w:r><w:t>abc", "</w:p></w:p></w:tc></w:tr></w:tbl>", "<w:t>x</w:t>", "<!--", "<![CDATA[",
            "<?", "&#", "&#x", "&#xFFFFFFFFFFFF;", "<w:p a=\"1 b='2' c>t</w:p>", "<w:p =\"\" / / >", "<<<>>>", "<w:tc><w:p/>",
            String(repeating: "<w:tbl><w:tr><w:tc>", count: 20_000) + "<w:p><w:r><w:t>深</w:t></w:r></w:p>",
            String(repeating: "<w:p><w:r><w:txbxContent>", count: 20_000),
            String(repeating: "<mc:Fallback>", count: 20_000) + String(repeating: "</w:p>", count: 30_000),
        ]
        for fragment in fragments {
            let xml = Array("<w:document xmlns:w=\"\(Fixture.wordNamespace)\"><w:body>\(fragment)".utf8)
            _ = try DocxBody.text(xml, numbering: ListNumbering(), maxBytes: 1 << 20)
            _ = try NumberingParser.parse(numbering: xml, styles: xml)
        }
    }

    @Test func randomlyDamagedPackagesNeverCrash() throws {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\">\(Fixture.planLevels)</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        let body = (0..<40).map { Fixture.p("任务\($0)", numId: 1, level: $0 % 4) }.joined()
            + Fixture.table([[Fixture.p("a"), Fixture.p("b")]])
        let good = [UInt8](try Fixture.docx(body: body, numbering: numbering))
        var random = RobustnessRandom(seed: 2024)
        for _ in 0..<300 {
            var bytes = good
            for _ in 0..<(1 + Int(random.next() % 8)) {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = error(Data(bytes))
        }
        for length in [1, 2, 7, 100, 1000] {
            let noise = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = try? Inflate.inflate(noise[...], limit: 1 << 16)
        }
    }
}
