/// The words a scheme sheet uses for an item's kind (类别) and rule (计分方法),
/// read after dropping blanks and punctuation, so 最高值得满分，其余按比例 and
/// 最高值得满分其余按比例 are the same.
enum SchemeWords {
    /// What 类别 says: the source, or a bonus or deduction item (whose source
    /// is then its indicator code, if any, else manual).
    enum Category: CaseIterable {
        case indicator, task, manual, bonus, deduction

        /// What the export writes for a source.
        static func title(_ source: ItemSource) -> String {
            switch source {
            case .indicator: "指标"
            case .taskGroup: "任务"
            case .manual: "手工"
            }
        }

        var words: Set<String> {
            switch self {
            case .indicator: ["指标", "定量指标", "考评指标", "统计指标", "量化指标", "指标类"]
            case .task: ["任务", "重点任务", "工作任务", "任务类", "任务完成"]
            case .manual: ["手工", "手工录入", "手工填报", "人工", "人工录入", "录入", "基础数据", "手填"]
            case .bonus: ["加分项", "加分", "加分指标"]
            case .deduction: ["减分项", "减分", "扣分项", "扣分", "减分指标"]
            }
        }

        init?(_ text: String) {
            let key = SchemeWords.key(text)
            guard let found = Self.allCases.first(where: { $0.words.contains(key) }) else { return nil }
            self = found
        }
    }

    /// The rule named in 计分方法, before its parameters are read.
    enum Rule: CaseIterable {
        case reached, proportional, rank, best, benchmark, growth, bonus, deduction

        var words: Set<String> {
            switch self {
            case .reached: ["达标得满分", "达标计分", "达到目标得满分", "完成目标得满分", "达标法", "达标"]
            case .proportional: ["按完成比例计分", "按比例计分", "完成比例计分", "按完成率计分", "完成率法", "比例法", "按完成比例"]
            case .rank: ["按排名计分", "排名计分", "排名法", "按名次计分", "名次法", "按排名"]
            case .best: ["最高值得满分其余按比例", "最高值得满分其余按比例计分", "最高值得满分其他按比例", "最高值法",
                         "最高值得满分", "最大值法"]
            case .benchmark: ["对标基准值", "对标基准值计分", "基准值法", "对标计分", "按基准值计分", "对标法"]
            case .growth: ["按增幅计分", "增幅计分", "增幅法", "按增长率计分", "增长率法", "按增速计分"]
            case .bonus: ["加分", "加分项", "加分法", "按项加分"]
            case .deduction: ["减分", "减分项", "扣分", "扣分项", "按项减分", "按项扣分"]
            }
        }

        init?(_ text: String) {
            let key = SchemeWords.key(text)
            guard let found = Self.allCases.first(where: { $0.words.contains(key) }) else { return nil }
            self = found
        }
    }

    /// The rule names the sheet accepts, as an error message lists them.
    static let ruleList = "达标得满分、按完成比例计分、按排名计分、最高值得满分其余按比例（或 最高值法）、对标基准值、按增幅计分、加分、减分"

    /// Full-width forms as ASCII, without blanks and the punctuation people put
    /// between words (，、。；：“”).
    static func key(_ text: String) -> String {
        String(FigureText.ascii(text).filter { !$0.isWhitespace && !punctuation.contains($0) })
    }

    private static let punctuation: Set<Character> = ["，", ",", "、", "。", ".", "；", ";", "：", ":", "“", "”", "\"",
                                                      "'", "‘", "’", "（", "）", "(", ")"]
}
