import Foundation
import PlanText

/// Whether a yearly target will be met, from the year-to-date figures so far.
///
/// The projection assumes the rest of the year goes at the pace so far: the
/// latest cumulative value v divided by f, the share of the year's work that
/// the profile expects by its date (`fractionOfYear`: linear, or last year's
/// monthly shares for what piles up in December). 30 亿元 by 31 March of a
/// non-leap year is f = 90/365 and a projection of 121.67 亿元.
///
/// A stock (高新技术企业总数) moves on from last year's year-end b instead of
/// from 0, so the same pace applies to v − b: projected b + (v − b) / f. A
/// level (a ratio, a growth rate, a stock without b) is taken as it stands:
/// projected = the latest value. See `Accumulation`.
///
/// Comparators: at least, greater than, approximately and range (the caller
/// passes the lower bound as target) are floors; atMost is a ceiling.
public enum Forecaster {
    /// - observations: values of one year, any order; on the same date the later
    ///   one in the array wins; NaN and infinities are ignored. For a flow each value
    ///   is the year to date (cumulative), for a stock or a level the value on the date.
    /// - accumulation: flow (the default), stock from a baseline, or level.
    /// - status: reached when a floor's actual already meets the target (> for
    ///   greaterThan, ≥ otherwise; a ceiling is never reached before the year is over;
    ///   a level is never reached either, since a ratio can fall back before December);
    ///   atRisk when the projection falls short of a floor (projected < target) or
    ///   exceeds a ceiling (projected > target); onTrack otherwise; unknown without a
    ///   projection (no observations, or f = 0 on a seasonal profile's empty months).
    /// - attainment: projected / target, target / projected for a ceiling (nil when
    ///   that projection is not above 0), nil when not finite.
    /// - probability: how unsure the projection is, from how uneven the pace has been.
    ///   With observations (d_1,v_1)…(d_n,v_n), v_0 = 0 (b for a stock), f_0 = 0, the paces are
    ///   x_i = (v_i − v_{i−1}) / (f_i − f_{i−1}) (a step with f_i = f_{i−1} is skipped
    ///   and its change counts in the next step). With k ≥ 3 paces and s their sample
    ///   standard deviation, the year-end value is taken as Normal(projected, sd) with
    ///   sd = (1 − f_n) · s / √k: only the part of the year still to come is uncertain,
    ///   and the more paces seen, the better the mean pace is known. The probability is
    ///   P(year-end ≥ target) = ½ · erfc((target − projected) / (sd · √2))
    ///   (P(year-end ≤ target) for a ceiling); sd = 0 gives 1 or 0. Fewer than 3
    ///   paces: nil. A reached target: 1. A level: nil (its path says nothing of its spread).
    /// - redSince: the status is computed after each observation in turn; when the
    ///   latest is atRisk, the date of the first of the unbroken run of atRisk ones
    ///   at the end (the day the forecast turned red).
    public static func forecast(target: Double, comparator: PlanText.Comparator, observations: [Observation],
                                profile: ExpectationProfile = .linear, accumulation: Accumulation = .flow) -> Forecast {
        let points = cleaned(observations, profile: profile, accumulation: accumulation)
        guard let last = points.last else { return Forecast() }
        let ceiling = comparator == .atMost
        let projected = last.projected
        var forecast = Forecast(asOf: last.date, actual: last.value, projected: projected)
        guard target.isFinite else { return forecast }

        forecast.status = status(of: last, target: target, comparator: comparator)
        if let projected, !ceiling || projected > 0 {
            let attainment = ceiling ? target / projected : projected / target
            forecast.attainment = attainment.isFinite ? attainment : nil
        }
        if forecast.status == .reached {
            forecast.probability = 1
        } else if !last.isLevel, let projected, let sd = spread(points) {
            forecast.probability = probability(projected: projected, sd: sd, target: target, ceiling: ceiling)
        }
        if forecast.status == .atRisk {
            var first = last.date
            for point in points.reversed() {
                guard status(of: point, target: target, comparator: comparator) == .atRisk else { break }
                first = point.date
            }
            forecast.redSince = first
        }
        return forecast
    }

