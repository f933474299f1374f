import Foundation
@testable import PlanDomain

/// Text cells for a scheme sheet, "" as an empty cell.
func schemeRow(_ values: String...) -> [SheetCell] {
    values.map { $0.isEmpty ? .empty : .text($0) }
}

/// A sheet written with SimpleWorkbook and no header of its own, so `rows`
/// are the sheet from row 1, laid out as the test needs.
func schemeSheet(_ rows: [[SheetCell]], name: String = "Sheet1") throws -> Data {
    try SimpleWorkbook.xlsx([SheetTable(name: name, header: [], rows: rows)])
}

/// A province-style scheme as an office types it: a title row, the header in
/// row 2 with its own column order and names (分值（分）, 计分规则), group
/// headings, a 合计 row and a footnote, and every rule kind once.
/// Items 8 and 9 are bonus and deduction items outside the 100 base points.
func provinceSchemeSheet() throws -> Data {
    try schemeSheet([
        schemeRow("某省2025年度市县科技创新综合考评方案"),
        schemeRow("序号", "考评项目", "指标代码", "类别", "分值（分）", "计分规则", "参数", "说明"),
        schemeRow("一", "创新投入"),
        schemeRow("1", "研发经费投入强度", "rd.gdp_share", "定量指标", "20", "最高值法", "", "统计部门年报"),
        schemeRow("2", "高新技术企业数", "hte.total", "指标", "15", "按完成比例计分", "封顶120%"),
        schemeRow("3", "技术合同成交额", "tech_contract.turnover", "指标", "10", "按增幅计分", "封顶120%"),
        schemeRow("4", "规上制造业企业研发机构建有率", "rd_institution.coverage", "指标", "15", "达标得满分"),
        schemeRow("5", "科技型中小企业入库数", "tsme.registered", "指标", "10", "按排名计分", "每名次减3分，最低5分"),
        schemeRow("二", "重点任务与其他"),
        schemeRow("6", "科技创新重点任务完成情况", "二/（一）", "重点任务", "15", "对标基准值", "基准值90%"),
        schemeRow("7", "科技计划项目逾期率", "", "手工", "15", "达标得满分", "越低越好"),
        schemeRow("8", "获省部级以上科技奖励", "", "加分项", "", "加分", "每项加1分，最多5分"),
        schemeRow("9", "科研诚信及安全生产事故", "", "减分项", "", "", "每起减2分，最多6分"),
        schemeRow("", "合计", "", "", "100"),
        schemeRow("注：数据以统计部门公布为准。"),
    ])
}

/// Three places of 随州 with figures for every item of the province scheme.
/// Item 3's target is a growth in percent; item 6's values are completion ratios.
let provincePlaces = [
    PlaceInputs(code: "421303", name: "曾都区", inputs: [
        "1": ItemInput(value: 2.1),
        "2": ItemInput(value: 130, target: 100),
        "3": ItemInput(value: 12, target: 16, lastYear: 10),
        "4": ItemInput(value: 37.8, target: 35),
        "5": ItemInput(value: 120),
        "6": ItemInput(value: 0.95),
        "7": ItemInput(value: 12, target: 10),
        "8": ItemInput(value: 3),
    ]),
    PlaceInputs(code: "421381", name: "广水市", inputs: [
        "1": ItemInput(value: 3.0),
        "2": ItemInput(value: 45, target: 60),
        "3": ItemInput(value: 9, lastYear: 8),
        "4": ItemInput(value: 40, target: 50),
        "5": ItemInput(value: 150),
        "6": ItemInput(value: 0.81),
        "7": ItemInput(value: 8, target: 10),
        "8": ItemInput(value: 7),
        "9": ItemInput(value: 1),
    ]),
    PlaceInputs(code: "421321", name: "随县", inputs: [
        "1": ItemInput(value: 1.5),
        "2": ItemInput(value: 20),
        "3": ItemInput(value: 5.5, lastYear: 5),
        "4": ItemInput(target: 35),
        "5": ItemInput(value: 80),
        "6": ItemInput(value: 0.6),
        "7": ItemInput(value: 10, target: 10),
        "9": ItemInput(value: 4),
    ]),
]

func schemeNear(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) < 1e-9
}
