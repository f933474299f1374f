import Testing
@testable import PlanText

@Suite("Targets: numbers, comparators, years, indicators")
struct TargetTests {
    /// Targets of a one-paragraph plan for `year`.
    func targets(_ sentence: String, year: Int = 2023) -> [Target] {
        parse("某市\(year)年科技工作要点\n一、主要目标\n\(sentence)").targets
    }

    func one(_ sentence: String, year: Int = 2023) -> Target? {
        let found = targets(sentence, year: year)
        #expect(found.count == 1, "\(sentence) → \(found.map(\.text))")
        return found.first
    }

    @Test func readsArabicChineseAndDecimalNumbers() {
        #expect(one("力争全年申报高新技术企业100家。")?.value == 100)
        #expect(one("与两所高校达成市校合作协议。")?.value == 2)
        #expect(one("技术合同登记达2.4亿元。")?.value == 2.4)
        #expect(one("完成成果转化十项。")?.value == 10)
        #expect(one("至少建设一个省级平台。")?.value == 1)
    }

    @Test func readsYiAndWanAsUnitsOrMultipliers() {
        let loan = one("助力科技型中小企业融资3个亿。")
        #expect(loan?.value == 3)
        #expect(loan?.unit == "亿元")
        #expect(loan?.indicator == "finance.loan_amount")
        #expect(one("技术合同成交额达到55亿元。")?.unit == "亿元")
        let people = one("引育各类人才1.2万人。")
        #expect(people?.value == 1.2)
        #expect(people?.unit == "万人")
        #expect(people?.indicator == "talent.introduced")
    }

    @Test func readsComparators() {
        #expect(one("科技型中小企业入库数达到450家以上。")?.comparator == .atLeast)
        #expect(one("高企总数突破200家。")?.comparator == .greaterThan)
        #expect(one("研发投入占GDP比例达到1.4%左右。")?.comparator == .approximately)
        #expect(one("不合格项目控制在5个以内。")?.comparator == .atMost)
        #expect(one("引进高端团队数不少于1个。")?.comparator == .atLeast)
        #expect(one("全年新认定高新技术企业10家。")?.comparator == .atLeast)
    }

    @Test func readsRanges() {
        let talent = one("争取1到2名本土人才入选国家计划。")
        #expect(talent?.comparator == .range)
        #expect(talent?.value == 1)
        #expect(talent?.max == 2)
        #expect(one("建设1-2个中试基地。")?.max == 2)
        #expect(one("新建1~2所新型研发机构。")?.max == 2)
        let share = one("研发投入增长5%－10%。")
        #expect(share?.value == 5)
        #expect(share?.max == 10)
        #expect(share?.unit == "%")
    }

    @Test func readsFullCoverageAsHundredPercent() {
        let t = one("规上高新技术企业研发机构全覆盖。")
        #expect(t?.value == 100)
        #expect(t?.unit == "%")
        #expect(t?.indicator == "rd_institution.coverage")
    }

    @Test func readsSeveralTargetsSharingAVerb() {
        let found = targets("力争全年新认定高新技术企业10家，复审7家，年底力争突破40家；技术合同登记达2.4亿元。")
        #expect(found.map(\.value) == [10, 7, 40, 2.4])
        #expect(found.map(\.indicator) == ["hte.new", "hte.renewal", "hte.total", "tech_contract.turnover"])
        #expect(found.map(\.comparator) == [.atLeast, .atLeast, .greaterThan, .atLeast])
    }

    @Test func readsDueYears() {
        #expect(one("到2027年，新增专精特新企业60家。", year: 2025)?.year == 2027)
        #expect(one("力争三年内技术应用成果突破30项。", year: 2025)?.year == 2027)
        #expect(one("每年遴选3家企业承担揭榜制科技项目。", year: 2025)?.year == 2025)
        #expect(one("年底高企总数突破40家。", year: 2022)?.year == 2022)
        #expect(one("力争有效期(3年)内高新技术企业总数突破400家。", year: 2025)?.year == nil)
        #expect(one("技术合同成交额比2022年增长20%。", year: 2023)?.year == 2023)
    }

