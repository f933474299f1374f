import Foundation
import PlanText
import Testing
@testable import PlanDomain

@Suite struct BreakdownWorkbookTests {
    @Test func sheetLayoutAsAReaderSeesIt() throws {
        let table = BreakdownTable(title: "某市要点", issuers: ["某市科技局", "某市财政局"], jurisdiction: "某市", year: 2024,
                                   rows: [BreakdownRow(number: "一", task: "主体", isTask: false),
                                          BreakdownRow(number: "一/1", task: "高企", leadUnits: ["甲", "乙"],
                                                       targets: ["新增20家", "达到30家"], deadline: "6月底")])
        let book = try WorkbookReader.read(try BreakdownWorkbook.xlsx(table))
        #expect(book.sheets.map(\.name) == ["任务分解表", "计划信息"])
        #expect(book.sheets[0].rows == [
            ["某市要点 任务分解表"],
            ["序号", "任务", "牵头单位", "责任单位", "配合单位", "分管领导", "目标", "完成时限"],
            ["一", "主体"],
            ["一/1", "高企", "甲、乙", "", "", "", "新增20家\n达到30家", "6月底"],
        ])
        #expect(book.sheets[1].rows == [
            ["项目", "内容"], ["标题", "某市要点"], ["发文单位", "某市科技局、某市财政局"], ["行政区划", "某市"],
            ["年度", "2024"], ["文号"], ["发文日期"],
        ])
    }

    @Test func markupAndForbiddenCharactersInText() throws {
        let raw = BreakdownTable(title: "A&B <计划> \"要点\"", rows: [
            BreakdownRow(number: "1", task: "x < y & z\u{01}\u{0B}>", leadUnits: ["R&D中心"], targets: ["比例>5%"]),
        ])
        let data = try BreakdownWorkbook.xlsx(raw)
        let read = try BreakdownWorkbook.read(data)
        #expect(read.title == raw.title)
        #expect(read.rows[0].task == "x < y & z>")
        #expect(read.rows[0].leadUnits == ["R&D中心"])
        #expect(read.rows[0].targets == ["比例>5%"])
        #expect(SpreadsheetXML.escape("a\u{0}b\u{1F}c\tc\u{FFFE}") == "abc\tc")
    }

    @Test func sameTableSameBytes() throws {
        let table = BreakdownTable(title: "T", rows: [BreakdownRow(number: "1", task: "任务")])
        #expect(try BreakdownWorkbook.xlsx(table) == BreakdownWorkbook.xlsx(table))
    }

    @Test func columnLetters() {
        #expect(["A", "H", "Z", "AA", "AZ", "BA"] == [0, 7, 25, 26, 51, 52].map(SpreadsheetXML.column))
    }
}
