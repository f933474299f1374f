/// What the supervision records say about one unit over the year; nil where
/// nothing can be said (no tasks, no reports due, no numeric targets).
public struct UnitMeasures: Sendable, Equatable {
    /// Mean progress of the unit's tasks, 0…1.
    public var completionRate: Double?
    /// Reports on time / reports due, 0…1.
    public var onTimeRate: Double?
    /// Mean over the unit's numeric targets of min(1, actual/target); 0…1.
    public var targetAttainment: Double?
    /// Returned reports / submitted reports, 0…1.
    public var returnRate: Double?

    public init(completionRate: Double? = nil, onTimeRate: Double? = nil, targetAttainment: Double? = nil,
                returnRate: Double? = nil) {
        self.completionRate = completionRate
        self.onTimeRate = onTimeRate
        self.targetAttainment = targetAttainment
        self.returnRate = returnRate
    }
}

/// The scores a person gives one item: the unit's self-assessment (自评) and the
/// office's final score (审定), with the evidence the unit attached.
public struct ManualScore: Sendable, Equatable, Codable {
    public var selfScore: Double?
    public var finalScore: Double?
    public var evidence: String

    public init(selfScore: Double? = nil, finalScore: Double? = nil, evidence: String = "") {
        self.selfScore = selfScore
        self.finalScore = finalScore
        self.evidence = evidence
    }
}

/// One item of one unit's assessment.
public struct ItemResult: Sendable, Equatable {
    public var item: AssessmentItem
    /// points × rate (returns: points × (1 − returnRate)); nil for manual items or unknown rates.
    public var computed: Double?
    /// The unit's own claim, clamped to 0…points.
    public var selfScore: Double?
    /// The office's final if given, else computed, else 0; clamped 0…points.
    public var finalScore: Double
    public var evidence: String
    /// False when the unit has nothing to be judged on for a computed item
    /// (no targets for 目标达成, no reports due for 按时报送) and nobody scored
    /// it: the item is left out and the others scaled to the full score.
    public var applies: Bool

    public init(item: AssessmentItem, computed: Double?, selfScore: Double?, finalScore: Double, evidence: String,
                applies: Bool = true) {
        self.item = item
        self.computed = computed
        self.selfScore = selfScore
        self.finalScore = finalScore
        self.evidence = evidence
        self.applies = applies
    }
}

/// One unit's year-end assessment: every item, the totals and its place.
public struct UnitAssessment: Sendable, Equatable {
    public var key: String
    public var name: String
    public var items: [ItemResult]
    /// Sum of self scores where given (nil if none given), computed used
    /// where no self score; scaled like `finalTotal`.
    public var selfTotal: Double?
    /// The items that apply, scaled to the scheme's full score.
    public var finalTotal: Double
    /// Full score over the points of the items that apply: 1 when all apply;
    /// nil when none does (the total is then 0).
    public var scale: Double?
    /// 1 best; equal totals (within 1e-9) share a rank: 1, 1, 3. 0 until ranked.
    public var rank: Int

    public init(key: String, name: String, items: [ItemResult], selfTotal: Double?, finalTotal: Double,
                scale: Double? = 1, rank: Int = 0) {
        self.key = key
        self.name = name
        self.items = items
        self.selfTotal = selfTotal
        self.finalTotal = finalTotal
        self.scale = scale
        self.rank = rank
    }
}
