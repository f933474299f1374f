import Foundation

/// A supervision setting the office typed that cannot work. Each case carries
/// the Chinese sentence that says what to change, because the office sees it
/// on the settings page and nobody else can fix it.
public enum SupervisionError: Error, Equatable, Sendable {
    /// Reporting calendar: due day, grace days or year out of range.
    case invalidCalendar(String)
    /// Seasonal profile: not twelve non-negative shares with a positive sum.
    case invalidProfile(String)
    /// Health thresholds: not 0 < behind ≤ onTrack ≤ 1.5.
    case invalidThresholds(String)
    /// Escalation policy: a count or a day number out of range.
    case invalidPolicy(String)
}

extension SupervisionError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .invalidCalendar(let reason): return "报送日历设置有误：\(reason)"
        case .invalidProfile(let reason): return "季节分布设置有误：\(reason)"
        case .invalidThresholds(let reason): return "健康度阈值设置有误：\(reason)"
        case .invalidPolicy(let reason): return "督办规则设置有误：\(reason)"
        }
    }
}
