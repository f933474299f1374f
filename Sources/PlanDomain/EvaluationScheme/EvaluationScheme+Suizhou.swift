extension EvaluationScheme {
    /// The ratio indicators 随州 2025 工作方案 §三(三) 加大考核激励 puts into each
    /// place's assessment, named as the plan names them, with the points and
    /// rule of `IndicatorDefaults.evaluationItems` (最高值得满分，其余按比例), so
    /// scoring with this scheme gives the scores `Evaluation.evaluate` gives.
    /// The plan names the items but not their points; offices change them.
    public static let suizhou2025 = EvaluationScheme(
        name: "随州市2025年县（市、区）科技创新综合考评",
        items: [
            suizhou("1", "规模以上制造业企业研发机构建有率", "rd_institution.coverage", 15, "%"),
            suizhou("2", "研发支出与地区生产总值之比", "rd.gdp_share", 20, "%"),
            suizhou("3", "技术合同成交额与地区生产总值之比", "eval.contract_gdp", 15, "%"),
            suizhou("4", "每万家企业法人中高新技术企业数", "eval.hte_per_10k", 15, "家"),
            suizhou("5", "基础研究支出占研发支出比重", "eval.basic_research_share", 10, "%"),
            suizhou("6", "研发人员占比", "eval.rd_personnel_share", 15, "%"),
            suizhou("7", "外国高端人才和专业人才来华工作数量与本地就业人员之比", "eval.foreign_talent_per_10k", 10, "人"),
        ])

    private static func suizhou(_ key: String, _ name: String, _ code: String, _ points: Double,
                                _ unit: String) -> SchemeItem {
        SchemeItem(key: key, name: name, source: .indicator(code: code), points: points, rule: .best, unit: unit,
                   note: "随州市2025年工作方案三（三）所列指标；分值为系统默认，可修改")
    }
}
