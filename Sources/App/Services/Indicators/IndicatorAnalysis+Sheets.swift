import Foundation
import PlanDomain

/// The indicator page as a workbook: the roll-up table and the month-by-month path.
extension IndicatorAnalysis {
    var sheets: [SheetTable] {
        let unit = definition.unit
        let rollUp = SheetTable(
            name: "下级汇总",
            header: ["地区代码", "地区", "目标（本级，\(unit)）", "目标（下级合计）", "目标（采用）", "实际（本级）", "实际（下级合计）",
                     "实际（采用）", "截至月份", "完成率（%）", "预计全年", "预计完成率（%）", "预测", "提示"],
            rows: rows.map { row in
                var notes: [String] = []
                if let m = row.target.mismatch { notes.append("目标" + m.message) }
                if let m = row.actual.mismatch { notes.append("实际" + m.message) }
                if row.targetsDisagree || row.actualsDisagree { notes.append("来源不一致") }
                if let partial = row.actual.partialNote { notes.append("实际" + partial) }
                return [.text(row.actual.code), .text(String(repeating: "　", count: row.actual.depth) + row.actual.name),
                        Self.cell(row.target.own), Self.cell(row.target.fromChildren), Self.cell(row.target.effective),
                        Self.cell(row.actual.own), Self.cell(row.actual.fromChildren), Self.cell(row.actual.effective),
                        Self.cell(row.actualMonth.map(Double.init)),
                        Self.cell(CompletionRate.of(actual: row.actual.effective, target: row.target.effective).map { $0 * 100 }),
                        Self.cell(row.forecast.projected), Self.cell(row.forecast.attainment.map { $0 * 100 }),
                        .text(row.forecast.status.title), .text(notes.joined(separator: "；"))]
            })
        let target = top.target.effective
        let path = SheetTable(
            name: "逐月",
            header: ["月份", "实际（\(unit)）", "序时应达", "预计全年"],
            rows: (1...12).map { m in
                let monthEnd = CivilDate(year: year, month: m, day: CivilDate.daysIn(month: m, year: year))
                let expected = target.map { Forecaster.expected(target: $0, at: monthEnd, profile: profile, accumulation: accumulation) }
                return [.number(Double(m)), Self.cell(monthly[m - 1]), Self.cell(expected), Self.cell(projected[m - 1])]
            })
        return [rollUp, path]
    }

    private static func cell(_ value: Double?) -> SheetCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }
}
