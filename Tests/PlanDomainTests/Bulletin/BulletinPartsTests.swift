import Foundation
import PlanText
import Testing
import ZIPFoundation
@testable import PlanDomain

/// The parts of a bulletin numbered over those present, 各地对比, 较上期, and
/// drafts kept before any of them existed.
@Suite struct BulletinPartsTests {
    func lines(_ bulletin: Bulletin) throws -> [String] {
        try DocxReader.text(from: BulletinDocument.docx(bulletin)).split(separator: "\n").map(String.init)
    }

    func headings(_ lines: [String]) -> [String] {
        let marks = ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
        return lines.filter { line in marks.contains { line.hasPrefix($0) } }
    }

    @Test func withPlacesTheyArePartTwoAndTheRestMoveDown() throws {
        let bulletin = BulletinSample.bulletin
        let expected = ["一、主要指标完成情况", "二、各地完成情况对比", "三、任务进展情况", "四、逾期任务", "五、风险任务", "六、单位排名"]
        #expect(bulletin.parts == [.targets, .places, .tasks, .late, .atRisk, .ranking])
        #expect(bulletin.headings == expected)
        #expect(headings(try lines(bulletin)) == expected)
        #expect(bulletin.heading(.places) == "二、各地完成情况对比")
        #expect(bulletin.heading(.ranking) == "六、单位排名")
    }

    @Test func withoutPlacesThePartIsLeftOutAndTheNumbersStayConsecutive() throws {
        let expected = ["一、主要指标完成情况", "二、任务进展情况", "三、逾期任务", "四、风险任务", "五、单位排名"]
        var none = BulletinSample.bulletin
        none.places = nil
        var empty = BulletinSample.bulletin
        empty.places?.rows = []
        for bulletin in [none, empty] {
            #expect(bulletin.parts == [.targets, .tasks, .late, .atRisk, .ranking])
            #expect(bulletin.headings == expected)
            #expect(bulletin.heading(.places) == nil)
            #expect(bulletin.heading(.ranking) == "五、单位排名")
            let lines = try lines(bulletin)
            #expect(headings(lines) == expected)
            #expect(!lines.contains { $0.contains("各地") || $0.hasPrefix("名次\t地区") })
        }
    }

    @Test func placesTablePrintsNoteHeaderAndRowsWithTheScoreLast() throws {
        let lines = try lines(BulletinSample.bulletin)
        let part = Array(lines.drop { $0 != "二、各地完成情况对比" }.dropFirst().prefix(7))
        #expect(part == ["按综合完成率排序，数据截至2025年3月底。",
                         "名次\t地区\t新增高企\t技术合同成交额\t综合完成率",
                         "1\t高新区\t25%\t48%\t36.5%",
                         "2\t曾都区\t20%\t35.2%\t27.6%",
                         "3\t随县\t10%\t30%\t20%",
                         // Not ranked, one cell for two measures: padded, 综合完成率 still last.
                         "\t大洪山风景区\t—\t\t—",
                         "三、任务进展情况"])
    }

    @Test func rowsAreFittedToTheMeasures() {
        let table = Bulletin.PlaceTable(columns: ["甲", "乙"], rows: [
            .init(rank: 1, place: "A", cells: ["1", "2", "3"], score: "90%"),
            .init(rank: nil, place: "B", cells: [], score: "—"),
        ])
        #expect(table.header == ["名次", "地区", "甲", "乙", "综合完成率"])
        #expect(table.printedRows == [["1", "A", "1", "2", "90%"], ["", "B", "", "", "—"]])
    }

    @Test func placeColumnWidthsFillTheTextWidth() {
        for measures in [0, 1, 2, 3, 7] {
            let widths = BulletinBody.placeWidths(measures: measures)
            #expect(widths.count == measures + 3)
            #expect(widths.reduce(0, +) == 8306)
        }
        #expect(BulletinBody.placeWidths(measures: 3) == [700, 1400, 1702, 1702, 1702, 1100])
        #expect(BulletinBody.placeWidths(measures: 7) == [700, 1403] + Array(repeating: 729, count: 7) + [1100])
        #expect(BulletinBody.targetWidths.reduce(0, +) == 8306)
    }

    @Test func noteLeftEmptyPrintsNoSentence() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.places?.note = " "
        let lines = try lines(bulletin)
        #expect(lines.drop { $0 != "二、各地完成情况对比" }.dropFirst().first == "名次\t地区\t新增高企\t技术合同成交额\t综合完成率")
    }

    @Test func trendIsPrintedAfterActualAndDashWhenNotGiven() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.targets = [
            .init(key: "1", text: "研发投入", target: "2.5%", actual: "2.3%", trend: "↓0.2%", completionRate: "92%",
                  projected: "2.4%", projectedRate: "96%", status: "滞后", units: "市统计局"),
            .init(key: "2", text: "新增企业", target: "20家", actual: "8家", completionRate: "40%", projected: "20家",
                  projectedRate: "100%", status: "正常", units: "市科技局"),
        ]
        let lines = try lines(bulletin)
        #expect(lines.contains("1\t研发投入\t2.5%\t2.3%\t↓0.2%\t92%\t2.4%\t96%\t滞后"))
        #expect(lines.contains("2\t新增企业\t20家\t8家\t—\t40%\t20家\t100%\t正常"))
        #expect(Bulletin.Columns.targets[3...4] == ["实际", "较上期"])
    }

    /// A draft kept before 较上期, the chart and 各地对比 existed, exactly as it
    /// was stored: it still opens, and prints as before with 较上期 "—".
    @Test func draftKeptBeforeTrendChartAndPlacesStillDecodes() throws {
        let stored = #"""
        {"kind":"monthly","title":"某市科技工作要点落实情况通报（2025年1月）","issuer":"某市科学技术局","number":"第1期",
         "periodTitle":"2025年1月","issuedOn":"2025-02-03",
         "summary":[{"label":"任务总数","value":"3项"}],
         "targets":[{"key":"一/1","text":"新增高新技术企业","target":"20家","actual":"2家","completionRate":"10%",
                     "projected":"24家","projectedRate":"120%","status":"正常","units":"市科技局"}],
         "sections":[{"title":"正常推进","rows":[{"key":"一/1","title":"新增高新技术企业20家","units":"市科技局",
                     "status":"正常","progress":"10%","note":""}]}],
         "late":[],"atRisk":[],
         "ranking":[{"rank":1,"unit":"市科技局","tasks":3,"onTimeRate":"100%","completionRate":"0%","score":"90"}],
         "remarks":["请抓紧推进。"]}
        """#
        let bulletin = try JSONDecoder().decode(Bulletin.self, from: Data(stored.utf8))
        #expect(bulletin.targets.map(\.trend) == ["—"])
        #expect(bulletin.chart == nil)
        #expect(bulletin.places == nil)
        let data = try BulletinDocument.docx(bulletin)
        #expect(!(try Archive(data: data, accessMode: .read).map(\.path)).contains("word/charts/chart1.xml"))
        let lines = try lines(bulletin)
        #expect(headings(lines) == ["一、主要指标完成情况", "二、任务进展情况", "三、逾期任务", "四、风险任务", "五、单位排名"])
        #expect(lines.contains("一/1\t新增高新技术企业\t20家\t2家\t—\t10%\t24家\t120%\t正常"))
    }
}
