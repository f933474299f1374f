import Testing
@testable import PlanDomain

@Suite struct BreakdownFilterTests {
    let table = BreakdownTable(title: "要点", rows: [
        BreakdownRow(number: "一", task: "主体", isTask: false),
        BreakdownRow(number: "一/（一）", task: "企业", isTask: false),
        BreakdownRow(number: "一/（一）/1", task: "高企", leadUnits: ["高新科"], leaders: ["张三"]),
        BreakdownRow(number: "一/（一）/2", task: "科小", responsibleUnits: ["成果科"], leaders: ["李四"]),
        BreakdownRow(number: "一/（二）", task: "人才", cooperatingUnits: ["高新科"], leaders: ["李四"]),
        BreakdownRow(number: "二", task: "平台", isTask: false),
        BreakdownRow(number: "二/1", task: "实验室", leadUnits: ["平台科"], responsibleUnits: ["高新科"], leaders: ["张三"]),
        BreakdownRow(number: "二/2", task: "孵化器", leadUnits: ["平台科"]),
    ])

    func numbers(_ filtered: BreakdownTable) -> [String] { filtered.rows.map(\.number) }

    @Test func unitMatchesAnyRoleAndKeepsTheSectionsAbove() {
        #expect(numbers(table.filtered(unit: "高新科", leader: nil, section: nil))
            == ["一", "一/（一）", "一/（一）/1", "一/（二）", "二", "二/1"])
        #expect(numbers(table.filtered(unit: "成果科", leader: nil, section: nil)) == ["一", "一/（一）", "一/（一）/2"])
        #expect(table.filtered(unit: "无此单位", leader: nil, section: nil).rows.isEmpty)
    }

    @Test func leader() {
        #expect(numbers(table.filtered(unit: nil, leader: "李四", section: nil))
            == ["一", "一/（一）", "一/（一）/2", "一/（二）"])
    }

    @Test func sectionKeepsItselfAndEverythingBelow() {
        #expect(numbers(table.filtered(unit: nil, leader: nil, section: "一/（一）")) == ["一", "一/（一）", "一/（一）/1", "一/（一）/2"])
        #expect(numbers(table.filtered(unit: nil, leader: nil, section: "二")) == ["二", "二/1", "二/2"])
        // A prefix of a label is not its section: 一 is not above 一二.
        #expect(numbers(table.filtered(unit: nil, leader: nil, section: "一/（")).isEmpty)
    }

    @Test func filtersCombine() {
        #expect(numbers(table.filtered(unit: "平台科", leader: "张三", section: "二")) == ["二", "二/1"])
        #expect(numbers(table.filtered(unit: "高新科", leader: nil, section: "二")) == ["二", "二/1"])
    }

    @Test func noFilterKeepsAll() {
        #expect(table.filtered(unit: nil, leader: nil, section: nil) == table)
    }
}
