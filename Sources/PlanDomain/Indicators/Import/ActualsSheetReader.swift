import PlanText

/// The rows under the header of a sheet of actual values, each read into a
/// figure or into the reasons it cannot be one.
struct ActualsSheetReader {
    let directory: ActualsDirectory
    let columns: [ActualsColumn: Int]
    let maxProblems: Int

    private struct Key: Hashable {
        var place: String
        var indicator: String
        var year: Int
        var month: Int
    }

    /// The columns that make a row a figure; a row with none of them (only a
    /// note, or nothing) is not one and is passed over.
    private static let figureColumns: [ActualsColumn] =
        [.placeCode, .placeName, .indicatorCode, .indicatorName, .year, .month, .value]

    /// A line under the table with one cell of this kind explains it (注：数据来源于…).
    private static let footnoteStarts = ["注", "说明", "备注", "填表", "数据来源", "资料来源"]

    func read(_ sheet: Sheet, headerRow: Int) -> ActualsImport {
        var result = ActualsImport(sheet: sheet.name, actuals: [], problems: [])
        var seen: [Key: Int] = [:]
        for (index, cells) in sheet.rows.enumerated().dropFirst(headerRow + 1) {
            let row = index + 1
            func cell(_ column: ActualsColumn) -> String {
                guard let k = columns[column], k < cells.count else { return "" }
                return CellText.line(cells[k])
            }
            guard Self.figureColumns.contains(where: { !cell($0).isEmpty }), !Self.isFootnote(cells) else { continue }
            var reasons: [String] = []
            defer {
                for reason in reasons {
                    if result.problems.count < maxProblems {
                        result.problems.append(ImportProblem(row: row, reason: reason))
                    } else {
                        result.unlistedProblems += 1
                    }
                }
            }
            let note = cell(.note)
            if note == ActualsWorkbook.exampleNote {
                reasons.append("这是模板中的示例行，请删除后再导入")
                continue
            }
            let place = self.place(code: cell(.placeCode), name: cell(.placeName), reasons: &reasons)
            let indicator = self.indicator(code: cell(.indicatorCode), name: cell(.indicatorName), reasons: &reasons)
            let year = FigureText.year(cell(.year))
            if year == nil {
                reasons.append(cell(.year).isEmpty ? "缺少年份" : "年份\(FigureText.quoted(cell(.year)))应为 2000–2100 之间的四位数字")
            }
            let month = cell(.month).isEmpty ? 12 : FigureText.month(cell(.month))
            if month == nil {
                reasons.append("月份\(FigureText.quoted(cell(.month)))应为 1–12 的整数（留空表示年末，即 12 月）")
            }
            let value = self.value(cell(.value), unit: cell(.unit), indicator: indicator, reasons: &reasons)
            if note.count > 200 { reasons.append("备注不能超过 200 字") }

            guard reasons.isEmpty, let place, let indicator, let year, let month, let value else { continue }
            let key = Key(place: place.code, indicator: indicator.code, year: year, month: month)
            if let first = seen[key] {
                reasons.append("与第 \(first) 行重复：同一地区、指标、年份和月份只能有一个数值，请只保留一行")
                continue
            }
            seen[key] = row
            result.actuals.append(ImportedActual(row: row, jurisdiction: place.code, indicator: indicator.code,
                                                 year: year, month: month, value: value, note: note))
        }
        return result
    }

    /// By code when there is one (the name, if given too, must agree), else by name.
    private func place(code: String, name: String, reasons: inout [String]) -> JurisdictionNode? {
        if !code.isEmpty {
            guard let node = directory.place(code: code) else {
                reasons.append("未知地区代码\(FigureText.quoted(code))")
                return nil
            }
            if !name.isEmpty, !directory.names(node, name) {
                reasons.append("地区代码\(FigureText.quoted(code))是\(node.name)，与地区名称\(FigureText.quoted(name))不一致")
                return nil
            }
            return node
        }
        guard !name.isEmpty else {
            reasons.append("缺少地区：请填写地区代码或地区名称")
            return nil
        }
        switch directory.place(name: name) {
        case .found(let node): return node
        case .ambiguous:
            reasons.append("地区名称\(FigureText.quoted(name))对应多个地区，请填写地区代码")
        case .unknown:
            // A code in a column headed 地区（代码）, which reads as 地区.
            if let node = directory.place(code: name) { return node }
            reasons.append("未知地区\(FigureText.quoted(name))")
        }
        return nil
    }

    private func indicator(code: String, name: String, reasons: inout [String]) -> IndicatorDefinition? {
        if !code.isEmpty {
            guard let definition = directory.indicator(code: code) else {
                reasons.append("未知指标代码\(FigureText.quoted(code))")
                return nil
            }
            if !name.isEmpty, case .found(let named) = directory.indicator(name: name), named.code == definition.code {
                return definition
            }
            if !name.isEmpty {
                reasons.append("指标代码\(FigureText.quoted(code))是「\(definition.name)」，与指标名称\(FigureText.quoted(name))不一致")
                return nil
            }
            return definition
        }
        guard !name.isEmpty else {
            reasons.append("缺少指标：请填写指标代码或指标名称")
            return nil
        }
        switch directory.indicator(name: name) {
        case .found(let definition): return definition
        case .ambiguous: reasons.append("指标名称\(FigureText.quoted(name))对应多个指标，请填写指标代码")
        case .unknown: reasons.append("未知指标\(FigureText.quoted(name))")
        }
        return nil
    }

    /// The number, in the indicator's unit; counts and amounts are never negative
    /// (a growth rate can be), and nothing is as large as 10¹⁵.
    private func value(_ text: String, unit: String, indicator: IndicatorDefinition?,
                       reasons: inout [String]) -> Double? {
        if let indicator, !unit.isEmpty, FigureText.ascii(unit) != FigureText.ascii(indicator.unit) {
            reasons.append("单位\(FigureText.quoted(unit))与指标「\(indicator.name)」的单位「\(indicator.unit)」不一致，"
                + "请换算为\(indicator.unit)")
            return nil
        }
        switch FigureText.number(text, unit: indicator?.unit ?? "") {
        case .empty:
            reasons.append("缺少数值")
        case .refused(let reason):
            reasons.append(reason)
        case .wrongUnit(let reason):
            // Without the indicator its unit is not known; the unknown indicator is the problem.
            if indicator != nil { reasons.append(reason) }
        case .value(let value):
            if abs(value) >= 1e15 {
                reasons.append("数值\(FigureText.quoted(text))过大")
            } else if let indicator, indicator.kind != .growth, value < 0 {
                reasons.append("「\(indicator.name)」不能为负数")
            } else {
                return value
            }
        }
        return nil
    }

    private static func isFootnote(_ cells: [String]) -> Bool {
        let filled = cells.map(CellText.line).filter { !$0.isEmpty }
        guard filled.count == 1, let text = filled.first else { return false }
        return footnoteStarts.contains { text.hasPrefix($0) }
    }
}
