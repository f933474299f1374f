import Testing
@testable import PlanDomain

@Suite struct IndicatorRollUpTests {
    /// High-tech enterprises: 随州 entered its own 100; its counties give 40 + 25 + 30 = 95.
    /// 宜昌 has none of its own; 西陵 50 and 伍家岗 not reported give 50.
    /// The province gets 随州's own 100 + 宜昌's 50 = 150.
    let counts = IndicatorFigures(["hte.total": [
        "421300": 100, "421303": 40, "421321": 25, "421381": 30, "420502": 50,
    ]])

    @Test func countsSumTheChildrensEffectiveValues() {
        let rows = rollUp("hte.total", counts)
        #expect(rows["421300"]?.fromChildren == 95)
        #expect(rows["421300"]?.effective == 100)
        #expect(rows["420500"]?.own == nil)
        #expect(rows["420500"]?.effective == 50)
        #expect(rows["420000"]?.fromChildren == 150)
        #expect(rows["420000"]?.effective == 150)
        #expect(rows["420000"]?.mismatch == nil)
    }

    @Test func leavesHaveNoValueFromChildren() {
        let rows = rollUp("hte.total", counts)
        #expect(rows["421303"]?.fromChildren == nil)
        #expect(rows["421303"]?.effective == 40)
        #expect(rows["421303"]?.childrenCount == 0)
    }

    @Test func aCityWhoseCountiesDoNotAddUpHasAMismatch() throws {
        // 95 − 100 = −5: the counties give five fewer than the city says.
        let mismatch = try #require(rollUp("hte.total", counts)["421300"]?.mismatch)
        #expect(mismatch.own == 100)
        #expect(mismatch.fromChildren == 95)
        #expect(mismatch.difference == -5)
        #expect(mismatch.message == "下级合计 95 与本级 100 不一致（少 5）")
        #expect(Mismatch(own: 100, fromChildren: 105).message == "下级合计 105 与本级 100 不一致（多 5）")
    }

    @Test func aCountyWithoutAValueIsSkippedAndCounted() {
        let row = rollUp("hte.total", counts)["420500"]
        #expect(row?.childrenWithValue == 1)
        #expect(row?.childrenCount == 2)
        #expect(row?.mismatch == nil)
        #expect(rollUp("hte.total", counts)["421300"]?.childrenWithValue == 3)
        #expect(row?.partialNote == "下级合计只含 1/2 个地区", "the page says the sum is partial")
        #expect(rollUp("hte.total", counts)["421300"]?.partialNote == nil)
    }

    @Test func amountsSumLikeCounts() {
        // 12.5 + 3.25 + 8 = 23.75 亿元; the province has only 随州's counties.
        let figures = IndicatorFigures(["tech_contract.turnover": ["421303": 12.5, "421321": 3.25, "421381": 8]])
        let rows = rollUp("tech_contract.turnover", figures)
        #expect(rows["421300"]?.effective == 23.75)
        #expect(rows["420500"]?.effective == nil)
        #expect(rows["420000"]?.effective == 23.75)
        #expect(rows["420000"]?.childrenWithValue == 1)
    }

    @Test func theToleranceIsHalfAPercentOfTheLargerValue() {
        // 0.5 % of 1000 is 5: 996 is within it, 994 is not.
        #expect(IndicatorRollUp.mismatch(own: 1000, fromChildren: 996) == nil)
        #expect(IndicatorRollUp.mismatch(own: 1000, fromChildren: 994)?.difference == -6)
        #expect(IndicatorRollUp.mismatch(own: 0, fromChildren: 0) == nil)
        #expect(IndicatorRollUp.mismatch(own: 0, fromChildren: 1e-6) != nil)
        #expect(IndicatorRollUp.mismatch(own: nil, fromChildren: 3) == nil)
    }

    @Test func mismatchMessagesShowDecimalsWithoutTrailingZeros() {
        let message = Mismatch(own: 2.5, fromChildren: 2.272727).message
        #expect(message == "下级合计 2.27 与本级 2.5 不一致（少 0.2273）")
    }
}
