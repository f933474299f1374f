import Foundation
import Testing
import ZIPFoundation
@testable import PlanText

/// Hostile or wrong files given as a workbook: each gives a clear error,
/// quickly, never a crash or a hang.
@Suite struct WorkbookSafetyTests {
    func error(_ data: Data, sheetLimits: SheetLimits = .standard) -> PlanTextError? {
        do {
            _ = try WorkbookReader.read(data, limits: .standard, sheetLimits: sheetLimits)
            return nil
        } catch {
            return error
        }
    }

    func oneCell(_ reference: String) throws -> Data {
        try Fixture.xlsx(sheets: [("S", #"<row><c r="\#(reference)"><v>1</v></c></row>"#)])
    }

    @Test func everyTruncationIsACorruptWorkbook() throws {
        let whole = try Fixture.xlsx(sheets: [("S", #"<row r="1"><c r="A1"><v>1</v></c></row>"#)], sharedStrings: ["<si><t>x</t></si>"])
        for length in stride(from: 4, to: whole.count, by: 7) {
            let got = error(whole.prefix(length))
            guard case .corruptWorkbook = got else {
                Issue.record("prefix of \(length) bytes gave \(String(describing: got))")
                continue
            }
        }
    }

    @Test func zipBombIsRefusedQuickly() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size = 110 << 20
        let chunk = Data(count: 1 << 20)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        let bomb = try #require(archive.data)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(error(bomb) == .compressionRatioRefused(maxRatio: 200))
        #expect(clock.now - started < .seconds(2))
    }

    @Test func doctypeInASheetIsRefused() throws {
        let data = try Fixture.xlsx(sheets: [("S", #"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><row><c t="inlineStr"><is><t>&a;</t></is></c></row>"#)])
        guard case .corruptWorkbook(let reason) = error(data) else {
            Issue.record("DOCTYPE was not refused")
            return
        }
        #expect(reason.contains("DOCTYPE"))
    }

    @Test func otherFilesAreNamed() throws {
        let docx = try Fixture.docx(body: "<w:p><w:r><w:t>一、任务</w:t></w:r></w:p>")
        #expect(error(docx) == .notWorkbook(name: "Word 文档（.docx）"))
        #expect(error(Data("序号,任务\n1,x\n".utf8)) == .notWorkbook(name: "文本或其他格式的文件"))
        #expect(error(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array("W\0o\0r\0k\0b\0o\0o\0k\0".utf8)))
            == .notWorkbook(name: "Excel 97-2003 表格（.xls）"))
        #expect(error(try Fixture.zip([("a.txt", "x")])) == .notWorkbook(name: "ZIP 压缩包"))
        #expect(error(Data()) == .empty)
    }

    @Test func cellsFarOutAreRefusedButEmptyFormattedRowsAreNot() throws {
        let limit = PlanTextError.sheetTooLarge(maxRows: 100_000, maxColumns: 200)
        #expect(error(try oneCell("A100001")) == limit)
        #expect(error(try oneCell("GS1")) == limit)
        #expect(error(try oneCell("XFD1048576")) == limit)
        #expect(error(try oneCell("A100000")) == nil)
        let formatted = try Fixture.xlsx(sheets: [("S", #"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="1048576" ht="15"/>"#)])
        #expect(try WorkbookReader.read(formatted).sheets[0].rows == [["1"]])
    }

    @Test func gapsCannotMultiplyIntoMillionsOfCells() throws {
        var rows = ""
        for r in 1...2_000 { rows += #"<row r="\#(r)"><c r="GR\#(r)"><v>1</v></c></row>"# }
        let data = try Fixture.xlsx(sheets: [("S", rows)])
        #expect(error(data, sheetLimits: SheetLimits(maxCells: 100_000)) == .sheetTooLarge(maxRows: 100_000, maxColumns: 200))
        #expect(try WorkbookReader.read(data).sheets[0].rows.count == 2_000)
    }

    @Test func aSharedStringThatIsNotThereIsCorrupt() throws {
        let data = try Fixture.xlsx(sheets: [("S", #"<row><c r="A1" t="s"><v>7</v></c></row>"#)], sharedStrings: ["<si><t>x</t></si>"])
        #expect(error(data) == .corruptWorkbook(reason: "单元格引用的共享字符串不存在"))
    }

    @Test func messagesSayWhatToDo() {
        for error in [PlanTextError.notWorkbook(name: "Word 文档（.docx）"), .corruptWorkbook(reason: "x"),
                      .workbookTooLarge(limitBytes: 64 << 20), .sheetTooLarge(maxRows: 1, maxColumns: 1)] {
            let message = error.errorDescription ?? ""
            #expect(message.contains("请"))
            #expect(message.contains(".xlsx") || message.contains("工作表"))
        }
    }
}
