import Foundation
import PlanText
import Testing
@testable import PlanDomain

/// Wrong or hostile files given as a task breakdown table: a clear error, no crash.
@Suite struct BreakdownErrorTests {
    func failure(_ data: Data) -> Error? {
        do {
            _ = try BreakdownWorkbook.read(data)
            return nil
        } catch {
            return error
        }
    }

    @Test func noHeaderNamesTheColumnsExpected() throws {
        let data = try SheetFixture.excel([["甲", "乙"], ["1", "2"]], sheetName: "数据")
        #expect(failure(data) as? BreakdownError == .headerNotFound(sheet: "数据"))
        let message = BreakdownError.headerNotFound(sheet: "数据").errorDescription ?? ""
        for column in ["任务", "牵头单位", "完成时限"] { #expect(message.contains(column)) }
    }

    @Test func headerBelowTheTenthRowIsNotFound() throws {
        let rows = Array(repeating: ["说明"], count: 10) + [["序号", "任务"], ["1", "x"]]
        #expect(failure(try SheetFixture.excel(rows)) as? BreakdownError == .headerNotFound(sheet: "Sheet1"))
    }

    @Test func duplicateNumbersAreNamedWithTheirRow() throws {
        let data = try SheetFixture.excel([["序号", "任务"], ["一/1", "甲"], ["一/1", "乙"]])
        #expect(failure(data) as? BreakdownError == .duplicateNumber("一/1", row: 3))
    }

    @Test func emptySheetAndHeaderWithoutTasks() throws {
        #expect(failure(try SheetFixture.excel([[]])) as? BreakdownError == .emptySheet(name: "Sheet1"))
        #expect(failure(try SheetFixture.excel([["序号", "任务"]])) as? BreakdownError == .noRows(sheet: "Sheet1"))
    }

    @Test func hostileFilesAreWorkbookErrors() throws {
        let good = try BreakdownWorkbook.xlsx(BreakdownTable(title: "T", rows: [BreakdownRow(number: "1", task: "x")]))
        for length in stride(from: 4, to: good.count, by: 97) {
            #expect(failure(good.prefix(length)) is PlanTextError, "prefix \(length)")
        }
        let docx = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/lo-plan.docx"))
        #expect(failure(docx) as? PlanTextError == .notWorkbook(name: "Word 文档（.docx）"))
        let tooFar = try SheetFixture.excel([["序号", "任务"], ["1", "x"], ["2", "y"]],
                                            rowNumber: { $0 == 2 ? 200_000 : $0 + 1 })
        #expect(failure(tooFar) as? PlanTextError == .sheetTooLarge(maxRows: 100_000, maxColumns: 200))
    }

    @Test func messagesAreChineseAndSayWhatToDo() {
        let all: [BreakdownError] = [.noSheets, .emptySheet(name: "S"), .headerNotFound(sheet: "S"), .noRows(sheet: "S"),
                                     .duplicateNumber("1", row: 3)]
        for error in all { #expect((error.errorDescription ?? "").contains("请")) }
    }
}
