import PlanDomain
import Testing

/// 随州's 新增高新技术企业40家 handed to its three counties, worked by hand.
@Suite struct TargetSplitTests {
    static let shares = [
        TargetSplit.Share(place: "421303", name: "曾都区", value: 18),
        TargetSplit.Share(place: "421321", name: "随县", value: 8),
        TargetSplit.Share(place: "421381", name: "广水市", value: 14),
    ]

    @Test func sharesMustAddUpOrTheDifferenceIsConfirmed() throws {
        #expect(try TargetSplit.check(target: 40, shares: Self.shares, confirmDifference: false) == Self.shares)
        var more = Self.shares
        more[1].value = 10   // 42 asked of the counties for 40 promised
        #expect(throws: FormError("各地分解合计 42，与目标 40 相差 2：请调整，或勾选“确认差额”后保存。")) {
            try TargetSplit.check(target: 40, shares: more, confirmDifference: false)
        }
        #expect(try TargetSplit.check(target: 40, shares: more, confirmDifference: true).map(\.value) == [18, 10, 14])
        var negative = Self.shares
        negative[2].value = -1
        #expect(throws: FormError("广水市的分解数不能为负数。")) {
            try TargetSplit.check(target: 40, shares: negative, confirmDifference: true)
        }
        #expect(throws: FormError("请至少为一个地区填写分解数。")) {
            try TargetSplit.check(target: 40, shares: [], confirmDifference: true)
        }
    }

    @Test func theCountiesActualsAddUpToTheCitysCompletion() {
        // 曾都区 12 of 18, 随县 5 of 8, 广水市 9 of 14: 26 of the city's 40 = 65 %.
        let standing = TargetSplit.standing(target: 40, places: [
            (place: "421303", name: "曾都区", share: 18, actual: 12),
            (place: "421321", name: "随县", share: 8, actual: 5),
            (place: "421381", name: "广水市", share: 14, actual: 9),
        ])
        #expect(standing.actualSum == 26 && standing.shareSum == 40)
        #expect(standing.completion == 0.65)
        #expect(standing.rows.map { $0.completion.map { ($0 * 1000).rounded() / 1000 } } == [0.667, 0.625, 0.643])
        // A place without a figure yet adds nothing and has no completion.
        let partial = TargetSplit.standing(target: 40, places: [
            (place: "421303", name: "曾都区", share: 18, actual: 12), (place: "421321", name: "随县", share: 8, actual: nil),
        ])
        #expect(partial.actualSum == 12 && partial.rows[1].completion == nil)
    }
}
