import Testing
@testable import PlanText

@Suite("Task breakdown tables")
struct TableTests {
    @Test func readsRowsUnderARoleHeaderAsTasks() {
        let plan = parse("""
        某市科技局2024年重点工作任务分解表
        一、强化企业创新主体地位
        序号\t重点任务\t牵头单位\t责任单位\t完成时限
        1\t培育高新技术企业。全年新增高新技术企业50家。\t市科技局\t各县市区、高新区\t2024年12月底前
        2\t推进科技型中小企业评价入库\t市科技局\t市财政局、市税务局\t长期坚持
        二、加强创新平台建设
        序号\t重点任务\t牵头单位\t配合单位\t完成时限
        3\t新增省级以上创新平台10家\t市科技局\t市发改委\t2024年6月
        """)
        #expect(plan.ids == ["一", "一/1", "一/2", "二", "二/3"])
        let first = plan.node("一/1")
        #expect(first?.title == "培育高新技术企业")
        #expect(first?.leadUnits == ["市科技局"])
        #expect(first?.responsibleUnits == ["各县市区", "高新区"])
        #expect(first?.deadline?.date == "2024-12-31")
        #expect(plan.node("一/2")?.deadline?.date == nil)
        #expect(plan.node("二/3")?.cooperatingUnits == ["市发改委"])
        #expect(plan.node("二/3")?.deadline?.date == "2024-06-30")
        #expect(plan.targets.map(\.node) == ["一/1", "二/3"])
        #expect(plan.targets.map(\.indicator) == ["hte.new", "platform.new"])
    }

    @Test func leavesTablesWithoutRoleColumnsAlone() {
        let plan = parse("""
        一、主要指标
        指标\t2023年\t2024年目标
        高新技术企业数\t120\t150
        """)
        #expect(plan.ids == ["一"])
    }
}
