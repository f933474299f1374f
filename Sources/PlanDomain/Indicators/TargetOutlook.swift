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
