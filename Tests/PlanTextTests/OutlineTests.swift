import Testing
@testable import PlanText

@Suite("Outline: numbering styles and levels")
struct OutlineTests {
    @Test func readsTheFourConventionalLevels() {
        let plan = parse("""
        某市2024年科技工作要点
        一、加强创新平台建设
        （一）建强实验室。支持实验室建设。
        1.推进重点实验室建设。
        （1）完善运行机制。
        ①建立考核制度。
        2.推进中试基地建设。
        （二）培育创新主体。
        二、优化创新生态
        """)
        #expect(plan.ids == ["一", "一/（一）", "一/（一）/1", "一/（一）/1/（1）", "一/（一）/1/（1）/①", "一/（一）/2", "一/（二）", "二"])
        #expect(plan.node("一/（一）")?.title == "建强实验室")
        #expect(plan.node("一/（一）")?.isTask == false)
        #expect(plan.node("一/（二）")?.isTask == true)
        #expect(plan.node("一/（一）/1")?.parent == "一/（一）")
    }

    @Test func acceptsHalfWidthBracketsAndSpacesAfterLabels() {
        let plan = parse("""
        一、 总体要求
        (一) 指导思想。坚持创新。
        (二)工作目标
        1． 目标一。
        2. 目标二。
        二、重点任务
        """)
        #expect(plan.ids == ["一", "一/（一）", "一/（二）", "一/（二）/1", "一/（二）/2", "二"])
        #expect(plan.node("一/（一）")?.title == "指导思想")
        #expect(plan.node("一/（二）/1")?.title == "目标一")
    }

    @Test func keepsNumbersThatRunOnThroughTheDocument() {
        let plan = parse("""
        一、加强协同
        1.推进区域中心建设。
        2.加快联动。
        二、加大投入
        3.抓好预算编制。
        4.完善全周期管理。
        """)
        #expect(plan.ids == ["一", "一/1", "一/2", "二", "二/3", "二/4"])
    }

    @Test func nestsASkippedLevelUnderItsParent() {
        let plan = parse("""
        一、聚焦高质量发展
        1.新增高新技术企业20家。
        2.培育科技型企业。
        二、聚焦国家高新区创建
        （一）积极配合管委会。
        """)
        #expect(plan.ids == ["一", "一/1", "一/2", "二", "二/（一）"])
    }

    @Test func readsChaptersArticlesAndCircledNumbers() {
        let plan = parse("""
        第一章 总则
        第一条 为推进科技创新，制定本方案。
        第二条 本方案适用于全市。
        第二章 主要任务
        第三条 重点任务如下：
        ①建设平台；
        ②培育企业。
        """)
        #expect(plan.ids == ["第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条", "第二章/第三条/①", "第二章/第三条/②"])
        #expect(plan.node("第一章/第一条")?.title == "为推进科技创新，制定本方案")
    }

    @Test func readsArabicCommaAndParenthesisedArabicLabels() {
        let plan = parse("""
        一、主要任务
        1、推进平台建设
        (1)建设实验室。
        （2）建设中试基地。
        2、培育企业
        """)
        #expect(plan.ids == ["一", "一/1", "一/1/（1）", "一/1/（2）", "一/2"])
        #expect(plan.node("一/1")?.title == "推进平台建设")
    }

    @Test func ignoresProseThatOnlyLooksLikeALabel() {
        let plan = parse("""
        一、主要目标
        1.新增高新技术企业。
        1.4%的研发投入强度是底线。
        2023年实现新突破。
        5、这行编号不连续，不是节点。
        2.培育科技型企业。
        """)
        #expect(plan.ids == ["一", "一/1", "一/2"])
    }

    @Test func doesNotTakeEnumerationsInProseAsNodes() {
        let plan = parse("""
        一、推进创新人才建设
        一是建立人才信息库。二是实施科技副总计划。三是开辟绿色通道。
        """)
        #expect(plan.ids == ["一"])
    }

    @Test func survivesDeepNestingOfManyStyles() {
        var lines = ["一、总体"]
        for i in 1...150 { lines.append("（\(i)）推进第\(i)项工作。") }
        let plan = parse(lines.joined(separator: "\n"))
        #expect(plan.nodes.count == 151)
        #expect(plan.nodes.last?.id == "一/（150）")
    }
}
