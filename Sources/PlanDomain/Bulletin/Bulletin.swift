/// A monthly or quarterly bulletin (通报) as the office issues it: counts, the
/// tasks grouped by status, the late and at-risk tasks, and the unit ranking.
/// Every field is display text already; `BulletinDocument` only lays it out.
public struct Bulletin: Sendable, Equatable {
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
    /// One group per status that has tasks.
    public var sections: [TaskGroup]
    /// 逾期未报 / 逾期任务.
    public var late: [TaskRow]
    public var atRisk: [TaskRow]
    public var ranking: [UnitRank]
    /// Closing paragraphs.
    public var remarks: [String]

    public init(kind: Kind, title: String, issuer: String, number: String? = nil, periodTitle: String,
                issuedOn: String, summary: [Count] = [], sections: [TaskGroup] = [], late: [TaskRow] = [],
                atRisk: [TaskRow] = [], ranking: [UnitRank] = [], remarks: [String] = []) {
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.number = number
        self.periodTitle = periodTitle
        self.issuedOn = issuedOn
        self.summary = summary
        self.sections = sections
        self.late = late
        self.atRisk = atRisk
        self.ranking = ranking
        self.remarks = remarks
    }

    /// One figure of the summary: label "已完成", value "2项".
    public struct Count: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct TaskGroup: Sendable, Equatable {
        public var title: String
        public var rows: [TaskRow]

        public init(title: String, rows: [TaskRow]) {
            self.title = title
            self.rows = rows
        }
    }

    public struct TaskRow: Sendable, Equatable {
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

    public struct UnitRank: Sendable, Equatable {
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
}