    /// The projected year-end value after each observation, for a chart (date, projected);
    /// observations with nothing expected yet (f = 0) have no projection and are left out.
    /// A level's projections are its values.
    public static func path(observations: [Observation], profile: ExpectationProfile = .linear,
                            accumulation: Accumulation = .flow) -> [(date: CivilDate, projected: Double)] {
        cleaned(observations, profile: profile, accumulation: accumulation).compactMap { point in
            point.projected.map { (date: point.date, projected: $0) }
        }
    }

    /// What should have been reached by `date` (序时应达), for a chart's expected line:
    /// target · f for a flow, b + (target − b) · f for a stock from b, the target
    /// itself for a level (it is due all year).
    public static func expected(target: Double, at date: CivilDate, profile: ExpectationProfile = .linear,
                                accumulation: Accumulation = .flow) -> Double {
        let f = fractionOfYear(at: date, profile: profile)
        switch accumulation {
        case .flow: return target * f
        case .stock(let baseline) where baseline.isFinite: return baseline + (target - baseline) * f
        case .stock, .level: return target
        }
    }

    // MARK: Private

    private struct Point {
        var date: CivilDate
        var value: Double
        /// The share of the year expected by `date`.
        var fraction: Double
        /// Where the year started: 0 for a flow, last year's year-end for a stock.
        var start: Double
        /// Taken as it stands: no pace, no projection beyond the value itself.
        var isLevel: Bool

        var projected: Double? {
            if isLevel { return value }
            guard fraction > 0 else { return nil }
            let value = start + (value - start) / fraction
            return value.isFinite ? value : nil
        }
    }

    private static func cleaned(_ observations: [Observation], profile: ExpectationProfile,
                                accumulation: Accumulation) -> [Point] {
        var byDate: [CivilDate: Double] = [:]
        for observation in observations where observation.value.isFinite {
            byDate[observation.date] = observation.value
        }
        var start = 0.0, isLevel = false
        switch accumulation {
        case .flow: break
        case .stock(let baseline) where baseline.isFinite: start = baseline
        case .stock, .level: isLevel = true
        }
        return byDate.keys.sorted().map { date in
            Point(date: date, value: byDate[date]!, fraction: fractionOfYear(at: date, profile: profile), start: start,
                  isLevel: isLevel)
        }
    }

    private static func status(of point: Point, target: Double, comparator: PlanText.Comparator) -> ForecastStatus {
        switch comparator {
        case .atMost:
            guard let projected = point.projected else { return .unknown }
            return projected > target ? .atRisk : .onTrack
        case .atLeast, .greaterThan, .approximately, .range:
            let reached = comparator == .greaterThan ? point.value > target : point.value >= target
            if reached { return point.isLevel ? .onTrack : .reached }
            guard let projected = point.projected else { return .unknown }
            return projected < target ? .atRisk : .onTrack
        }
    }

    /// sd = (1 − f_n) · s / √k over the k paces; nil with fewer than 3.
    private static func spread(_ points: [Point]) -> Double? {
        var paces: [Double] = []
        var previousValue = points.first?.start ?? 0, previousFraction = 0.0
        for point in points where point.fraction > previousFraction {
            paces.append((point.value - previousValue) / (point.fraction - previousFraction))
            previousValue = point.value
            previousFraction = point.fraction
        }
        guard paces.count >= 3, let last = points.last else { return nil }
        let k = Double(paces.count)
        let mean = paces.reduce(0, +) / k
        let variance = paces.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1)
        let sd = (1 - last.fraction) * variance.squareRoot() / k.squareRoot()
        return sd.isFinite ? sd : nil
    }

    private static func probability(projected: Double, sd: Double, target: Double, ceiling: Bool) -> Double {
        guard sd > 0 else {
            return (ceiling ? projected <= target : projected >= target) ? 1 : 0
        }
        let z = (ceiling ? projected - target : target - projected) / (sd * 2.0.squareRoot())
        return Swift.min(1, Swift.max(0, 0.5 * erfc(z)))
    }
}
