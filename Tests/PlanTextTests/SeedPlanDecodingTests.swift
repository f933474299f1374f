import Foundation
import Testing
import ZIPFoundation
@testable import PlanText

/// The seed plans (real plan texts) through every input route: UTF-8, GB18030,
/// UTF-16 and .docx must all give the same text.
@Suite struct SeedPlanDecodingTests {
    static let plans: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds/plans")
        let files = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }()

    @Test func seedPlansExist() {
        #expect(Self.plans.count >= 5)
    }

    @Test(arguments: plans)
    func sameTextThroughEveryEncoding(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        let utf8 = try DocumentDecoder.decode(data)
        #expect(utf8.encoding == "utf-8")
        let expected = utf8.text
        #expect(!expected.contains("\r"))

        let gb = try #require(GB18030Encoder.encode(expected.replacingOccurrences(of: "\n", with: "\r\n")))
        let fromGB = try DocumentDecoder.decode(Data(gb))
        #expect(fromGB.encoding == "gb18030")
        #expect(fromGB.text == expected)

        let utf16 = try DocumentDecoder.decode(Data([0xFF, 0xFE] + Fixture.utf16(expected, bigEndian: false)))
        #expect(utf16.text == expected)
    }

    @Test(arguments: plans)
    func docxOfTheSeedGivesItsLines(_ url: URL) throws {
        let text = try DocumentDecoder.decode(try Data(contentsOf: url)).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let escaped = lines.map {
            $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let docx = try Fixture.docx(body: escaped.map { Fixture.p($0) }.joined())
        let decoded = try DocumentDecoder.decode(docx)
        #expect(decoded.format == .docx)
        #expect(decoded.text == lines.joined(separator: "\n"))
    }
}
