import Foundation
import PlanText
import Testing
@testable import PlanDomain

@Suite struct EvaluationSchemeRoundTripTests {
    func roundTrip(_ scheme: EvaluationScheme) throws -> EvaluationScheme {
        try EvaluationSchemeWorkbook.read(try EvaluationSchemeWorkbook.xlsx(scheme))
    }

    @Test func anExportedSchemeImportsEqual() throws {
        let scheme = EvaluationScheme(name: "某省2025年度市县科技创新综合考评方案（试行）", items: [
            SchemeItem(key: "1", name: "研发经费投入强度", source: .indicator(code: "rd.gdp_share"), points: 20, rule: .best,
                       unit: "%", note: "统计部门年报\n按上年数据"),
            SchemeItem(key: "（二）", name: "高新技术企业数", source: .indicator(code: "hte.total"), points: 12.5,
                       rule: .proportional(cap: 1.15), unit: "家"),
            SchemeItem(key: "3", name: "技术合同成交额", source: .indicator(code: "tech_contract.turnover"), points: 10,
                       rule: .growth(cap: 1), unit: "亿元"),
            SchemeItem(key: "4", name: "项目逾期率", source: .manual, points: 7.5, rule: .reached(lowerIsBetter: true), unit: "%"),
            SchemeItem(key: "4.1", name: "入库数排名", source: .manual, points: 10, rule: .rank(step: 0.5, floor: 0)),
            SchemeItem(key: "5", name: "排名保底", source: .manual, points: 10, rule: .rank(step: 2, floor: 4)),
            SchemeItem(key: "6", name: "重点任务", source: .taskGroup(key: "二/（一）"), points: 15, rule: .benchmark(value: 0.875)),
            SchemeItem(key: "7", name: "每万人专利", source: .manual, points: 15, rule: .benchmark(value: 2.5), unit: "件"),
            SchemeItem(key: "8", name: "科技奖励", source: .manual, points: 0, rule: .bonus(perUnit: 0.5, max: 3), unit: "项"),
            SchemeItem(key: "9", name: "安全事故", source: .indicator(code: "hte.total"), points: 6,
                       rule: .deduction(perUnit: 2, max: 6), unit: "家"),
        ])
        #expect(scheme.problems.isEmpty)
        #expect(try roundTrip(scheme) == scheme)
    }

    @Test func theProvinceSheetAndTheDemoSchemeSurviveARoundTrip() throws {
        let province = try EvaluationSchemeWorkbook.read(try provinceSchemeSheet())
        #expect(try roundTrip(province) == province)
        #expect(try roundTrip(.suizhou2025) == .suizhou2025)
    }

    @Test func aSchemeStoredAsJSONReadsBackEqual() throws {
        let province = try EvaluationSchemeWorkbook.read(try provinceSchemeSheet())
        let data = try JSONEncoder().encode(province)
        #expect(try JSONDecoder().decode(EvaluationScheme.self, from: data) == province)
    }

    @Test func theExportReadsAsAnOfficeSheet() throws {
        let workbook = try WorkbookReader.read(try EvaluationSchemeWorkbook.xlsx(.suizhou2025)).sheets
        #expect(workbook.map(\.name) == ["考评方案", "方案信息", "填写说明"])
        #expect(workbook[0].rows[0] == ["序号", "考评项目", "类别", "指标代码", "单位", "分值", "计分方法", "参数", "说明"])
        #expect(Array(workbook[0].rows[2].prefix(8)) == ["2", "研发支出与地区生产总值之比", "指标", "rd.gdp_share", "%", "20",
                                                         "最高值得满分，其余按比例", ""])
        #expect(workbook[1].rows[1] == ["方案名称", EvaluationScheme.suizhou2025.name])
    }
}
