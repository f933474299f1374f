import Foundation

/// A node of a plan's outline as the standing needs it: where it sits, the
/// units it names, its deadline and its targets. Built by the app from its
/// rows; nothing here knows a database.
public struct StandingNode: Sendable, Equatable {
    public var id: UUID
    public var parent: UUID?
    public var isTask: Bool
    public var deadline: CivilDate?
    /// The lead and responsible units the node itself names, in plan order.
    public var named: [ReportingUnits.Named]
    public var targets: [StandingTarget]
    /// The office's weight (考核权重): a task's weight among its siblings
    /// (nil → 1), a section's in its parent (nil → the sum of its tasks').
    public var weight: Double?
    /// The day a task joined a plan already running (a meeting's decision,
    /// a task added after publication); nil: it owes what the plan owes.
    public var joinedOn: CivilDate?

    public init(id: UUID, parent: UUID? = nil, isTask: Bool, deadline: CivilDate? = nil,
                named: [ReportingUnits.Named] = [], targets: [StandingTarget] = [], weight: Double? = nil,
                joinedOn: CivilDate? = nil) {
        self.id = id
        self.joinedOn = joinedOn
        self.weight = weight
        self.parent = parent
        self.isTask = isTask
        self.deadline = deadline
        self.named = named
        self.targets = targets
    }
}

/// A target of a task: what is to be reached, how it compares, and in what unit.
public struct StandingTarget: Sendable, Equatable {
    public var id: UUID
    public var value: Double
    public var max: Double?
    public var comparator: String
    public var unit: String
    /// The year the plan says it is to be reached (到2027年); nil: the plan's year.
    public var dueYear: Int?

    public init(id: UUID, value: Double, max: Double? = nil, comparator: String = ">=", unit: String, dueYear: Int? = nil) {
        self.id = id
        self.value = value
        self.max = max
        self.comparator = comparator
        self.unit = unit
        self.dueYear = dueYear
    }

    /// The years the target runs over, for a plan of `planYear`: nil when it
    /// is due within that year.
    public func path(planYear: Int) -> TargetPath? {
        guard let dueYear, dueYear > planYear else { return nil }
        return TargetPath(startYear: planYear, dueYear: dueYear)
    }

    /// A percentage (R&D intensity, a share) is a level judged against the
    /// year's target all year; counts and amounts accumulate through the year.
    public var isCumulative: Bool { Self.isCumulative(unit: unit) }

    public static func isCumulative(unit: String) -> Bool {
        !(unit.contains("%") || unit.contains("‰") || unit.contains("％"))
    }
}

/// A progress report as the standing needs it: whose, for which period, in
/// what state, and the values it gives for the task's targets.
public struct StandingReport: Sendable, Equatable {
    public var id: UUID
    public var node: UUID
    public var unit: UUID
    /// The period's key (2025-03, 2025-Q1 …).
    public var period: String
    public var state: ReportState
    public var percent: Double?
    public var selfStatus: Health?
    public var completionProposed: Bool
    public var firstSubmittedAt: Date?
    public var lastSubmittedAt: Date?
    public var updatedAt: Date?
    /// Target id → reported value.
    public var values: [UUID: Double]

    public init(id: UUID, node: UUID, unit: UUID, period: String, state: ReportState, percent: Double? = nil,
                selfStatus: Health? = nil, completionProposed: Bool = false, firstSubmittedAt: Date? = nil,
                lastSubmittedAt: Date? = nil, updatedAt: Date? = nil, values: [UUID: Double] = [:]) {
        self.id = id
        self.node = node
        self.unit = unit
        self.period = period
        self.state = state
        self.percent = percent
        self.selfStatus = selfStatus
        self.completionProposed = completionProposed
        self.firstSubmittedAt = firstSubmittedAt
        self.lastSubmittedAt = lastSubmittedAt
        self.updatedAt = updatedAt
        self.values = values
    }

    public var fact: ReportFact { ReportFact(state: state, firstSubmittedAt: firstSubmittedAt, lastSubmittedAt: lastSubmittedAt) }
}

/// Everything one plan's standing is computed from.
public struct StandingFacts: Sendable, Equatable {
    /// The outline in plan order (sections and tasks).
    public var nodes: [StandingNode]
    public var reports: [StandingReport]
    /// Tasks the office has confirmed complete.
    public var completed: Set<UUID>
    /// When the plan was published: it owes reports from that period on.
    public var publishedAt: Date?
    /// The plan's own bureau, which reports on tasks that name no unit.
    public var issuerUnits: [UUID]
    public var unitNames: [UUID: String]
    /// The office's choice for the plan: responsible units beside a lead
    /// report their own part (the default), or only leads report.
    public var partnersReport: Bool

    public init(nodes: [StandingNode], reports: [StandingReport], completed: Set<UUID> = [], publishedAt: Date? = nil,
                issuerUnits: [UUID] = [], unitNames: [UUID: String] = [:], partnersReport: Bool = true) {
        self.partnersReport = partnersReport
        self.nodes = nodes
        self.reports = reports
        self.completed = completed
        self.publishedAt = publishedAt
        self.issuerUnits = issuerUnits
        self.unitNames = unitNames
    }
}
