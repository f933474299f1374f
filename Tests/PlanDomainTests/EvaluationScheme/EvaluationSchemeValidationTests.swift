import Testing
@testable import PlanDomain

@Suite struct EvaluationSchemeValidationTests {
    @Test func everyProblemIsNamedInChinese() {
        let scheme = EvaluationScheme(name: " ", items: [
            SchemeItem(key: "1", name: "研发", source: .indicator(code: ""), points: 0, rule: .best),
            SchemeItem(key: "1", name: "排名", source: .manual, points: 10, rule: .rank(step: 0, floor: 12)),
            SchemeItem(key: "3", name: "比例", source: .taskGroup(key: ""), points: 10, rule: .proportional(cap: 0.8)),
            SchemeItem(key: "4", name: "加分", source: .manual, points: 2, rule: .bonus(perUnit: 1, max: 5)),
            SchemeItem(key: "5", name: "对标", source: .manual, points: 10, rule: .benchmark(value: -1)),
        ])
        #expect(scheme.problems == [
            .emptyName,
            .invalidItem(key: "1", name: "研发", reason: "类别为指标，但缺少指标代码"),
            .invalidItem(key: "1", name: "研发", reason: "分值应为大于 0 的数字"),
            .duplicateKey("1"),
            .invalidItem(key: "1", name: "排名", reason: "每名次减分应为大于 0 的数字（如“每名次减2分”）"),
            .invalidItem(key: "1", name: "排名", reason: "最低分应不小于 0 且小于分值（如“最低5分”）"),
            .invalidItem(key: "3", name: "比例", reason: "类别为任务，但缺少任务序号（如 二/（一））"),
            .invalidItem(key: "3", name: "比例", reason: "封顶比例应在 100% 到 1000% 之间（如“封顶120%”）"),
            .invalidItem(key: "4", name: "加分", reason: "加分项的分值应留空或等于上限 5 分（现为 2 分）"),
            .invalidItem(key: "5", name: "对标", reason: "基准值应为大于 0 的数字（如“基准值2.5”）"),
        ])
        #expect(throws: EvaluationSchemeError.emptyName) { try scheme.validated() }
        #expect(EvaluationSchemeError.invalidItem(key: "5", name: "对标", reason: "基准值应为大于 0 的数字").errorDescription
            == "第 5 项“对标”：基准值应为大于 0 的数字。")
        #expect(EvaluationScheme(name: "空", items: []).problems == [.noItems])
    }
}
