import Foundation
import PlanText
import Testing
@testable import PlanDomain

@Suite struct EvaluationSchemeImportTests {
    func problems(_ data: Data) -> [ImportProblem]? {
        do {
            _ = try EvaluationSchemeWorkbook.read(data)
            return nil
        } catch {
            guard case .badRows(let problems, _) = error else { return nil }
            return problems
        }
    }

    @Test func everyBadRowIsRefusedWithItsRowNumberAndNothingIsImported() throws {
        let data = try schemeSheet([
            schemeRow("2025年考评方案"),
            schemeRow("序号", "考评项目", "类别", "指标代码", "分值", "计分方法", "参数", "说明"),
            schemeRow("1", "研发经费投入强度", "指标", "rd.gdp_share", "20", "最高值法"),
            schemeRow("2", "综合评价", "手工", "", "10", "综合评议"),
            schemeRow("3", "高新技术企业数", "指标", "hte.total", "二十", "按完成比例计分"),
            schemeRow("4", "科技型中小企业", "指标", "tsme.registered", "10", "按排名计分", "每名次2分"),
            schemeRow("5", "未知指标", "指标", "rd.unknown", "10", "最高值法"),
            schemeRow("1", "重复序号", "手工", "", "10", "达标得满分"),
            schemeRow("6", "技术合同", "指标", "tech_contract.turnover", "10", "按完成比例计分", "封顶120"),
            schemeRow("7", "奖励", "加分项", "", "5", "加分", "每项加1分，最多3分"),
            schemeRow("8", "研发机构建有率", "指标", "", "10", "达标得满分"),
            schemeRow("9", "排名", "手工", "", "10", "按排名计分", "每名次减2分，最低10分"),
        ])
        let found = try #require(problems(data))
        #expect(found.map(\.row) == [4, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(found.map(\.message) == [
            "第 4 行：计分方法“综合评议”无法识别，应为 \(SchemeWords.ruleList) 之一",
            "第 5 行：分值“二十”应为数字（如 20）",
            "第 6 行：参数“每名次2分”无法识别：应写作“每名次减2分，最低5分”",
            "第 7 行：未知指标代码“rd.unknown”，请填写指标目录中的代码（如 rd.gdp_share）或指标名称",
            "第 8 行：序号“1”与第 3 行重复，每个考评项目的序号应唯一",
            "第 9 行：参数“封顶120”的封顶比例不明确：应写作“封顶120%”（完成超过目标时最多按 120% 计分），或留空（最多按 100% 计分）",
            "第 10 行：加分项的分值应留空或等于上限 3 分（现为 5 分）",
            "第 11 行：类别为指标，但缺少指标代码",
            "第 12 行：最低分应不小于 0 且小于分值（如“最低5分”）",
        ])
    }

    @Test func theErrorListsEveryProblemInChinese() throws {
        let data = try schemeSheet([
            schemeRow("考评项目", "分值", "计分方法"),
            schemeRow("研发经费投入强度", "0", "最高值法"),
        ])
        #expect(throws: EvaluationSchemeImportError.badRows([ImportProblem(row: 2, reason: "分值应为大于 0 的数字")], unlisted: 0)) {
            try EvaluationSchemeWorkbook.read(data)
        }
        let error = EvaluationSchemeImportError.badRows([ImportProblem(row: 2, reason: "分值应为大于 0 的数字")], unlisted: 0)
        #expect(error.errorDescription == "考评方案有 1 处问题，整个方案未导入。请改正后重新导入：\n第 2 行：分值应为大于 0 的数字")
    }

    @Test func headersAreFoundByTheirSynonymsInAnyOrder() throws {
        // No 序号 (items numbered in order), no 类别 (a code makes an indicator item, none a manual one),
        // 满分 for 分值, 评分办法 for 计分方法, an indicator given by its catalogue name.
        let data = try schemeSheet([
            schemeRow("评分办法", "满分", "指标名称", "指标代码", "参数"),
            schemeRow("最高值得满分，其余按比例", "20", "研发投入强度", "研发经费投入占GDP比重"),
            schemeRow("对标基准值", "10", "每万人专利", "", "基准值 2.5"),
            schemeRow("扣分", "", "安全事故", "", "每次扣2分，累计不超过10分"),
        ], name: "方案")
        let scheme = try EvaluationSchemeWorkbook.read(data)
        #expect(scheme.name == "方案")
        #expect(scheme.items == [
            SchemeItem(key: "1", name: "研发投入强度", source: .indicator(code: "rd.gdp_share"), points: 20, rule: .best, unit: "%"),
            SchemeItem(key: "2", name: "每万人专利", source: .manual, points: 10, rule: .benchmark(value: 2.5)),
            SchemeItem(key: "3", name: "安全事故", source: .manual, points: 0, rule: .deduction(perUnit: 2, max: 10)),
        ])
    }

    @Test func aSheetWithoutTheHeaderOrTheFileNotAWorkbookIsRefused() throws {
        let noHeader = try schemeSheet([schemeRow("序号", "名称"), schemeRow("1", "研发")])
        #expect(throws: EvaluationSchemeImportError.headerNotFound) { try EvaluationSchemeWorkbook.read(noHeader) }
        let empty = try schemeSheet([schemeRow("考评项目", "分值", "计分方法"), schemeRow("创新投入")], name: "空表")
        #expect(throws: EvaluationSchemeImportError.noRows(sheet: "空表")) { try EvaluationSchemeWorkbook.read(empty) }
        #expect(throws: EvaluationSchemeImportError.self) { try EvaluationSchemeWorkbook.read(Data("序号,考评项目".utf8)) }
    }
}
