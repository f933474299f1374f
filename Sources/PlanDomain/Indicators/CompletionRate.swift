/// 完成率, one meaning on every page, API and export (docs/numbers.md):
/// the actual over the target. What the forecast projects for the year end
/// over the target is 预计完成率 (`Forecast.attainment`), and the actual
/// over what is due by now is 序时完成 (`TargetAssessment.ratio`); neither is
/// shown as 完成率.
public enum CompletionRate {
    /// Nil without both figures, or with a target of 0.
    public static func of(actual: Double?, target: Double?) -> Double? {
        guard let actual, let target, target != 0, actual.isFinite, target.isFinite else { return nil }
        return actual / target
    }
}
