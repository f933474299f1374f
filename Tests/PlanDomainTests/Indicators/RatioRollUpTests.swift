import Testing
@testable import PlanDomain

@Suite struct RatioRollUpTests {
    /// R&D spending and GDP, 亿元:
    /// 曾都 6 / 300 = 2 %, 随县 1 / 200 = 0.5 %, 广水 3 / 100 = 3 %;
    /// 西陵 8 / 400 = 2 %, 伍家岗 4.5 / 150 = 3 %.
    /// 宜昌's statistics bureau published its own intensity, 2.5 %.
    let figures = IndicatorFigures([
        "rd.expenditure": ["421303": 6, "421321": 1, "421381": 3, "420502": 8, "420503": 4.5],
        "base.gdp": ["421303": 300, "421321": 200, "421381": 100, "420502": 400, "420503": 150],
        "rd.gdp_share": ["420500": 2.5],
    ])

    @Test func aCountysRatioComesFromItsOwnParts() {
        let rows = rollUp("rd.gdp_share", figures)
        #expect(rows["421303"]?.effective == 2)
        #expect(rows["421321"]?.effective == 0.5)
        #expect(rows["421381"]?.effective == 3)
    }

    @Test func aCitysRatioIsTheRatioOfSumsNotTheMeanOfRatios() {
        // 随州: (6 + 1 + 3) / (300 + 200 + 100) × 100 = 10 / 600 × 100 = 1.6667 %,
        // while the mean of its counties' ratios is (2 + 0.5 + 3) / 3 = 1.8333 %.
        let row = rollUp("rd.gdp_share", figures)["421300"]
        #expect(near(row?.fromChildren, 10.0 / 600 * 100))
        #expect(near(row?.effective, 1.666_666_666_7, within: 1e-9))
        let meanOfRatios = (2 + 0.5 + 3) / 3.0
        #expect(abs((row?.effective ?? 0) - meanOfRatios) > 0.15)
        #expect(row?.childrenWithValue == 3)
    }

    @Test func anEnteredRatioIsComparedWithTheComputedOne() {
        // 宜昌: (8 + 4.5) / (400 + 150) × 100 = 12.5 / 550 × 100 = 2.2727 %, against its own 2.5 %.
        let row = rollUp("rd.gdp_share", figures)["420500"]
        #expect(row?.own == 2.5)
        #expect(near(row?.fromChildren, 12.5 / 550 * 100))
        #expect(row?.effective == 2.5)
        #expect(near(row?.mismatch?.difference, 12.5 / 550 * 100 - 2.5))
        #expect(row?.mismatch?.message == "下级合计 2.27 与本级 2.5 不一致（少 0.2273）")
    }

    @Test func theProvinceSumsThePartsNotTheCitiesRatios() {
        // (10 + 12.5) / (600 + 550) × 100 = 22.5 / 1150 × 100 = 1.9565 %; 宜昌's own 2.5 % does not enter.
        let row = rollUp("rd.gdp_share", figures)["420000"]
        #expect(near(row?.effective, 22.5 / 1150 * 100))
        #expect(row?.mismatch == nil)
    }

    @Test func growthIsRecomputedFromThisAndLastYearsSums() {
        // Last year's R&D: 曾都 5, 随县 1, 广水 2 = 8; this year 10: (10 / 8 − 1) × 100 = 25 %.
        // The counties grew 20 %, 0 % and 50 %; their mean, 23.33 %, is not the city's growth.
        // 宜昌: 西陵 10 + 伍家岗 5 = 15 last year, 12.5 this year: (12.5 / 15 − 1) × 100 = −16.67 %.
        // The province: (22.5 / 23 − 1) × 100 = −2.17 %.
        let lastYear = IndicatorFigures(["rd.expenditure": [
            "421303": 5, "421321": 1, "421381": 2, "420502": 10, "420503": 5,
        ]])
        let rows = rollUp("rd.growth", figures, lastYear: lastYear)
        #expect(near(rows["421303"]?.effective, 20))
        #expect(near(rows["421321"]?.effective, 0))
        #expect(near(rows["421381"]?.effective, 50))
        #expect(near(rows["421300"]?.effective, 25))
        #expect(near(rows["420500"]?.effective, (12.5 / 15 - 1) * 100))
        #expect(near(rows["420000"]?.effective, (22.5 / 23 - 1) * 100))
    }

    @Test func noGrowthWithoutLastYear() {
        let rows = rollUp("rd.growth", figures)
        #expect(rows["421300"]?.effective == nil)
        #expect(rows["421303"]?.fromChildren == nil)
    }

    @Test func aRatioWithoutPartsIsShownPerPlaceOnly() {
        let coverage = IndicatorFigures(["ip.training_coverage": ["421303": 80, "421321": 90, "421300": 70]])
        let rows = rollUp("ip.training_coverage", coverage)
        #expect(rows["421300"]?.fromChildren == nil)
        #expect(rows["421300"]?.effective == 70)
        #expect(rows["421300"]?.mismatch == nil)
        #expect(rows["421300"]?.childrenWithValue == 2)
        #expect(rows["421303"]?.fromChildren == nil)
        #expect(rows["420000"]?.effective == nil)
    }

    @Test func effectiveWorksForAnyCodeAndPlace() {
        // 每万家企业法人中高新技术企业数 for 随州: hte.total 100 (its own) over
        // legal persons 4000 + 3000 + 3000 = 10000, × 10000 = 100.
        var all = figures
        all["hte.total", "421300"] = 100
        all["base.legal_persons", "421303"] = 4000
        all["base.legal_persons", "421321"] = 3000
        all["base.legal_persons", "421381"] = 3000
        let value = IndicatorRollUp.effective("eval.hte_per_10k", at: "421300", definitions: knownIndicators,
                                              figures: all, tree: hubei)
        #expect(near(value, 100))
        let none = IndicatorRollUp.effective("eval.hte_per_10k", at: "420500", definitions: knownIndicators,
                                             figures: all, tree: hubei)
        #expect(none == nil)
    }

    @Test func aZeroDenominatorGivesNoRatio() {
        let figures = IndicatorFigures(["rd.expenditure": ["421303": 6], "base.gdp": ["421303": 0]])
        #expect(rollUp("rd.gdp_share", figures)["421303"]?.effective == nil)
    }
}
