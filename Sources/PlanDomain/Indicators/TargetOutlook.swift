/// Whether a target will be missed, as the leader's summary and the bulletin
/// list it (docs/numbers.md): a target whose year is over and was not reached
/// (未达成), or one still open whose forecast falls short (预计完不成). A
/// target already reached is never missed, whatever the forecast says; one
/// with too little data is not called missed either (数据不足 is shown as such).
public enum TargetOutlook {
    public static func willBeMissed(health: Health, forecast: ForecastStatus) -> Bool {
        switch health {
        case .missed: return true
        case .completed: return false
        default: return forecast == .atRisk
        }
    }
}

extension TargetOutlook {
    /// Once the year a target is judged in is over there is nothing left to
    /// forecast: the year end is the last figure, 预计完成率 equals 完成率, and
    /// the state is what the year came to (reached, or short: `atRisk`).
    /// Projecting from a November report into a December that has passed
    /// would print 43.7 for a year that ended on 40.
    public static func final(actual: Double?, target: Double, health: Health, asOf: CivilDate?) -> Forecast {
        guard let actual else { return Forecast(asOf: asOf) }
        let rate = CompletionRate.of(actual: actual, target: target)
        return Forecast(asOf: asOf, actual: actual, projected: actual, attainment: rate,
                        probability: health == .completed ? 1 : 0, status: health == .completed ? .reached : .atRisk)
    }
}
