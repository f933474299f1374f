import PlanDomain
import Testing

/// 各地完成情况 worked by hand: three counties on two indicators.
@Suite struct PlaceCompletionTests {
    typealias F = PlaceCompletion.Figures

    @Test func placesAreRankedByTheirMeanCompletion() {
        let entries = PlaceCompletion.rank([
            // 12/10 = 1.2 and 30/40 = 0.75: mean 0.975.
            (code: "421303", name: "曾都区", figures: [F(actual: 12, target: 10), F(actual: 30, target: 40)]),
            // 9/10 = 0.9 and 44/40 = 1.1: mean 1.0.
            (code: "421381", name: "广水市", figures: [F(actual: 9, target: 10), F(actual: 44, target: 40)]),
            // Only the first is known: 5/10 = 0.5; the second has no target.
            (code: "421321", name: "随县", figures: [F(actual: 5, target: 10), F(actual: 20, target: nil)]),
            // Nothing known: listed, not ranked.
            (code: "421390", name: "高新区", figures: [F(actual: nil, target: 10), F(actual: 3, target: 0)]),
        ])
        #expect(entries.map(\.name) == ["广水市", "曾都区", "随县", "高新区"])
        #expect(entries.map(\.rank) == [1, 2, 3, nil])
        #expect(abs(entries[1].mean! - 0.975) < 1e-12)
        #expect(entries[2].ratios == [0.5, nil])
        #expect(entries[3].mean == nil)
    }

    @Test func equalMeansShareTheirRank() {
        let entries = PlaceCompletion.rank([
            (code: "b", name: "乙县", figures: [F(actual: 8, target: 10)]),
            (code: "a", name: "甲县", figures: [F(actual: 4, target: 5)]),
            (code: "c", name: "丙县", figures: [F(actual: 1, target: 10)]),
        ])
        #expect(entries.map(\.name) == ["乙县", "甲县", "丙县"])   // 0.8, 0.8 by name (乙 < 甲 in code points), then 0.1
        #expect(entries.map(\.rank) == [1, 1, 3])
    }
}
