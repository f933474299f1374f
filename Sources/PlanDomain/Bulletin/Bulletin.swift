/// A monthly or quarterly bulletin (通报) as the office issues it: counts, the
/// plan's targets (完成率 and 预计完成率 side by side) and their chart, the
/// places compared, the tasks grouped by status, the late and at-risk tasks,
/// and the unit ranking. Every field but the chart's numbers is display text
/// already; `BulletinDocument` and the bulletin page only lay it out. Codable
/// so a draft is kept as it was previewed and published as is.
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
    /// The numbers of the chart 主要指标完成率 drawn after the targets table;
    /// nil (as in drafts kept before there was a chart) draws none.
    public var chart: ChartData?
    /// 各地对比; nil or without rows leaves the part out.
    public var places: PlaceTable?
    /// 会议议定事项 of meetings held by the period's end, as tasks; nil (as in
    /// drafts kept before meetings were recorded) or empty prints no part.
    public var decisions: [TaskRow]?
    /// One group per status that has tasks.
    public var sections: [TaskGroup]
    /// 逾期未报 / 逾期任务.
    public var late: [TaskRow]
    public var atRisk: [TaskRow]
    public var ranking: [UnitRank]
    /// Closing paragraphs.
    public var remarks: [String]

    public init(kind: Kind, title: String, issuer: String, number: String? = nil, periodTitle: String,
                issuedOn: String, summary: [Count] = [], targets: [TargetRow] = [], chart: ChartData? = nil,
                places: PlaceTable? = nil, decisions: [TaskRow]? = nil, sections: [TaskGroup] = [], late: [TaskRow] = [], atRisk: [TaskRow] = [],
                ranking: [UnitRank] = [], remarks: [String] = []) {
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.number = number
        self.periodTitle = periodTitle
        self.issuedOn = issuedOn
        self.summary = summary
        self.targets = targets
        self.chart = chart
        self.places = places
        self.decisions = decisions
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

    /// The column headers of each table, as the document and the page print them.
    public enum Columns {
        public static let summary = ["项目", "数值"]
        public static let targets = ["序号", "指标", "目标", "实际", "较上期", "完成率", "预计全年", "预计完成率", "状态"]
        public static let tasks = ["序号", "任务", "责任单位", "状态", "进度", "说明"]
        public static let ranking = ["名次", "单位", "任务数", "按时报送率", "完成率", "得分"]

        /// 各地对比: 名次, 地区, the table's own measures, then 综合完成率.
        public static func places(_ measures: [String]) -> [String] { ["名次", "地区"] + measures + ["综合完成率"] }
    }

    /// The opening sentence: 截至…，任务总数…项，….
    public var summarySentence: String { BulletinText.summarySentence(self) }

    /// The issue date as printed: 2025年4月2日.
    public var printedIssuedOn: String { BulletinText.printedDate(issuedOn) }

    /// （一）, （二） … for the task groups.
    public static func groupNumber(_ n: Int) -> String { "（" + BulletinText.numeral(n) + "）" }
}
