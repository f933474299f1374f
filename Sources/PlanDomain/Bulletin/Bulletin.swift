/// A monthly or quarterly bulletin (通报) as the office issues it: counts, the
/// plan's targets (完成率 and 预计完成率 side by side), the tasks grouped by
/// status, the late and at-risk tasks, and the unit ranking. Every field is
/// display text already; `BulletinDocument` and the bulletin page only lay it
/// out. Codable so a draft is kept as it was previewed and published as is.
public struct Bulletin: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case monthly, quarterly

        /// 月度通报 / 季度通报.
        public var title: String {
            switch self {
            case .monthly: "月度通报"
            case .quarterly: "季度通报"
            }
        }
    }

    public var kind: Kind
    /// "随州市2025年科技工作要点落实情况通报（2025年3月）".
    public var title: String
    /// "随州市科学技术局".
    public var issuer: String
    /// The serial, "第3期".
    public var number: String?
    /// "2025年3月", "2025年第一季度".
    public var periodTitle: String
    /// ISO date "2025-04-02", printed as 2025年4月2日.
    public var issuedOn: String
    /// In reading order: 任务总数, 已完成, 正常, 滞后, 风险, 逾期, 报送率 …
    public var summary: [Count]
    /// The plan's numeric targets as of the period's end.
    public var targets: [TargetRow]
    /// One group per status that has tasks.
    public var sections: [TaskGroup]
    /// 逾期未报 / 逾期任务.
    public var late: [TaskRow]
    public var atRisk: [TaskRow]
    public var ranking: [UnitRank]
    /// Closing paragraphs.
    public var remarks: [String]

    public init(kind: Kind, title: String, issuer: String, number: String? = nil, periodTitle: String,
                issuedOn: String, summary: [Count] = [], targets: [TargetRow] = [], sections: [TaskGroup] = [], late: [TaskRow] = [],
                atRisk: [TaskRow] = [], ranking: [UnitRank] = [], remarks: [String] = []) {
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.number = number
        self.periodTitle = periodTitle
        self.issuedOn = issuedOn
        self.summary = summary
        self.targets = targets
        self.sections = sections
        self.late = late
        self.atRisk = atRisk
        self.ranking = ranking
        self.remarks = remarks
    }

    /// One figure of the summary: label "已完成", value "2项".
    public struct Count: Sendable, Equatable, Codable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct TaskGroup: Sendable, Equatable, Codable {
        public var title: String
        public var rows: [TaskRow]

        public init(title: String, rows: [TaskRow]) {
            self.title = title
            self.rows = rows
        }
    }

    public struct TaskRow: Sendable, Equatable, Codable {
        /// The outline path, "二/（一）/1".
        public var key: String
        public var title: String
        public var units: String
        public var status: String
        /// "60%", or "—" when nothing is measured.
        public var progress: String
        public var note: String

        public init(key: String, title: String, units: String, status: String, progress: String, note: String = "") {
            self.key = key
            self.title = title
            self.units = units
            self.status = status
            self.progress = progress
            self.note = note
        }
    }

    public struct UnitRank: Sendable, Equatable, Codable {
        public var rank: Int
        public var unit: String
        public var tasks: Int
        public var onTimeRate: String
        public var completionRate: String
        public var score: String

        public init(rank: Int, unit: String, tasks: Int, onTimeRate: String, completionRate: String, score: String) {
            self.rank = rank
            self.unit = unit
            self.tasks = tasks
            self.onTimeRate = onTimeRate
            self.completionRate = completionRate
            self.score = score
        }
    }

    /// One numeric target: 目标 as stated, 实际 by the period's end, 完成率
    /// (实际 ÷ 目标), the year-end forecast and 预计完成率 (forecast ÷ 目标), and
    /// its state (docs/numbers.md). Display text, "—" where unknown.
    public struct TargetRow: Sendable, Equatable, Codable {
        public var key: String
        public var text: String
        public var target: String
        public var actual: String
        public var completionRate: String
        public var projected: String
        public var projectedRate: String
        public var status: String
        public var units: String

        public init(key: String, text: String, target: String, actual: String, completionRate: String,
                    projected: String, projectedRate: String, status: String, units: String) {
            self.key = key
            self.text = text
            self.target = target
            self.actual = actual
            self.completionRate = completionRate
            self.projected = projected
            self.projectedRate = projectedRate
            self.status = status
            self.units = units
        }
    }

    /// The numbered parts, as the document and the page print them.
    public enum Part: String, CaseIterable, Sendable {
        case targets = "一、主要指标完成情况"
        case tasks = "二、任务进展情况"
        case late = "三、逾期任务"
        case atRisk = "四、风险任务"
        case ranking = "五、单位排名"
    }

    /// The column headers of each table, as the document and the page print them.
    public enum Columns {
        public static let summary = ["项目", "数值"]
        public static let targets = ["序号", "指标", "目标", "实际", "完成率", "预计全年", "预计完成率", "状态"]
        public static let tasks = ["序号", "任务", "责任单位", "状态", "进度", "说明"]
        public static let ranking = ["名次", "单位", "任务数", "按时报送率", "完成率", "得分"]
    }

    /// The opening sentence: 截至…，任务总数…项，….
    public var summarySentence: String { BulletinText.summarySentence(self) }

    /// The issue date as printed: 2025年4月2日.
    public var printedIssuedOn: String { BulletinText.printedDate(issuedOn) }

    /// （一）, （二） … for the task groups.
    public static func groupNumber(_ n: Int) -> String { "（" + BulletinText.numeral(n) + "）" }
}
