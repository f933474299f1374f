import Testing
@testable import PlanText

@Suite("Annotations: units, leaders, deadlines")
struct AnnotationTests {
    @Test func readsBracketAtTheEndOfAParagraph() {
        let plan = parse("""
        一、主要工作
        （一）推进创新型县建设。成立专班。（牵头单位：市科技经信局；责任单位：市发改局、市财政局，各镇办、经济开发区）
        """)
        let n = plan.node("一/（一）")
        #expect(n?.title == "推进创新型县建设")
        #expect(n?.leadUnits == ["市科技经信局"])
        #expect(n?.responsibleUnits == ["市发改局", "市财政局", "各镇办", "经济开发区"])
    }

    @Test func readsHalfWidthBracketsAndColons() {
        let plan = parse("1.实施成长计划。(责任单位:市科技局,各县市区人民政府)")
        #expect(plan.node("1")?.responsibleUnits == ["市科技局", "各县市区人民政府"])
    }

    @Test func readsLeadersAndSeveralRolesInOneBracket() {
        let plan = parse("""
        一、聚焦高质量发展
        1.培育科技型企业100家以上。（分管领导：汪厚发、刘其乐；牵头单位：高新技术科；责任单位：成果转化科、市生产力促进中心）
        2.积极配合管委会。（牵头单位：成果转化科，配合单位：政策法规科、办公室）
        """)
        #expect(plan.node("一/1")?.leaders == ["汪厚发", "刘其乐"])
        #expect(plan.node("一/1")?.leadUnits == ["高新技术科"])
        #expect(plan.node("一/1")?.title == "培育科技型企业100家以上")
        #expect(plan.node("一/2")?.leadUnits == ["成果转化科"])
        #expect(plan.node("一/2")?.cooperatingUnits == ["政策法规科", "办公室"])
    }

    @Test func readsAnnotationLinesAfterAnItem() {
        let plan = parse("""
        一、重点任务
        1.建设科技创新平台，新增省级平台5家。
        责任领导：张三
        牵头科室（单位）：规划科
        协办单位：财务科、人事科
        完成时限：2023年6月底前
        2.建设孵化载体。
        """)
        let n = plan.node("一/1")
        #expect(n?.leaders == ["张三"])
        #expect(n?.leadUnits == ["规划科"])
        #expect(n?.cooperatingUnits == ["财务科", "人事科"])
        #expect(n?.deadline?.text == "2023年6月底前")
        #expect(n?.deadline?.date == "2023-06-30")
        #expect(plan.node("一/2")?.leaders == [])
        #expect(plan.targets.count == 1)
    }

    @Test func sendsAnEveryTaskClauseToAllTasksAlso() {
        let plan = parse("""
        二、重点工作
        1.实施成长计划。(责任单位:市科技局,各县市区人民政府、随州高新区管理委员会,以下任务均需县市区人民政府、随州高新区管理委员会相关部门参与,不再单独列出)
        """)
        #expect(plan.node("二/1")?.responsibleUnits == ["市科技局", "各县市区人民政府", "随州高新区管理委员会"])
        #expect(plan.allTasksAlso == ["县市区人民政府相关部门", "随州高新区管理委员会相关部门"])
    }

    @Test func readsDeadlinesInTheirCommonForms() {
        #expect(DeadlineReader.date(S("2023年6月底前")[...], planYear: 2023) == "2023-06-30")
        #expect(DeadlineReader.date(S("年底前")[...], planYear: 2024) == "2024-12-31")
        #expect(DeadlineReader.date(S("2024年2月底")[...], planYear: 2024) == "2024-02-29")
        #expect(DeadlineReader.date(S("9月15日前")[...], planYear: 2023) == "2023-09-15")
        #expect(DeadlineReader.date(S("第三季度")[...], planYear: 2023) == "2023-09-30")
        #expect(DeadlineReader.date(S("长期坚持")[...], planYear: 2023) == nil)
    }

    @Test func keepsABracketThatIsNotAnAnnotationInTheTitle() {
        let plan = parse("1.建强随州(武汉)离岸科创中心。统筹力量。(责任单位:市科技局、随州国投集团)")
        #expect(plan.node("1")?.title == "建强随州(武汉)离岸科创中心")
        #expect(plan.node("1")?.responsibleUnits == ["市科技局", "随州国投集团"])
    }
}

@Suite("Annotations written with role verbs")
struct VerbAnnotationTests {
    @Test func readsUnitsFollowedByRoleVerbs() {
        let plan = parse("""
        一、重点任务
        （一）培育高新技术企业。全年新增高企50家。（市科技局牵头，市财政局、市税务局配合）
        （二）推进成果转化。（市科技局、市财政局按职责分工负责）
        （三）由市科技局牵头组织实施，各地配合。
        """)
        #expect(plan.node("一/（一）")?.leadUnits == ["市科技局"])
        #expect(plan.node("一/（一）")?.cooperatingUnits == ["市财政局", "市税务局"])
        #expect(plan.node("一/（二）")?.responsibleUnits == ["市科技局", "市财政局"])
        #expect(plan.node("一/（三）")?.leadUnits == [])
        #expect(plan.targets.count == 1)
    }
}
