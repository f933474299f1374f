/// The indicator codes of `Seeds/indicators.tsv` and how a target's words map
/// to them. Rules are tried in order; the first whose every group of words is
/// present (one word of each group) and whose unit fits gives the code.
public struct Indicator: Sendable, Equatable {
    public var code: String
    public var name: String
    public var unit: String
}

public enum IndicatorCatalogue {
    public static let all: [Indicator] = tsv.split(separator: "\n").dropFirst().compactMap { row in
        let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count >= 3 else { return nil }
        return Indicator(code: f[0], name: f[1], unit: f[2])
    }

    static func name(of code: String) -> String? { all.first { $0.code == code }?.name }

    struct Rule {
        var code: String
        var groups: [[Scalars]]
        var none: [Scalars]
        var units: Set<String>?
    }

    private static let money: Set<String> = ["亿元", "万元", "元", "千元"]
    private static let share: Set<String> = ["%", "个百分点"]
    private static let people: Set<String> = ["名", "人", "位", "人次", "万人次", "万名", "万人"]

    private static func rule(_ code: String, _ groups: [[String]], none: [String] = [], units: Set<String>? = nil) -> Rule {
        Rule(code: code, groups: groups.map { $0.map(S) }, none: none.map(S), units: units)
    }

    private static let hte = ["高新技术企业", "高企"]

    static let rules: [Rule] = [
        rule("rd_institution.coverage", [["研发机构"], ["覆盖", "建有率", "建有"]], units: share),
        rule("ip.training_coverage", [["知识产权"], ["培训"]], units: share),
        rule("ip.pledge_growth", [["质押"]], units: share),
        rule("hti.value_added_share", [["高新技术产业增加值", "高新技术产业产值", "高新技术产业"], ["比重", "占", "比例", "GDP", "生产总值"]], units: share),
        rule("rd.growth", [["研发", "R&D", "研究与试验发展"], ["增长", "增速", "增幅"]], units: share),
        rule("rd.gdp_share", [["研发", "R&D", "研究与试验发展"], ["GDP", "生产总值", "强度"]], units: share),
        rule("rd.expenditure", [["研发", "R&D", "研究与试验发展"], ["经费", "投入", "支出"]], units: money),
        rule("finance.loan_amount", [["融资", "贷款额", "授信", "放贷", "科创贷", "创新贷"]], none: ["质押"], units: money),
        rule("finance.loan_count", [["贷款", "贷"]], units: ["笔"]),
        rule("finance.loan_enterprises", [["入库企业"], ["支持", "贷"]]),
        rule("tech_contract.turnover", [["技术合同", "技术成交额", "技术交易额", "技术交易", "技术市场成交"]], units: money),
        rule("tech_broker.trained", [["技术经纪人", "技术经理人"]]),
        rule("tech_transfer.institutions", [["技术转移"], ["机构"]]),
        rule("srdi.new", [["专精特新"]]),
        rule("new_species.new", [["新物种"]]),
        rule("champion.new", [["单项冠军"]]),
        rule("star_maker.new", [["星创天地"]]),
        rule("joint_rd.new", [["新型研发机构"]]),
        rule("bidding.projects", [["揭榜"]]),
        rule("innovative_products.recommended", [["创新产品"]]),
        rule("matching.events", [["对接活动", "供需对接", "对接会", "产学研对接"]]),
        rule("hte.renewal", [["复审", "重新认定"]]),
        rule("hte.applications", [["申报"], hte]),
        rule("hte.above_scale", [hte, ["规上", "规模以上"]]),
        rule("hte.new", [hte, ["新认定", "新增", "净增", "新培育", "认定"]]),
        rule("hte.total", [hte]),
        rule("tsme.registered", [["科技型中小企业"]]),
        rule("tech_enterprise.cultivated", [["科技型企业"]]),
        rule("achievement.transferred", [["成果转化", "转化应用科技成果", "技术应用成果", "成果转移转化", "转化科技成果", "转化应用", "科技成果"]], units: ["项", "个", "件"]),
        rule("key_tech.breakthroughs", [["关键核心技术", "关键技术", "技术难题", "核心技术", "卡脖子", "技术攻关"]]),
        rule("platform.new", [["创新平台", "科创平台", "研发平台", "科技平台", "创新载体", "实验室", "技术创新中心", "工程技术研究中心", "企校联合创新中心"], ["新增", "备案", "新建", "新认定", "新获批", "争创", "创建", "建设"]]),
        rule("platform.total", [["创新平台", "科创平台", "研发平台", "科技平台"], ["突破", "总数", "累计", "达到", "总量"]]),
        rule("platform.new", [["创新平台", "科创平台", "研发平台", "科技平台"]]),
        rule("incubator.new", [["孵化载体", "孵化器", "众创空间", "加速器", "孵化基地"]]),
        rule("university.agreements", [["高校", "院校", "大学", "科研院所"], ["合作协议", "市校合作", "校地合作", "协议"]]),
        rule("talent.teams", [["团队"]], units: ["个", "支"]),
        rule("talent.introduced", [["人才", "博士", "专家", "院士"]], units: people),
    ]

    /// Words that name what a target counts; a clause without one of its own
    /// (总数突破200家) borrows the last one said before it.
    static let subjects: [Scalars] = [
        "高新技术企业", "高企", "科技型中小企业", "科技型企业", "创新平台", "科创平台", "研发平台", "孵化载体", "孵化器",
        "众创空间", "星创天地", "新型研发机构", "研发机构", "技术合同", "科技成果", "专精特新", "新物种", "单项冠军",
        "技术经纪人", "人才", "团队", "高新技术产业增加值", "研发经费", "R&D经费", "知识产权",
    ].map(S).sorted { $0.count > $1.count }

    /// The indicator code for a target's words and unit, if one fits.
    static func code(for context: Scalars, unit: String) -> String? {
        for r in rules {
            if let units = r.units, !units.contains(unit) { continue }
            if r.none.contains(where: { context.contains($0) }) { continue }
            if r.groups.allSatisfy({ g in g.contains { context.contains($0) } }) { return r.code }
        }
        return nil
    }
}
