/// The words around a number that make it a commitment, bound it, date it, or
/// show that it is something else (a subsidy rate, a qualifier, an ordinal).
enum TargetWords {
    /// Comparators written before the number, with what they mean. The one
    /// nearest the number wins (年底力争突破40家 is `>`).
    static let before: [(word: Scalars, comparator: Comparator)] = {
        let table: [(String, Comparator)] = [
            ("不少于", .atLeast), ("不低于", .atLeast), ("至少", .atLeast), ("达到", .atLeast), ("提高到", .atLeast),
            ("提高至", .atLeast), ("提升到", .atLeast), ("提升至", .atLeast), ("增加到", .atLeast), ("增长到", .atLeast),
            ("增至", .atLeast), ("力争", .atLeast), ("争取", .atLeast), ("确保", .atLeast), ("达", .atLeast),
            ("突破", .greaterThan), ("超过", .greaterThan), ("高于", .greaterThan), ("多于", .greaterThan),
            ("大于", .greaterThan), ("逾", .greaterThan),
            ("不超过", .atMost), ("不高于", .atMost), ("不多于", .atMost), ("控制在", .atMost), ("压减到", .atMost),
            ("降低到", .atMost), ("降至", .atMost), ("低于", .atMost), ("少于", .atMost),
            ("大约", .approximately), ("约", .approximately),
        ]
        return table.map { (S($0.0), $0.1) }.sorted { $0.word.count > $1.word.count }
    }()

    /// Written after the unit.
    static let after: [(word: Scalars, comparator: Comparator)] = [
        ("以上", Comparator.atLeast), ("及以上", .atLeast), ("左右", .approximately), ("上下", .approximately),
        ("以内", .atMost), ("以下", .atMost), ("之内", .atMost),
    ].map { (S($0.0), $0.1) }

    /// A sentence about money given out: its rates and caps are policy, not targets.
    static let funding: [Scalars] = [
        "奖补", "奖励", "补助", "补贴", "资助", "贴息", "给予", "一次性", "扶持资金", "支持资金", "后补助",
    ].map(S)
    /// Words right before a number that make it a cap or a per-item amount.
    static let capBefore: [Scalars] = ["最高", "最多", "单个", "每个", "每家", "每项", "每人", "每户", "按", "按照"].map(S)

    /// Phrases that open a sentence but say nothing about what is counted.
    static let fillers: [Scalars] = [
        "力争", "争取", "确保", "全年", "今年", "年内", "年底", "年末", "全市", "全县", "全区", "我市", "我县", "我区", "每年",
        "累计", "实现", "努力", "预计", "计划", "其中", "同时", "并", "和", "及", "，", "、", "；", "：",
    ].map(S)

    /// Years that are a base, not a due date (比2022年增长, 较2020年).
    static let baseMarkers: [Scalars] = ["比", "较", "同比", "相比", "对比", "基础上", "与", "从"].map(S)

    /// Verbs and bounds that put a Chinese numeral to work as a count.
    static let verbsBeforeCount: [Scalars] = [
        "至少", "不少于", "不低于", "达到", "力争", "确保", "新增", "新建", "建成", "建设", "培育", "引进", "打造", "创建",
        "组建", "推荐", "达成", "签订", "举办", "开展", "完成", "认定", "争创", "获批", "与", "和", "同", "突破", "超过",
    ].map(S)

    /// Words that make a number a fact already true, not a commitment.
    static let status: [Scalars] = ["现有", "已有", "共有", "目前", "截至", "截止", "去年", "已建成", "已认定", "已累计"].map(S)

    /// Five-year plans end in a known year: 到“十四五”末 is 2025.
    static let fiveYearPlans: [(Scalars, Int)] = [("十三五", 2020), ("十四五", 2025), ("十五五", 2030), ("十六五", 2035)].map { (S($0.0), $0.1) }
}