    @Test func skipsPolicyParameters() {
        #expect(targets("按研发成本的15%给予奖补，双边奖补最高不超过1000万元。").isEmpty)
        #expect(targets("对认定企业，按照有效研发费用的15%予以奖励，双边支持不超过1000万元。").isEmpty)
    }

    @Test func skipsScoresDatesSlogansAndOrdinals() {
        #expect(targets("开展绩效评价（10分）。").isEmpty)
        #expect(targets("完成时间为2023年6月30日。").isEmpty)
        #expect(targets("深入对接“2236”产业集群，推动“六个一”项目建设，围绕1+4人才新政。").isEmpty)
        #expect(targets("确保科技创新综合排名居于全省第一方阵。").isEmpty)
        #expect(targets("严格遵守中央八项规定精神，谋划申报一批国家科技专项。").isEmpty)
    }

    @Test func takesTheCountNotTheQualifier() {
        let t = one("新增3家年营收超10亿元的企业。")
        #expect(t?.value == 3)
        #expect(t?.unit == "家")
    }

    @Test func borrowsTheSubjectOfAnEarlierSentence() {
        let found = targets("推进科技型中小企业入库。入库30家以上。")
        #expect(found.first?.indicator == "tsme.registered")
    }

    @Test func skipsTheCountOfAListJustNamed() {
        #expect(targets("提升专汽、应急、香菇和稻米油4家省级产业技术研究院运行质效。").isEmpty)
    }

    @Test func assignsTargetsToTheInnermostNodeOrToThePreamble() {
        let plan = parse("""
        某市2023年科技工作要点
        力争全年申报高新技术企业100家。
        一、壮大企业群体
        （一）培育高企。全年申报高新技术企业100家，总数突破200家。
        """)
        #expect(plan.targets.map(\.node) == [nil, "一/（一）", "一/（一）"])
        #expect(plan.targets.last?.indicator == "hte.total")
    }

    @Test func pointsEachTargetAtItsSourceText() {
        let text = "某市2023年科技工作要点\n一、目标\n力争技术合同成交额达到55亿元。"
        let plan = parse(text)
        let span = plan.targets[0].span
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == plan.targets[0].text)
        #expect(plan.targets[0].text.hasSuffix("55亿元"))
    }
}

@Suite("Targets: what is not a commitment")
struct NotTargetTests {
    func targets(_ sentence: String, year: Int = 2023) -> [Target] {
        parse("某市\(year)年科技工作要点\n一、主要目标\n\(sentence)").targets
    }

    @Test func skipsLastYearsResults() {
        #expect(targets("2022年，全市新增高新技术企业50家，技术合同成交额达到40亿元。").isEmpty)
        #expect(targets("目前全市共有高新技术企业200家。").isEmpty)
        #expect(targets("技术合同成交额比2022年增长20%以上。").count == 1)
        #expect(targets("与2022年相比，新增高新技术企业50家。").count == 1)
    }

    @Test func datesTargetsAtTheEndOfAFiveYearPlan() {
        #expect(targets("到“十四五”末，高新技术企业突破500家。", year: 2023).first?.year == 2025)
        #expect(targets("围绕“十四五”规划，新增高新技术企业50家。", year: 2023).first?.year == 2023)
    }
}

@Suite("Outline: decimal labels")
struct DecimalLabelTests {
    @Test func readsDecimalLabelsButNotDecimalNumbers() {
        let plan = parse("""
        1.总体要求
        1.1 指导思想。坚持创新驱动。
        1.2工作目标。技术合同成交额达到
        2.4亿元以上的目标另行下达。
        2.重点任务
        2.1 培育创新主体。
        """)
        #expect(plan.ids == ["1", "1/1.1", "1/1.2", "2", "2/2.1"])
    }
}
