import Foundation
import PlanText

/// One stated target (目标) with the latest known figure, ready to judge.
public struct TargetCheck: Sendable, Equatable {
    /// The year's target; for a range, its lower bound.
    public var value: Double
    /// A range's upper bound; not used for judging (reaching the lower bound is enough).
    public var max: Double?
    /// PlanText's raw comparator: ">=", ">", "~", "<=", "range".
    public var comparator: String
    /// Where the year started (last year's figure); cumulative targets grow from here.
    public var baseline: Double
    /// The latest accepted figure; nil when nobody has reported one.
    public var actual: Double?
    /// True for amounts that build up over the year (新增高新技术企业20家);
    /// false for levels judged against the year's figure all year
    /// (研发投入强度达到2.5%).
    public var cumulative: Bool
    /// What the target is called in reasons ("技术合同成交额"); optional.
    public var name: String?

    public init(value: Double, max: Double? = nil, comparator: String = ">=", baseline: Double = 0,
                actual: Double? = nil, cumulative: Bool = true, name: String? = nil) {
        self.value = value
        self.max = max
        self.comparator = comparator
        self.baseline = baseline
        self.actual = actual
        self.cumulative = cumulative
        self.name = name
    }

    public init(value: Double, max: Double? = nil, comparator: PlanText.Comparator, baseline: Double = 0,
                actual: Double? = nil, cumulative: Bool = true, name: String? = nil) {
        self.init(value: value, max: max, comparator: comparator.rawValue, baseline: baseline,
                  actual: actual, cumulative: cumulative, name: name)
    }

    /// A ceiling (不超过, 控制在): judged as a limit, not as progress.
    public var isCeiling: Bool { comparator == PlanText.Comparator.atMost.rawValue }
}

/// A target judged on one day.
public struct TargetAssessment: Sendable, Equatable {
    /// What should have been reached by the day (the ceiling, for a ceiling).
    public var expected: Double
    public var actual: Double?
    /// Actual against expected (完成率); nil when there is nothing to divide by.
    public var ratio: Double?
    public var health: Health
    /// The target's name, carried for reasons.
    public var name: String?

    public init(expected: Double, actual: Double?, ratio: Double?, health: Health, name: String? = nil) {
        self.expected = expected
        self.actual = actual
        self.ratio = ratio
        self.health = health
        self.name = name
    }
}

/// Judges a target on `date`.
///
/// - No figure: `noData`.
/// - Floors (`>=`, `>`, `~`, and `range` by its lower bound): cumulative
///   targets are expected to grow from the baseline by the profile,
///   `baseline + (value − baseline) × fractionOfYear`; levels are expected
///   at `value` all year. The ratio is the growth made over the growth
///   expected, `(actual − baseline) / (expected − baseline)`, when growth is
///   expected, else `actual / expected`; the thresholds turn it into a state.
///   A cumulative target that already reached the year's value (exceeded it,
///   for `>`) is `completed`, since nothing more is asked this year.
/// - When nothing is expected yet (expected 0: a level target of 0, or a
///   seasonal profile with no January share and a zero baseline), any
///   non-negative figure is on track. With a positive baseline and no growth
///   expected yet, the figure is compared with the baseline itself.
/// - Ceilings (`<=`): on track while the figure stays at or under the
///   ceiling, at risk above it; ratio = ceiling / actual.
public func assess(_ t: TargetCheck, on date: CivilDate, profile: ExpectationProfile = .linear,
                   thresholds: Thresholds = .standard) -> TargetAssessment {
    if t.isCeiling {
        guard let actual = t.actual else {
            return TargetAssessment(expected: t.value, actual: nil, ratio: nil, health: .noData, name: t.name)
        }
        let ratio = actual > 0 ? t.value / actual : nil
        return TargetAssessment(expected: t.value, actual: actual, ratio: ratio,
                                health: actual <= t.value ? .onTrack : .atRisk, name: t.name)
    }

    let expected = t.cumulative
        ? t.baseline + (t.value - t.baseline) * fractionOfYear(at: date, profile: profile)
        : t.value
    guard let actual = t.actual else {
        return TargetAssessment(expected: expected, actual: nil, ratio: nil, health: .noData, name: t.name)
    }

    let ratio: Double?
    let health: Health
    if t.cumulative && expected > t.baseline {
        ratio = (actual - t.baseline) / (expected - t.baseline)
        health = thresholds.health(forRatio: ratio!)
    } else if expected > 0 {
        ratio = actual / expected
        health = thresholds.health(forRatio: ratio!)
    } else {
        ratio = nil
        health = actual >= expected ? .onTrack : .atRisk
    }

    let reached = t.comparator == PlanText.Comparator.greaterThan.rawValue ? actual > t.value : actual >= t.value
    let completed = t.cumulative && reached && t.value > t.baseline
    return TargetAssessment(expected: expected, actual: actual, ratio: ratio,
                            health: completed ? .completed : health, name: t.name)
}
