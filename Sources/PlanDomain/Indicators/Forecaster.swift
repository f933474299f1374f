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
/// Comparators: at least, greater than, approximately and range (the caller
/// passes the lower bound as target) are floors; atMost is a ceiling.
public enum Forecaster {
    /// - observations: cumulative year-to-date values of one year, any order; on the
    ///   same date the later one in the array wins; NaN and infinities are ignored.
    /// - status: reached when a floor's actual already meets the target (> for
    ///   greaterThan, ≥ otherwise; a ceiling is never reached before the year is over);
    ///   atRisk when the projection falls short of a floor (projected < target) or
    ///   exceeds a ceiling (projected > target); onTrack otherwise; unknown without a
    ///   projection (no observations, or f = 0 on a seasonal profile's empty months).
    /// - probability: how unsure the projection is, from how uneven the pace has been.
    ///   With observations (d_1,v_1)…(d_n,v_n), v_0 = 0, f_0 = 0, the paces are
    ///   x_i = (v_i − v_{i−1}) / (f_i − f_{i−1}) (a step with f_i = f_{i−1} is skipped
    ///   and its change counts in the next step). With k ≥ 3 paces and s their sample
    ///   standard deviation, the year-end value is taken as Normal(projected, sd) with
    ///   sd = (1 − f_n) · s / √k: only the part of the year still to come is uncertain,
    ///   and the more paces seen, the better the mean pace is known. The probability is
    ///   P(year-end ≥ target) = ½ · erfc((target − projected) / (sd · √2))
    ///   (P(year-end ≤ target) for a ceiling); sd = 0 gives 1 or 0. Fewer than 3
    ///   paces: nil. A reached target: 1.
    /// - redSince: the status is computed after each observation in turn; when the
    ///   latest is atRisk, the date of the first of the unbroken run of atRisk ones
    ///   at the end (the day the forecast turned red).
    public static func forecast(target: Double, comparator: PlanText.Comparator, observations: [Observation],
                                profile: ExpectationProfile = .linear) -> Forecast {
        let points = cleaned(observations, profile: profile)
        guard let last = points.last else { return Forecast() }
        let ceiling = comparator == .atMost
        let projected = last.projected
        var forecast = Forecast(asOf: last.date, actual: last.value, projected: projected)
        guard target.isFinite else { return forecast }

        forecast.status = status(of: last, target: target, comparator: comparator)
        if let projected {
            let attainment = ceiling ? target / projected : projected / target
            forecast.attainment = attainment.isFinite ? attainment : nil
        }
        if forecast.status == .reached {
            forecast.probability = 1
        } else if let projected, let sd = spread(points) {
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
    public static func path(observations: [Observation], profile: ExpectationProfile = .linear)
        -> [(date: CivilDate, projected: Double)] {
        cleaned(observations, profile: profile).compactMap { point in
            point.projected.map { (date: point.date, projected: $0) }
        }
    }

    // MARK: Private

    private struct Point {
        var date: CivilDate
        var value: Double
        /// The share of the year expected by `date`.
        var fraction: Double
        var projected: Double? {
            guard fraction > 0 else { return nil }
            let value = value / fraction
            return value.isFinite ? value : nil
        }
    }

    private static func cleaned(_ observations: [Observation], profile: ExpectationProfile) -> [Point] {
        var byDate: [CivilDate: Double] = [:]
        for observation in observations where observation.value.isFinite {
            byDate[observation.date] = observation.value
        }
        return byDate.keys.sorted().map { date in
            Point(date: date, value: byDate[date]!, fraction: fractionOfYear(at: date, profile: profile))
        }
    }

    private static func status(of point: Point, target: Double, comparator: PlanText.Comparator) -> ForecastStatus {
        switch comparator {
        case .atMost:
            guard let projected = point.projected else { return .unknown }
            return projected > target ? .atRisk : .onTrack
        case .atLeast, .greaterThan, .approximately, .range:
            let reached = comparator == .greaterThan ? point.value > target : point.value >= target
            if reached { return .reached }
            guard let projected = point.projected else { return .unknown }
            return projected < target ? .atRisk : .onTrack
        }
    }

    /// sd = (1 − f_n) · s / √k over the k paces; nil with fewer than 3.
    private static func spread(_ points: [Point]) -> Double? {
        var paces: [Double] = []
        var previousValue = 0.0, previousFraction = 0.0
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
