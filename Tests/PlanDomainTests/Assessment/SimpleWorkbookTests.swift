import Foundation
import PlanText
import Testing
import ZIPFoundation
@testable import PlanDomain

/// The generic export workbook (the assessment ranking and the comparison
/// tables are written with it), read back with PlanText's own xlsx reader.
@Suite struct SimpleWorkbookTests {
    let ranking = SheetTable(
        name: "考核排名",
        header: ["排名", "单位", "得分", "备注"],
        rows: [
            [.number(1), .text("市科技局 & 市经信局"), .number(88.5), .text("<已审定>")],
            [.number(3), .text("随县"), .number(86), .empty],
            [.number(.nan), .text("第一行\n第二行\u{1}"), .number(1e-05), .text("")],
        ])
    let comparison = SheetTable(
        name: "比较:2025/随州[市]",
        header: ["行政区划", "研发经费投入占GDP比重（%）"],
        rows: [[.text("随州市"), .number(1.6666666666666667)]],
        columnWidths: [20])

    @Test func twoSheetsReadBackWithTextAndNumbers() throws {
        let book = try WorkbookReader.read(try SimpleWorkbook.xlsx([ranking, comparison]))
        #expect(book.sheets.map(\.name) == ["考核排名", "比较_2025_随州_市_"])
        #expect(book.sheets[0].rows == [
            ["排名", "单位", "得分", "备注"],
            ["1", "市科技局 & 市经信局", "88.5", "<已审定>"],
            ["3", "随县", "86"],
            ["", "第一行\n第二行", "1e-05"],
        ])
        #expect(book.sheets[1].rows == [["行政区划", "研发经费投入占GDP比重（%）"], ["随州市", "1.6666666666666667"]])
    }

    @Test func theHeaderRowIsBoldAndFrozen() throws {
        let sheet = try part("xl/worksheets/sheet1.xml", of: SimpleWorkbook.xlsx([ranking]))
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr">"#))
        #expect(sheet.contains(#"<c r="C2"><v>88.5</v></c>"#))
        let styles = try part("xl/styles.xml", of: SimpleWorkbook.xlsx([ranking]))
        #expect(styles.contains("<font><b/>"))
    }

    @Test func sheetNamesAreShortenedAndMadeUnique() throws {
        let long = String(repeating: "长", count: 40)
        let tables = [long, long, "Sheet", "sheet", "", "'引号'"].map { SheetTable(name: $0, header: ["列"], rows: []) }
        let names = try WorkbookReader.read(try SimpleWorkbook.xlsx(tables)).sheets.map(\.name)
        #expect(names == [String(repeating: "长", count: 31), String(repeating: "长", count: 28) + "(2)",
                          "Sheet", "sheet(2)", "表5", "引号"])
    }

    @Test func anEmptyListStillMakesAWorkbook() throws {
        let book = try WorkbookReader.read(try SimpleWorkbook.xlsx([]))
        #expect(book.sheets.count == 1)
    }

    @Test func theSameTablesGiveTheSameBytes() throws {
        #expect(try SimpleWorkbook.xlsx([ranking, comparison]) == SimpleWorkbook.xlsx([ranking, comparison]))
    }

    private func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
