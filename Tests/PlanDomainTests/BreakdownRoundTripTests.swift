import Foundation
import PlanText
import Testing
@testable import PlanDomain

@Suite struct BreakdownRoundTripTests {
    @Test(arguments: seedPlanURLs())
    func seedPlanSurvivesExportAndImport(url: URL) throws {
        let plan = try PlanReader.read(Data(contentsOf: url), file: url.lastPathComponent)
        let table = BreakdownTable(plan: plan)
        #expect(table.rows.count == plan.nodes.count)
        #expect(table.rows.filter(\.isTask).count == plan.nodes.filter(\.isTask).count)
        #expect(table.rows.flatMap(\.targets).count > 0)

        let xlsx = try BreakdownWorkbook.xlsx(table)
        let read = try BreakdownWorkbook.read(xlsx)
        #expect(read == table)

        let rebuilt = table.plan(file: url.lastPathComponent)
        #expect(BreakdownTable(plan: rebuilt) == table)
        #expect(try BreakdownWorkbook.xlsx(BreakdownTable(plan: read.plan(file: "again.xlsx"))) == xlsx)
    }

    @Test func seedTaskKeepsItsUnitsTargetsAndLeader() throws {
        let url = try #require(seedPlanURLs().first { $0.lastPathComponent.hasPrefix("004_") })
        let table = BreakdownTable(plan: try PlanReader.read(Data(contentsOf: url), file: "004.txt"))
        let row = try #require(table.rows.first { $0.number == "一/3" })
        #expect(row.task == "培育科技型企业100家以上")
        #expect(row.leadUnits == ["高新技术科"])
        #expect(row.responsibleUnits == ["成果转化科", "市生产力促进中心"])
        #expect(row.leaders == ["汪厚发"])
        #expect(row.targets == ["培育科技型企业100家以上"])
        #expect(table.rows.first { $0.number == "一" }?.isTask == false)
        #expect(table.title == "十堰市2020年科技创新工作要点")
    }

    @Test func rebuiltPlanReadsTargetNumbersAgain() throws {
        let table = BreakdownTable(title: "某市2024年科技工作要点", year: 2024, rows: [
            BreakdownRow(number: "一", task: "培育创新主体", isTask: false),
            BreakdownRow(number: "一/1", task: "培育高新技术企业", leadUnits: ["高新科"],
                         targets: ["新增高新技术企业20家以上", "全面完成年度任务"], deadline: "2024年6月底前"),
        ])
        let plan = table.plan(file: "t.xlsx")
        #expect(plan.nodes.map(\.parent) == [nil, "一"])
        #expect(plan.nodes.map(\.level) == [1, 2])
        #expect(plan.nodes[1].label == "1")
        #expect(plan.nodes[1].deadline?.date == "2024-06-30")
        let first = try #require(plan.targets.first)
        #expect(first.value == 20 && first.unit == "家" && first.comparator == .atLeast && first.node == "一/1")
        #expect(first.indicator != nil)
        #expect(plan.targets[1].text == "全面完成年度任务" && plan.targets[1].unit == "")
        #expect(BreakdownTable(plan: plan) == table)
    }
}
