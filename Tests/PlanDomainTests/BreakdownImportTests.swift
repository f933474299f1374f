import Foundation
import PlanText
import Testing
@testable import PlanDomain

/// Tables offices make by hand: another header wording, another column
/// order, extra columns, a title and blank lines above the header.
@Suite struct BreakdownImportTests {
    @Test func headerSynonymsColumnOrderAndExtraColumns() throws {
        let data = try SheetFixture.excel([
            ["某市2024年科技工作要点任务分解表"],
            [],
            ["备注", "时间节点", "目标任务", "分管市领导", "协办单位", "责任部门", "牵头部门", "重点任务", "序 号"],
            ["", "", "", "", "", "", "", "培育创新主体", "一"],
            ["季报", "2024年6月底前", "新增高新技术企业20家以上\n入库科技型中小企业150家", "张三",
             "市经信局；市发改委", "各县市区科技局，市生产力促进中心", "高新科", "培育高新技术企业", "1"],
            ["", "", "", "李四", "", "", "成果科", "促进成果转化", "2"],
            ["", "", "", "", "", "", "", "建设创新平台", "二"],
            ["", "年底", "", "张三", "", "", "平台科、 规划科", "新建创新平台", "1"],
        ])
        let table = try BreakdownWorkbook.read(data)
        #expect(table.title == "某市2024年科技工作要点")
        #expect(table.rows.map(\.number) == ["一", "一/1", "一/2", "二", "二/1"])
        #expect(table.rows.map(\.isTask) == [false, true, true, false, true])
        let first = table.rows[1]
        #expect(first.task == "培育高新技术企业")
        #expect(first.leadUnits == ["高新科"])
        #expect(first.responsibleUnits == ["各县市区科技局", "市生产力促进中心"])
        #expect(first.cooperatingUnits == ["市经信局", "市发改委"])
        #expect(first.leaders == ["张三"])
        #expect(first.targets == ["新增高新技术企业20家以上", "入库科技型中小企业150家"])
        #expect(first.deadline == "2024年6月底前")
        #expect(table.rows[4].leadUnits == ["平台科", "规划科"])

        let plan = table.plan(file: "hand.xlsx")
        #expect(plan.targets.map(\.value) == [20, 150])
        #expect(plan.nodes.first { $0.id == "二/1" }?.parent == "二")
    }

    @Test func otherHeaderWordings() {
        let cases: [(String, BreakdownColumn)] = [
            ("工作任务", .task), ("任务内容", .task), ("牵头单位", .leadUnits), ("责任单位", .responsibleUnits),
            ("配合部门", .cooperatingUnits), ("配合单位", .cooperatingUnits), ("责任领导", .leaders),
            ("分管领导", .leaders), ("完成时间", .deadline), ("完成时限：", .deadline), ("指标", .targets),
            ("牵头单位\n（部门）", .leadUnits),
        ]
        for (header, column) in cases { #expect(BreakdownColumn.named(header) == column, "\(header)") }
        #expect(BreakdownColumn.named("备注") == nil)
    }

    @Test func missingNumbersAreCountedInOrder() throws {
        let data = try SheetFixture.excel([["工作任务", "责任单位"], ["任务甲", "甲局"], ["任务乙", "乙局"]])
        let table = try BreakdownWorkbook.read(data)
        #expect(table.rows.map(\.number) == ["1", "2"])
        #expect(table.rows.map(\.responsibleUnits) == [["甲局"], ["乙局"]])
        #expect(table.title == "")
    }

    @Test func smallTableWithoutPlanFieldsRoundTrips() throws {
        let table = BreakdownTable(title: "T", rows: [BreakdownRow(number: "1", task: "任务甲", leadUnits: ["甲局"])])
        let read = try BreakdownWorkbook.read(try BreakdownWorkbook.xlsx(table))
        #expect(read == table)
    }

    @Test func libreOfficeMadeWorkbook() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/lo-breakdown.xlsx"))
        let table = try BreakdownWorkbook.read(data)
        #expect(table.title == "某市2024年科技工作要点")
        #expect(table.rows.map(\.number) == ["一", "一/1", "一/2", "二", "二/1"])
        #expect(table.rows[1].cooperatingUnits == ["各县市区科技局", "市生产力促进中心"])
        // LibreOffice stores 2024/6/30 as a date: a day count with a date style.
        #expect(table.rows[1].deadline == "2024-06-30")
        #expect(table.rows[2].deadline == "2024年底前")
        #expect(table.rows[4].deadline == "12")
        #expect(table.rows[4].cooperatingUnits == ["市发改委", "市经信局"])
    }
}
