import Foundation
import PlanText
import Testing
import ZIPFoundation
@testable import PlanDomain

/// Statistics offices' sheets of actual values: the header wherever it is,
/// places and indicators by code or by name, and every bad cell named with its row.
@Suite struct ActualsWorkbookTests {
    @Test func figuresByCodeWithNumbersAsOfficesTypeThem() throws {
        let data = try actualsSheet([
            texts("地区代码", "指标代码", "年份", "月份", "数值", "备注"),
            [.text("421381"), .text("hte.total"), .number(2025), .number(3), .number(120), .empty],
            [.text("421321"), .text("hte.total"), .number(2025), .number(3), .text(" 1,234 "), .text("含新认定")],
            [.text("421303"), .text("tech_contract.turnover"), .number(2025), .number(6), .text("12.5亿元"), .empty],
            [.text("421300"), .text("base.gdp"), .number(2024), .empty, .number(1234.56), .empty],
            [.text("421300"), .text("rd.gdp_share"), .text("2024年"), .text("12"), .text("2.4%"), .empty],
            [.text("421381"), .text("HTE.NEW"), .text("２０２５"), .text("3月"), .text("１２"), .empty],
            [.text("421381000000"), .text("rd.growth"), .number(2025), .number(12), .text("−3.5"), .empty],
        ])
        let result = try readActuals(data)
        #expect(result.problems == [])
        #expect(!result.hasProblems)
        #expect(result.sheet == "Sheet1")
        #expect(result.actuals == [
            ImportedActual(row: 2, jurisdiction: "421381", indicator: "hte.total", year: 2025, month: 3, value: 120),
            ImportedActual(row: 3, jurisdiction: "421321", indicator: "hte.total", year: 2025, month: 3, value: 1234,
                           note: "含新认定"),
            ImportedActual(row: 4, jurisdiction: "421303", indicator: "tech_contract.turnover", year: 2025, month: 6,
                           value: 12.5),
            // 月份 left empty: the year end, as base data are given.
            ImportedActual(row: 5, jurisdiction: "421300", indicator: "base.gdp", year: 2024, month: 12, value: 1234.56),
            ImportedActual(row: 6, jurisdiction: "421300", indicator: "rd.gdp_share", year: 2024, month: 12, value: 2.4),
            ImportedActual(row: 7, jurisdiction: "421381", indicator: "hte.new", year: 2025, month: 3, value: 12),
            // A growth rate may fall; the 12-digit statistical code is the county's.
            ImportedActual(row: 8, jurisdiction: "421381", indicator: "rd.growth", year: 2025, month: 12, value: -3.5),
        ])
    }

    @Test func aTitleAboveTheHeaderAndNamesInsteadOfCodes() throws {
        let data = try actualsSheet([
            texts("2025年一季度各县市区科技创新主要指标完成情况"),
            texts("填报单位：随州市统计局", "", "", "", "单位：家"),
            [],
            texts("地区（名称）", "指标", "年份", "月份", "实际值（家）", "说明"),
            [.text("广水"), .text("高新技术企业总数（家）"), .number(2025), .number(3), .number(120), .text("统计局")],
            [.text(" 随县 "), .text("新增科技创新平台"), .number(2025), .number(3), .number(2), .empty],
            // A code in the name columns (their header may have been 地区（代码）) is taken as a code.
            [.text("421303"), .text("platform.total"), .number(2025), .number(3), .number(31), .empty],
            [],
            texts("注：数据来源于市统计局，截至 3 月末。"),
        ])
        let result = try readActuals(data)
        #expect(result.problems == [])
        #expect(result.actuals.map(\.row) == [5, 6, 7])
        #expect(result.actuals.map(\.jurisdiction) == ["421381", "421321", "421303"])
        #expect(result.actuals.map(\.indicator) == ["hte.total", "platform.new", "platform.total"])
        #expect(result.actuals.map(\.value) == [120, 2, 31])
        #expect(result.actuals[0].note == "统计局")
    }

    @Test func everyBadCellIsNamedWithItsRow() throws {
        let header = texts("地区代码", "地区名称", "指标代码", "指标名称", "年份", "月份", "数值", "备注")
        func row(_ code: String, _ name: String, _ indicator: String, _ indicatorName: String, _ year: SheetCell,
                 _ month: SheetCell, _ value: SheetCell) -> [SheetCell] {
            texts(code, name, indicator, indicatorName) + [year, month, value]
        }
        let y = SheetCell.number(2025), march = SheetCell.number(3)
        let data = try actualsSheet([
            header,
            row("429999", "", "hte.total", "", y, march, .number(10)),                       // 2
            row("", "荆州市", "hte.total", "", y, march, .number(10)),                        // 3
            row("421381", "随县", "hte.total", "", y, march, .number(10)),                    // 4
            row("421381", "", "hte.total", "", y, .number(13), .number(10)),                  // 5
            row("421381", "", "hte.total", "", y, .number(6), .text("约10")),                 // 6
            row("421381", "", "hte.total", "", y, .number(7), .text("-")),                    // 7
            row("421381", "", "tech_contract.turnover", "", y, march, .text("3.5万元")),      // 8
            row("421381", "", "foo.bar", "", .number(25), march, .number(10)),                // 9
            row("421381", "", "hte.total", "", y, march, .number(120)),                       // 10
            row("421381", "广水市", "hte.total", "高新技术企业总数", y, march, .number(121)),   // 11
            row("421381", "", "platform.new", "", y, march, .number(-2)),                     // 12
            row("421381", "", "hte.total", "新增科技创新平台", y, .number(4), .number(1)),      // 13
            row("", "", "hte.total", "", y, march, .number(5)),                               // 14
            row("421381", "", "", "", y, march, .empty),                                      // 15
            row("", "高新区", "hte.total", "", y, march, .number(5)),                          // 16
            row("421381", "", "hte.total", "", y, .text("三月"), .text("12%")),                // 17
            row("421381", "", "tech_contract.turnover", "", y, .number(9), .text("10左右")),  // 18
            row("421381", "", "hte.total", "", y, .number(5), .number(130)),                  // 19
        ])
        let result = try readActuals(data)
        #expect(result.actuals.map(\.row) == [10, 19])
        #expect(result.problems.map(\.message) == [
            "第 2 行：未知地区代码「429999」",
            "第 3 行：未知地区「荆州市」",
            "第 4 行：地区代码「421381」是广水市，与地区名称「随县」不一致",
            "第 5 行：月份「13」应为 1–12 的整数（留空表示年末，即 12 月）",
            "第 6 行：数值「约10」不是确切的数字，请只填写数字",
            "第 7 行：数值「-」不是数字",
            "第 8 行：数值「3.5万元」的单位「万元」与指标单位「亿元」不一致，请换算为亿元后只填写数字",
            "第 9 行：未知指标代码「foo.bar」",
            "第 9 行：年份「25」应为 2000–2100 之间的四位数字",
            "第 11 行：与第 10 行重复：同一地区、指标、年份和月份只能有一个数值，请只保留一行",
            "第 12 行：「新增科技创新平台」不能为负数",
            "第 13 行：指标代码「hte.total」是「高新技术企业总数」，与指标名称「新增科技创新平台」不一致",
            "第 14 行：缺少地区：请填写地区代码或地区名称",
            "第 15 行：缺少指标：请填写指标代码或指标名称",
            "第 15 行：缺少数值",
            "第 16 行：地区名称「高新区」对应多个地区，请填写地区代码",
            "第 17 行：月份「三月」应为 1–12 的整数（留空表示年末，即 12 月）",
            "第 17 行：数值「12%」的单位「%」与指标单位「家」不一致，请换算为家后只填写数字",
            "第 18 行：数值「10左右」不是确切的数字，请只填写数字",
        ])
        #expect(result.problems.first?.row == 2)
        #expect(result.problems.first?.reason == "未知地区代码「429999」")
        #expect(result.hasProblems)
    }

    @Test func aUnitColumnMustBeTheIndicatorsUnit() throws {
        let data = try actualsSheet([
            texts("地区代码", "指标代码", "年份", "数值", "单位"),
            [.text("421381"), .text("tech_contract.turnover"), .number(2025), .number(35000), .text("万元")],
            [.text("421321"), .text("tech_contract.turnover"), .number(2025), .number(3.5), .text("亿元")],
        ])
        let result = try readActuals(data)
        #expect(result.problems.map(\.message) == ["第 2 行：单位「万元」与指标「技术合同成交额/登记额」的单位「亿元」不一致，请换算为亿元"])
        #expect(result.actuals.map(\.value) == [3.5])
    }

    @Test func theTemplateHasTheHeaderAndAnExampleThatCannotBeImported() throws {
        let places = Array(importPlaces.prefix(4))
        let indicators = [definition("hte.total"), definition("hte.new")]
        let data = try ActualsWorkbook.template(year: 2025, places: places, indicators: indicators)
        let book = try WorkbookReader.read(data)
        #expect(book.sheets.map(\.name) == ["实际值", "填写说明", "指标代码", "地区代码"])
        #expect(book.sheets[0].rows == [
            ["地区代码", "地区名称", "指标代码", "指标名称", "年份", "月份", "数值", "备注"],
            ["421300", "随州市", "hte.total", "高新技术企业总数", "2025", "3", "120", "示例行，导入前请删除"],
        ])
        #expect(book.sheets[2].rows.count == 3 && book.sheets[3].rows.count == 5)
        // Sent back untouched: the example is refused, nothing is imported.
        let untouched = try readActuals(data)
        #expect(untouched.actuals == [])
        #expect(untouched.problems.map(\.message) == ["第 2 行：这是模板中的示例行，请删除后再导入"])
        // With no lists given the example uses 广水市 and 高新技术企业总数.
        let plain = try WorkbookReader.read(ActualsWorkbook.template(year: 2026))
        #expect(plain.sheets.map(\.name) == ["实际值", "填写说明"])
        #expect(plain.sheets[0].rows[1].prefix(5) == ["421381", "广水市", "hte.total", "高新技术企业总数", "2026"])
    }

    @Test func anInstructionsSheetBeforeTheTableIsPassedOver() throws {
        let data = try SimpleWorkbook.xlsx([
            SheetTable(name: "说明", header: ["列", "填写要求"], rows: [texts("地区代码", "6 位"), texts("数值", "数字")]),
            SheetTable(name: "数据", header: ["地区名称", "指标代码", "年份", "完成值"],
                       rows: [[.text("随州市"), .text("hte.total"), .number(2025), .number(400)]]),
        ])
        let result = try readActuals(data)
        #expect(result.sheet == "数据")
        #expect(result.actuals == [ImportedActual(row: 2, jurisdiction: "421300", indicator: "hte.total", year: 2025,
                                                  month: 12, value: 400)])
    }

    @Test func problemsBeyondTheLimitAreCounted() throws {
        let rows = (0..<250).map { _ in [SheetCell.text("荆州市"), .text("hte.total"), .number(2025), .number(1)] }
        let result = try readActuals(try actualsSheet([texts("地区", "指标代码", "年份", "数值")] + rows))
        #expect(result.problems.count == ActualsWorkbook.maxProblems)
        #expect(result.unlistedProblems == 50)
        #expect(result.problems.last?.row == 201)
    }

    @Test func aFileWithoutHeaderOrRowsIsRefused() throws {
        let noHeader = try actualsSheet([texts("地区", "数值"), texts("随县", "1")])
        #expect(throws: ActualsImportError.headerNotFound) { try readActuals(noHeader) }
        let noRows = try actualsSheet([texts("标题"), texts("地区代码", "指标代码", "年份", "数值")], name: "表")
        #expect(throws: ActualsImportError.noRows(sheet: "表")) { try readActuals(noRows) }
        #expect(ActualsImportError.headerNotFound.errorDescription?.contains("指标代码或指标名称") == true)
        #expect(ActualsImportError.noRows(sheet: "表").errorDescription == "工作表“表”有表头，但表头下面没有数据。请在表头下逐行填写后再导入。")
    }

    @Test func filesThatAreNotWorkbooksAreRefusedLikeEveryWorkbook() throws {
        let csv = Data("地区代码,指标代码,年份,数值\n421381,hte.total,2025,120\n".utf8)
        let error = ActualsImportError.unreadable(.notWorkbook(name: "文本或其他格式的文件"))
        #expect(throws: error) { try readActuals(csv) }
        #expect(error.errorDescription?.contains("实际值表") == true)
        #expect(throws: ActualsImportError.unreadable(.empty)) { try readActuals(Data()) }

        let entity = try SheetFixture.excel([["地区代码", "指标代码", "年份", "数值"], ["421381", "hte.total", "2025", "&a;"]],
                                            prolog: #"<!DOCTYPE x [<!ENTITY a "1">]>"#)
        do {
            _ = try readActuals(entity)
            Issue.record("an XML entity was read")
        } catch {
            guard case .unreadable(.corruptWorkbook(let reason))? = error as? ActualsImportError else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.contains("DOCTYPE"))
        }
    }

    @Test func aZipBombIsRefused() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size = 110 << 20
        let chunk = Data(count: 1 << 20)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        let bomb = try #require(archive.data)
        #expect(throws: ActualsImportError.unreadable(.compressionRatioRefused(maxRatio: 200))) { try readActuals(bomb) }
    }
}
