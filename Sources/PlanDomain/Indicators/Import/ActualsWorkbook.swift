import Foundation
import PlanText

/// Actual values of indicators from an .xlsx a statistics office fills in:
/// one row per figure (地区代码/地区名称, 指标代码/指标名称, 年份, 月份, 数值, 备注),
/// and the template for it (下载模板).
public enum ActualsWorkbook {
    /// Problems listed at most; more are only counted (`ActualsImport.unlistedProblems`).
    public static let maxProblems = 200
    /// The template's example row carries this note, so that a sheet sent back
    /// with the example still in it is refused instead of importing made-up figures.
    public static let exampleNote = "示例行，导入前请删除"
    public static let sheetName = "实际值"

    /// The figures of the first sheet whose first ten rows hold a header (a title
    /// above it is fine; columns in any order, extra columns ignored).
    ///
    /// Places and indicators are resolved against `places` and `indicators`:
    /// pass only the places the office may give figures for. A place is found
    /// by its GB/T 2260 code (or the 12-digit statistical code of it) or by
    /// its name, also without 市/县/区 when that fits only one; an indicator by
    /// its code or by its name (a unit in brackets after it is ignored). When
    /// both code and name are given they must agree.
    ///
    /// - Throws: `ActualsImportError` when the file is not a readable .xlsx (the
    ///   same checks as every workbook sciplan reads: size, zip bombs, XML
    ///   entities), has no header, or has no rows under it.
    public static func read(_ data: Data, places: [JurisdictionNode],
                            indicators: [IndicatorDefinition]) throws(ActualsImportError) -> ActualsImport {
        let workbook: Workbook
        do {
            workbook = try WorkbookReader.read(data)
        } catch {
            throw .unreadable(error)
        }
        for sheet in workbook.sheets {
            guard let header = SheetHeader.find(in: sheet, column: ActualsColumn.named,
                                                isHeader: ActualsColumn.isHeader) else { continue }
            let reader = ActualsSheetReader(directory: ActualsDirectory(places: places, indicators: indicators),
                                            columns: header.columns, maxProblems: maxProblems)
            let result = reader.read(sheet, headerRow: header.row)
            guard !result.actuals.isEmpty || result.hasProblems else { throw .noRows(sheet: sheet.name) }
            return result
        }
        throw .headerNotFound
    }

    /// The workbook behind 下载模板: sheet 实际值 with the header and one example
    /// row (the first of `places` and `indicators`, or 广水市 and 高新技术企业总数),
    /// sheet 填写说明, and when given the lists 指标代码 and 地区代码 to copy from.
    public static func template(year: Int, places: [JurisdictionNode] = [],
                                indicators: [IndicatorDefinition] = []) throws -> Data {
        let place = places.first ?? JurisdictionNode(code: "421381", name: "广水市")
        let indicator = indicators.first
            ?? IndicatorDefinition(code: "hte.total", name: "高新技术企业总数", unit: "家", kind: .count)
        let columns = ActualsColumn.allCases.filter { $0.title != nil }
        let example: [SheetCell] = columns.map { column in
            switch column {
            case .placeCode: .text(place.code)
            case .placeName: .text(place.name)
            case .indicatorCode: .text(indicator.code)
            case .indicatorName: .text(indicator.name)
            case .year: .number(Double(year))
            case .month: .number(3)
            case .value: .number(120)
            case .note: .text(exampleNote)
            case .unit: .empty
            }
        }
        var sheets = [
            SheetTable(name: sheetName, header: columns.compactMap(\.title), rows: [example],
                       columnWidths: [12, 14, 22, 26, 8, 8, 12, 24]),
            SheetTable(name: "填写说明", header: ["列", "填写要求"], rows: instructions.map { [.text($0), .text($1)] },
                       columnWidths: [12, 90]),
        ]
        if !indicators.isEmpty {
            sheets.append(SheetTable(name: "指标代码", header: ["指标代码", "指标名称", "单位"],
                                     rows: indicators.map { [.text($0.code), .text($0.name), .text($0.unit)] }))
        }
        if !places.isEmpty {
            sheets.append(SheetTable(name: "地区代码", header: ["地区代码", "地区名称"],
                                     rows: places.map { [.text($0.code), .text($0.name)] }))
        }
        return try SimpleWorkbook.xlsx(sheets)
    }

    private static let instructions: [(String, String)] = [
        ("地区代码", "行政区划代码（GB/T 2260，6 位，如 421381）。可只填地区名称；两者都填时须一致。"),
        ("地区名称", "如 广水市，也可写 广水。"),
        ("指标代码", "见“指标代码”表，如 hte.total。可只填指标名称；两者都填时须一致。"),
        ("指标名称", "与“指标代码”表中的名称一致，如 高新技术企业总数。"),
        ("年份", "4 位数字，如 2025。"),
        ("月份", "1–12，数值为截至该月末的数；留空表示年末（12 月），基础数据按年填写时留空即可。"),
        ("数值", "只填数字，按指标的单位（家、亿元、% 等）；新增类指标填年初至该月末的累计数，总数类指标填该月末的总数。"
            + "不能填“约10”“-”等。"),
        ("备注", "可不填，最多 200 字。"),
        ("其他", "每个地区、指标、年份、月份只填一行。第 2 行是示例，导入前请删除。有任何一行不合格时整个文件都不导入，"
            + "请按提示改正后重新导入。"),
    ]
}
