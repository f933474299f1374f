import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlanText

@Suite struct DocumentDecoderTests {
    let sample = "关于印发《2024年科技工作要点》的通知\n一、总体要求\n（一）加强组织领导。"

    @Test func utf8WithoutBOM() throws {
        let decoded = try DocumentDecoder.decode(Data(sample.utf8))
        #expect(decoded == DecodedDocument(text: sample, format: .text, encoding: "utf-8"))
    }

    @Test func utf8BOMIsStripped() throws {
        let decoded = try DocumentDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array(sample.utf8)))
        #expect(decoded.text == sample)
        #expect(decoded.text.unicodeScalars.first != "\u{FEFF}")
        #expect(decoded.encoding == "utf-8")
    }

    @Test func utf16LittleAndBigEndianWithBOM() throws {
        let little: [UInt8] = [0xFF, 0xFE] + Fixture.utf16(sample, bigEndian: false)
        let big: [UInt8] = [0xFE, 0xFF] + Fixture.utf16(sample, bigEndian: true)
        #expect(try DocumentDecoder.decode(Data(little)) == DecodedDocument(text: sample, format: .text, encoding: "utf-16le"))
        #expect(try DocumentDecoder.decode(Data(big)) == DecodedDocument(text: sample, format: .text, encoding: "utf-16be"))
    }

    @Test func gb18030() throws {
        // "随州市2024年科技工作要点" in GB18030, then CRLF and U+0080 (a four-byte sequence).
        let bytes: [UInt8] = [0xCB, 0xE6, 0xD6, 0xDD, 0xCA, 0xD0, 0x32, 0x30, 0x32, 0x34, 0xC4, 0xEA, 0xBF, 0xC6,
                              0xBC, 0xBC, 0xB9, 0xA4, 0xD7, 0xF7, 0xD2, 0xAA, 0xB5, 0xE3, 0x0D, 0x0A,
                              0x81, 0x30, 0x81, 0x30, 0xA2, 0xE3]
        let decoded = try DocumentDecoder.decode(Data(bytes))
        #expect(decoded == DecodedDocument(text: "随州市2024年科技工作要点\n\u{80}€", format: .text, encoding: "gb18030"))
    }

    @Test func gb18030TextMadeWithIconv() throws {
        let text = String(repeating: "湖北省科学技术厅关于做好科技创新工作的通知。\n", count: 200)
        let gb = try #require(GB18030Encoder.encode(text))
        #expect(gb.count < Array(text.utf8).count)
        #expect(try DocumentDecoder.decode(Data(gb)) == DecodedDocument(text: text, format: .text, encoding: "gb18030"))
    }

    @Test func lineEndsAreNormalised() throws {
        let decoded = try DocumentDecoder.decode(Data("一、总体要求\r\n（一）加强\r二、重点任务\n".utf8))
        #expect(decoded.text == "一、总体要求\n（一）加强\n二、重点任务\n")
        let utf16: [UInt8] = [0xFF, 0xFE] + Fixture.utf16("甲\r\n乙\r丙", bigEndian: false)
        #expect(try DocumentDecoder.decode(Data(utf16)).text == "甲\n乙\n丙")
    }

    @Test func mostlyUTF8WithATruncatedLastCharacterStaysUTF8() throws {
        let bytes = Array(String(repeating: "科技创新", count: 50).utf8) + [0xE7, 0xA7]
        let decoded = try DocumentDecoder.decode(Data(bytes))
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.text.hasPrefix("科技创新科技创新"))
        #expect(decoded.text.hasSuffix("\u{FFFD}"))
    }

    @Test func emptyAndBlankInputs() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array(" \n\t\u{3000}\r\n".utf8), [0xFF, 0xFE, 0x20, 0x00]] {
            #expect(throws: PlanTextError.empty) { try DocumentDecoder.decode(Data(bytes)) }
        }
    }

    @Test func binaryIsRefused() {
        #expect(throws: PlanTextError.unknownFormat) { try DocumentDecoder.decode(Data("abc\0def".utf8)) }
        let controls = (0..<200).map { UInt8(1 + $0 % 7) }
        #expect(throws: PlanTextError.unknownFormat) { try DocumentDecoder.decode(Data(controls)) }
        // Invalid in both UTF-8 and GB18030: lone 0x80 and 0xFF bytes.
        let garbage = [UInt8](repeating: 0x80, count: 100) + [UInt8](repeating: 0xFF, count: 100)
        #expect(throws: PlanTextError.unknownFormat) { try DocumentDecoder.decode(Data(garbage)) }
    }

    @Test func inputOverTheLimitIsRefused() {
        let limits = InputLimits(maxInputBytes: 1000)
        #expect(throws: PlanTextError.inputTooLarge(limitBytes: 1000)) {
            try DocumentDecoder.decode(Data(repeating: 0x41, count: 1001), limits: limits)
        }
        #expect(InputLimits.standard.maxInputBytes == 64 << 20)
    }

    @Test func knownBinaryFormatsAreNamed() {
        func name(_ bytes: [UInt8]) -> String? {
            do {
                _ = try DocumentDecoder.decode(Data(bytes + [UInt8](repeating: 0, count: 64)))
                return nil
            } catch {
                if case .unsupportedFormat(let name) = error { return name }
                return "\(error)"
            }
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let wordStream = Fixture.utf16("WordDocument", bigEndian: false)
        #expect(name(ole + [UInt8](repeating: 0, count: 100) + wordStream) == "Word 97-2003 文档（.doc）或 WPS 文档（.wps）")
        #expect(name(ole) == "Word 97-2003 文档（.doc）或 WPS 文档（.wps）")
        #expect(name(Array("%PDF-1.7\n".utf8)) == "PDF 文档")
        #expect(name([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == "图片（PNG）")
        #expect(name([0xFF, 0xD8, 0xFF, 0xE0]) == "图片（JPEG）")
        #expect(name(Array("GIF89a".utf8)) == "图片（GIF）")
        #expect(name(Array("{\\rtf1\\ansi".utf8)) == "RTF 文档")
        #expect(name(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == "图片（WebP）")
    }

    @Test func textStartingLikeABitmapIsStillText() throws {
        #expect(try DocumentDecoder.decode(Data("BM 科技局工作要点".utf8)).text == "BM 科技局工作要点")
    }

    @Test func htmlIsDecodedAsText() throws {
        let html = "<html><body><p>一、总体要求</p></body></html>"
        #expect(try DocumentDecoder.decode(Data(html.utf8)).text == html)
    }

    @Test func largeUTF8TextDecodes() throws {
        let line = "（一）加强基础研究，推动科技成果转化，完善科技创新体系。\r\n"
        let text = String(repeating: line, count: 10_000_000 / line.utf8.count)
        let decoded = try DocumentDecoder.decode(Data(text.utf8))
        #expect(decoded.text.utf8.count == text.utf8.count - 10_000_000 / line.utf8.count)
        #expect(!decoded.text.contains("\r"))
    }
}

/// UTF-8 → GB18030 through the C library's iconv, for making test input.
enum GB18030Encoder {
    static func encode(_ text: String) -> [UInt8]? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let left: Int? = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count, outLeft = outRaw.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outLeft
            }
        }
        guard let left else { return nil }
        return Array(output.dropLast(left))
    }
}
