import Foundation
import PlanText

/// A scheme as the .xlsx an office keeps it in (序号, 考评项目, 类别, 指标代码,
/// 分值, 计分方法, 参数, 说明), read and written, so a province's own scheme is
/// loaded as it is printed and can be handed back for editing.
public enum EvaluationSchemeWorkbook {
    /// Problems listed at most; more are only counted.
    public static let maxProblems = 200
    static let sheetName = "考评方案"
    static let infoSheetName = "方案信息"
    static let nameLabel = "方案名称"

    /// The scheme on the first sheet whose first ten rows hold a header (a
    /// title above it is fine and names the scheme; columns in any order, named
    /// as offices name them; extra columns ignored; group headings, 合计 rows
    /// and footnotes passed over).
    ///
    /// An indicator code is checked against `indicators` (pass the office's
    /// definitions), which also gives an item without a 单位 its unit; the
    /// catalogue name of an indicator is accepted for its code.
    ///
    /// The scheme's name is the title above the header, else the 方案名称 on a
    /// sheet 方案信息 (as `xlsx` writes it), else the sheet's name.
    public static func read(_ data: Data, indicators: [IndicatorDefinition] = IndicatorDefaults.all)
        throws(EvaluationSchemeImportError) -> EvaluationScheme {
        let workbook: Workbook
        do {
            workbook = try WorkbookReader.read(data)
        } catch {
            throw .unreadable(error)
        }
        for sheet in workbook.sheets {
            guard let header = SheetHeader.find(in: sheet, column: SchemeColumn.named,
                                                isHeader: SchemeColumn.isHeader) else { continue }
            let reader = SchemeSheetReader(columns: header.columns, indicators: indicators, maxProblems: maxProblems)
            let result = reader.read(sheet, headerRow: header.row)
            guard result.problems.isEmpty, result.unlistedProblems == 0 else {
                throw .badRows(result.problems, unlisted: result.unlistedProblems)
            }
            guard !result.items.isEmpty else { throw .noRows(sheet: sheet.name) }
            let name = title(sheet, above: header.row) ?? infoName(workbook) ?? sheet.name
            return EvaluationScheme(name: name, items: result.items)
        }
        throw .headerNotFound
    }

    /// The scheme as a workbook `read` reads back equal: sheet 考评方案 (one row
    /// per item, the header frozen), 方案信息 (its name) and 填写说明 (the
    /// columns, rules and parameters, for the office editing it).
    public static func xlsx(_ scheme: EvaluationScheme) throws -> Data {
        let rows: [[SheetCell]] = scheme.items.map { item in
            var isTask = false
            var code = ""
            switch item.source {
            case .indicator(let indicator): code = indicator
            case .taskGroup(let key): code = key; isTask = true
            case .manual: break
            }
            let points: SheetCell = item.rule.adjustment != nil && item.points == 0 ? .empty : .number(item.points)
            return [.text(item.key), .text(item.name), .text(SchemeWords.Category.title(item.source)), .text(code),
                    .text(item.unit), points, .text(item.rule.title),
                    .text(RuleParameters.text(item.rule, isTask: isTask)), .text(item.note)]
        }
        return try SimpleWorkbook.xlsx([
            SheetTable(name: sheetName, header: SchemeColumn.allCases.map(\.title), rows: rows,
                       columnWidths: [6, 36, 8, 26, 8, 8, 24, 26, 36]),
            SheetTable(name: infoSheetName, header: ["项目", "内容"],
                       rows: [[.text(nameLabel), .text(scheme.name)],
                              [.text("基本分合计"), .number(scheme.basePoints)]],
                       columnWidths: [12, 60]),
            SheetTable(name: "填写说明", header: ["列", "填写要求"], rows: SchemeInstructions.rows.map { [.text($0), .text($1)] },
                       columnWidths: [12, 100]),
        ])
    }

    /// The first text above the header: the scheme's title.
    private static func title(_ sheet: Sheet, above headerRow: Int) -> String? {
        for cells in sheet.rows.prefix(headerRow) {
            if let text = cells.lazy.map(CellText.line).first(where: { !$0.isEmpty }) { return text }
        }
        return nil
    }

    private static func infoName(_ workbook: Workbook) -> String? {
        guard let sheet = workbook.sheet(named: infoSheetName) else { return nil }
        for cells in sheet.rows where cells.count >= 2 && SheetHeader.normalized(cells[0]) == nameLabel {
            return CellText.optional(cells[1])
        }
        return nil
    }
}
