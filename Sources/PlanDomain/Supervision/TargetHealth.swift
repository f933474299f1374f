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
    /// The year the value is to be reached (到2027年 …) and the year its path
    /// starts (the plan's): a cumulative target due after the year judged is
    /// expected to have made that year's share of its path, not all of it.
    /// Nil: due in the year judged.
    public var path: TargetPath?

    public init(value: Double, max: Double? = nil, comparator: String = ">=", baseline: Double = 0,
                actual: Double? = nil, cumulative: Bool = true, name: String? = nil, path: TargetPath? = nil) {
        self.value = value
        self.max = max
        self.comparator = comparator
        self.baseline = baseline
        self.actual = actual
        self.cumulative = cumulative
        self.name = name
        self.path = path
    }

    public init(value: Double, max: Double? = nil, comparator: PlanText.Comparator, baseline: Double = 0,
                actual: Double? = nil, cumulative: Bool = true, name: String? = nil) {
        self.init(value: value, max: max, comparator: comparator.rawValue, baseline: baseline,
                  actual: actual, cumulative: cumulative, name: name)
    }

    /// A ceiling (不超过, 控制在): judged as a limit, not as progress.
    public var isCeiling: Bool { comparator == PlanText.Comparator.atMost.rawValue }
}

/// The years a target runs over: from the start of `startYear` to the end
/// of `dueYear`.
public struct TargetPath: Sendable, Equatable, Hashable {
    public var startYear: Int
    public var dueYear: Int

    public init(startYear: Int, dueYear: Int) {
        self.startYear = startYear
        self.dueYear = Swift.max(startYear, dueYear)
    }

    /// The share of the path over at the end of `date` (0…1): whole years
    /// before the date's year, plus the profile's share of the date's year.
    public func fraction(at date: CivilDate, profile: ExpectationProfile) -> Double {
        if date.year < startYear { return 0 }
        if date.year > dueYear { return 1 }
        let years = Double(dueYear - startYear + 1)
        return Swift.min(1, (Double(date.year - startYear) + fractionOfYear(at: date, profile: profile)) / years)
    }
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
///   `baseline + (value − baseline) × fraction`, the fraction being the
///   share of the year over — or, for a target due in a later year
///   (`path`), the share of its whole path; levels are expected at `value`
///   all year. The ratio is the growth made over the growth expected,
///   `(actual − baseline) / (expected − baseline)`, when growth is expected,
///   else `actual / expected`; the thresholds turn it into a state. A
///   cumulative target that already reached its value (exceeded it, for
///   `>`) is `completed`, since nothing more is asked.
/// - When nothing is expected yet (expected 0: a level target of 0, or a
///   seasonal profile with no January share and a zero baseline), any
///   non-negative figure is on track. With a positive baseline and no growth
///   expected yet, the figure is compared with the baseline itself.
/// - Ceilings (`<=`): on track while the figure stays at or under the
///   ceiling, at risk above it; ratio = ceiling / actual.
/// - `yearIsOver` (the year judged has ended, `date` being its last day):
///   a target due that year is reached (`completed`) or not (`missed`),
///   never on track or behind — 39.6 of 40 at the end of the year is a
///   missed target. The ratio stays, to say by how much.
public func assess(_ t: TargetCheck, on date: CivilDate, profile: ExpectationProfile = .linear,
                   thresholds: Thresholds = .standard, yearIsOver: Bool = false) -> TargetAssessment {
    let final = yearIsOver && date.year >= (t.path?.dueYear ?? date.year)
    if t.isCeiling {
        guard let actual = t.actual else {
            return TargetAssessment(expected: t.value, actual: nil, ratio: nil, health: .noData, name: t.name)
        }
        let ratio = actual > 0 ? t.value / actual : nil
        let within = actual <= t.value
        return TargetAssessment(expected: t.value, actual: actual, ratio: ratio,
                                health: final ? (within ? .completed : .missed) : (within ? .onTrack : .atRisk), name: t.name)
    }

    let fraction = t.path.map { $0.fraction(at: date, profile: profile) } ?? fractionOfYear(at: date, profile: profile)
    let expected = t.cumulative ? t.baseline + (t.value - t.baseline) * fraction : t.value
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
    if final {
        return TargetAssessment(expected: expected, actual: actual, ratio: ratio, health: reached ? .completed : .missed, name: t.name)
    }
    let completed = t.cumulative && reached && t.value > t.baseline
    return TargetAssessment(expected: expected, actual: actual, ratio: ratio,
                            health: completed ? .completed : health, name: t.name)
}
