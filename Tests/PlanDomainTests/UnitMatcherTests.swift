import PlanDomain
import Testing

@Suite struct UnitMatcherTests {
    let matcher = UnitMatcher(jurisdictionName: "随州市", candidates: [
        .init(key: "kjj", names: ["市科技局", "市科技经信局"]),
        .init(key: "czj", names: ["市财政局"]),
        .init(key: "gxq", names: ["随州高新区管理委员会"]),
    ])

    @Test func longAndShortFormOfTheCityBureauMeet() {
        #expect(matcher.match("随州市科技局") == "kjj")
        #expect(matcher.match("市科技局") == "kjj")
        #expect(matcher.match("随州科技局") == "kjj")
    }

    @Test func aliasesMatch() {
        #expect(matcher.match("市科技经信局") == "kjj")
    }

    @Test func aParkNamedAfterTheCityIsNotTheCityItself() {
        #expect(UnitMatcher.normalise("随州高新区管理委员会", jurisdictionName: "随州市") == "高新区管委会")
        #expect(matcher.match("随州高新区管理委员会") == "gxq")
    }

    @Test func differentBodiesDoNotMatch() {
        #expect(matcher.match("市财政厅") == nil)
        #expect(matcher.match("市税务局") == nil)
    }

    @Test func officialLongAndShortFormsMeet() {
        #expect(matcher.match("随州市科学技术局") == "kjj")
        #expect(matcher.match("随州高新区管委会") == "gxq")
    }

    @Test func nearNamesAreSuggestedBestFirst() {
        let suggestions = matcher.suggestions(for: "市科技和信息局")
        #expect(suggestions.first?.key == "kjj")
        #expect(matcher.suggestions(for: "高新区管委会").first?.key == "gxq")
        #expect(matcher.suggestions(for: "市公安局", minimumScore: 0.6).isEmpty)
    }

    @Test func kindIsGuessedFromTheName() {
        #expect(UnitKindGuess.kind(of: "规划财务科") == "section")
        #expect(UnitKindGuess.kind(of: "各镇办") == "town")
        #expect(UnitKindGuess.kind(of: "经济开发区") == "park")
        #expect(UnitKindGuess.kind(of: "市科技经信局") == "bureau")
        #expect(UnitKindGuess.kind(of: "市财政局") == "department")
    }
}
