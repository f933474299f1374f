import Testing
import PlanText
@testable import PlanDomain

/// One indicator across places and years, made comparable by GDP (亿元) and
/// population (万人), as base.gdp and base.population keep them.
@Suite struct IndicatorComparisonTests {
    static let hte = [
        ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2024, target: 120, actual: 114, gdp: 380,
                        population: 75),
        ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2025, target: 130, actual: 117, gdp: 400,
                        population: 74),
        ComparisonInput(placeCode: "421321", placeName: "随县", year: 2025, target: 40, actual: 42, population: 60),
        ComparisonInput(placeCode: "421303", placeName: "曾都区", year: 2025, actual: 150, gdp: 600, population: 0),
    ]

    @Test func countsArePerYiYuanOfGDPAndPerTenThousandPeople() {
        let comparison = IndicatorComparison(definition: definition("hte.total"), inputs: Self.hte)
        #expect(comparison.isNormalised)
        #expect(comparison.perGDPUnit == "家/亿元GDP" && comparison.perCapitaUnit == "家/万人")
        #expect(comparison.normalisationNote.contains("常住人口（万人）"))
        #expect(IndicatorDefaults.byCode["base.gdp"]?.unit == IndicatorComparison.gdpUnit)
        #expect(IndicatorDefaults.byCode["base.population"]?.unit == IndicatorComparison.populationUnit)
        let rows = comparison.rows
        #expect(rows.map(\.placeName) == ["广水市", "广水市", "随县", "曾都区"])
        // 广水 2024: 114 / 120 = 0.95; 114 / 380 亿元 = 0.3 家 per 亿元; 114 / 75 万人 = 1.52 家 per 10,000 people.
        #expect(near(rows[0].attainment.value, 0.95))
        #expect(near(rows[0].perGDP.value, 0.3))
        #expect(near(rows[0].perCapita.value, 1.52))
        // 广水 2025: 117 / 130 = 0.9; 117 / 400 = 0.2925; 117 / 74 = 1.581081.
        #expect(near(rows[1].attainment.value, 0.9))
        #expect(near(rows[1].perGDP.value, 0.2925))
        #expect(near(rows[1].perCapita.value, 117 / 74.0))
        // 随县 has no GDP figure: 42 / 40 = 1.05 and 42 / 60 = 0.7 only.
        #expect(near(rows[2].attainment.value, 1.05))
        #expect(rows[2].perGDP == .missing("无地区生产总值数据"))
        #expect(near(rows[2].perCapita.value, 0.7))
        #expect(rows[2].perCapita.missing == nil)
        // 曾都区 has no target, and a population of 0 is not a population.
        #expect(rows[3].attainment == .missing("无目标"))
        #expect(near(rows[3].perGDP.value, 0.25))
        #expect(rows[3].perCapita == .missing("常住人口应大于 0"))
        #expect(rows[3].target == nil && rows[3].actual == 150 && rows[3].gdp == 600)
    }

    @Test func amountsAreNormalisedTooAndMissingActualsSaySo() {
        let inputs = [
            ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2025, target: 15, actual: 12, gdp: 400,
                            population: 80),
            ComparisonInput(placeCode: "421321", placeName: "随县", year: 2025, target: 8, actual: .nan, gdp: 300,
                            population: 60),
        ]
        let comparison = IndicatorComparison(definition: definition("tech_contract.turnover"), inputs: inputs)
        // 12 亿元 over 400 亿元 of GDP: 0.03; over 80 万人: 0.15 亿元 per 10,000 people.
        #expect(near(comparison.rows[0].perGDP.value, 0.03))
        #expect(near(comparison.rows[0].perCapita.value, 0.15))
        #expect(comparison.perGDPUnit == "亿元/亿元GDP")
        #expect(comparison.rows[1].actual == nil)
        #expect(comparison.rows[1].attainment == .missing("无实际值"))
        #expect(comparison.rows[1].perGDP == .missing("无实际值"))
    }

    @Test func ratiosAndGrowthRatesAreNotNormalised() {
        let input = ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2025, target: 2.5, actual: 2, gdp: 400,
                                    population: 74)
        let share = IndicatorComparison(definition: definition("rd.gdp_share"), inputs: [input])
        #expect(!share.isNormalised)
        #expect(share.normalisationNote == "「研发经费投入占GDP比重」是比率，本身已是相对数，不再按地区生产总值或人口折算。")
        #expect(near(share.rows[0].attainment.value, 0.8))
        #expect(share.rows[0].perGDP == .missing("比率不折算"))
        #expect(share.rows[0].perCapita == .missing("比率不折算"))
        let growth = IndicatorComparison(definition: definition("rd.growth"), inputs: [input])
        #expect(growth.rows[0].perCapita == .missing("增长率不折算"))
    }

    @Test func aCeilingsAttainmentIsTargetOverActual() {
        let inputs = [
            ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2025, target: 10, actual: 8),
            ComparisonInput(placeCode: "421321", placeName: "随县", year: 2025, target: 10, actual: 0),
            ComparisonInput(placeCode: "421303", placeName: "曾都区", year: 2025, target: 0, actual: 3),
        ]
        let ceiling = IndicatorComparison(definition: definition("hte.new"), inputs: inputs, comparator: .atMost)
        #expect(near(ceiling.rows[0].attainment.value, 1.25))
        #expect(ceiling.rows[1].attainment == .missing("实际值为 0，无法计算完成率"))
        let floor = IndicatorComparison(definition: definition("hte.new"), inputs: inputs)
        #expect(floor.rows[2].attainment == .missing("目标为 0，无法计算完成率"))
        #expect(near(floor.rows[1].attainment.value, 0))
    }

    @Test func theChartGroupsPlacesWithABarPerYear() throws {
        let comparison = IndicatorComparison(definition: definition("hte.total"), inputs: Self.hte)
        let xml = try #require(checkSafeSVG(comparison.chart(.actual)))
        let bars = xml.attributes(of: "rect").filter { $0["height"] != "10" }
        // 广水 2024 and 2025, 随县 2025, 曾都区 2025; the newest year blue, the one before lighter.
        #expect(bars.map { $0["fill"] } == ["#60a5fa", ChartPalette.blue, ChartPalette.blue, ChartPalette.blue])
        // Scale 0…150 over y 180…28: 114 is 152 × 114 / 150 = 115.52 high, from y 64.48.
        #expect(bars[0]["y"] == "64.5" && bars[0]["height"] == "115.5")
        // Targets 120, 130 and 40 as red markers.
        #expect(xml.attributes(of: "line").filter { $0["stroke"] == ChartPalette.red }.count == 3)
        #expect(xml.attributes.first?["aria-label"]
            == "高新技术企业总数 · 实际值（家）：广水市 2024年114、2025年117；随县 2024年无数据、2025年42；曾都区 2024年无数据、2025年150")
        #expect(xml.text.contains("广水市 2024年：114家（目标 120家）"))

        let attainment = try #require(checkSafeSVG(comparison.chart(.attainment)))
        #expect(attainment.attributes.first?["aria-label"]?.hasPrefix("高新技术企业总数 · 完成率（%）：广水市 2024年95、2025年90") == true)
        let ratio = IndicatorComparison(definition: definition("rd.gdp_share"), inputs: [
            ComparisonInput(placeCode: "421381", placeName: "广水市", year: 2025, target: 2.5, actual: 2),
        ])
        let none = try #require(checkSafeSVG(ratio.chart(.perGDP)))
        #expect(none.text.contains("暂无数据"))
        #expect(ratio.unit(.perGDP) == "%/亿元GDP")
    }
}
