import Foundation
import PlanDomain
import Testing

@Suite struct DuplicatePlanTests {
    let a = UUID(), b = UUID(), c = UUID()

    func facts(_ id: UUID, _ title: String, _ year: Int?, _ place: String, _ text: String) -> DuplicatePlan.Facts {
        .init(id: id, title: title, year: year, jurisdictionCode: place, text: text)
    }

    @Test func theSameTextIsTheSamePlanWhateverItsLineBreaks() {
        let held = [facts(a, "随州市2025年科技工作要点", 2025, "421300", "一、总体要求\n（一）加快创新")]
        let again = facts(c, "另一个标题", nil, "421300", "一、总体要求 （一）加快创新\u{3000}")
        #expect(DuplicatePlan.find(again, among: held) == .sameText(a))
    }

    @Test func theSameTitleYearAndPlaceIsTheSamePlan() {
        let held = [facts(a, "随州市2025年科技工作要点", 2025, "421300", "旧文"),
                    facts(b, "随州市2025年科技工作要点", 2024, "421300", "x")]
        #expect(DuplicatePlan.find(facts(c, "随州市 2025年科技工作要点", 2025, "421300", "新文"), among: held) == .sameTitle(a))
        // Another year or another place is another plan.
        #expect(DuplicatePlan.find(facts(c, "随州市2025年科技工作要点", 2026, "421300", "新文"), among: held) == nil)
        #expect(DuplicatePlan.find(facts(c, "随州市2025年科技工作要点", 2025, "421381", "新文"), among: held) == nil)
    }

    @Test func aTextMatchIsPreferredAndEmptyFactsMatchNothing() {
        let held = [facts(a, "标题", 2025, "421300", "甲"), facts(b, "另一", 2025, "421300", "乙")]
        #expect(DuplicatePlan.find(facts(c, "标题", 2025, "421300", "乙"), among: held) == .sameText(b))
        #expect(DuplicatePlan.find(facts(c, "", nil, "421300", ""), among: [facts(a, "", nil, "421300", "")]) == nil)
    }
}
