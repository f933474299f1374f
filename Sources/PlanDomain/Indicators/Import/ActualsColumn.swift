/// The columns of a sheet of actual values, with the header names statistics
/// offices use for them. Place and indicator each come by code, by name or
/// both; 月份 and 备注 may be left out.
enum ActualsColumn: CaseIterable {
    case placeCode, placeName, indicatorCode, indicatorName, year, month, value, unit, note

    /// The header the template writes; nil for a column it does not write.
    var title: String? {
        switch self {
        case .placeCode: "地区代码"
        case .placeName: "地区名称"
        case .indicatorCode: "指标代码"
        case .indicatorName: "指标名称"
        case .year: "年份"
        case .month: "月份"
        case .value: "数值"
        case .unit: nil
        case .note: "备注"
        }
    }

    /// Header names read as this column, after `SheetHeader.normalized` (which
    /// drops bracketed notes, so 地区（名称） and 数值（家） read as 地区 and 数值).
    var names: Set<String> {
        switch self {
        case .placeCode: ["地区代码", "地区编码", "行政区划代码", "区划代码", "行政区划编码"]
        case .placeName: ["地区", "地区名称", "行政区划", "行政区划名称", "区划名称"]
        case .indicatorCode: ["指标代码", "指标编码"]
        case .indicatorName: ["指标", "指标名称"]
        case .year: ["年份", "年度", "年"]
        case .month: ["月份", "月", "截至月份"]
        case .value: ["数值", "实际值", "完成值", "实际完成值", "实际完成", "完成数", "实际数", "统计值", "值"]
        // Read only to check it: a figure in 万元 for an indicator kept in 亿元 is 10,000 times off.
        case .unit: ["单位", "计量单位"]
        case .note: ["备注", "说明"]
        }
    }

    static func named(_ header: String) -> ActualsColumn? {
        let name = SheetHeader.normalized(header)
        return allCases.first { $0.names.contains(name) }
    }

    /// A header row names a place, an indicator, the year and the value.
    static func isHeader(_ columns: [ActualsColumn: Int]) -> Bool {
        (columns[.placeCode] != nil || columns[.placeName] != nil)
            && (columns[.indicatorCode] != nil || columns[.indicatorName] != nil)
            && columns[.year] != nil && columns[.value] != nil
    }

    /// The columns a header must have, as the error message lists them.
    static let required = "地区代码或地区名称、指标代码或指标名称、年份、数值"
}
