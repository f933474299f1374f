import Foundation

/// How a target, a task, a section or a whole plan stands (健康度).
public enum Health: String, Codable, CaseIterable, Sendable, Comparable {
    case completed, onTrack, behind, atRisk, overdue, noData
    /// A target whose year is over and which was not reached (未达成): a
    /// finished year judges reached or not, never 正常.
    case missed

    public var title: String {
        switch self {
        case .completed: return "已完成"
        case .onTrack: return "正常"
        case .behind: return "滞后"
        case .atRisk: return "风险"
        case .overdue: return "逾期"
        case .missed: return "未达成"
        case .noData: return "暂无数据"
        }
    }

    /// Order for "the worst of": a higher number wins. `noData` is lowest so
    /// that a missing figure never hides a real state next to it.
    public var severity: Int {
        switch self {
        case .noData: return 0
        case .completed: return 1
        case .onTrack: return 2
        case .behind: return 3
        case .atRisk: return 4
        case .missed: return 5
        case .overdue: return 6
        }
    }

    /// By severity: `max()` of a list is its worst state.
    public static func < (a: Health, b: Health) -> Bool { a.severity < b.severity }

    /// The worst of `states`; `noData` for none.
    public static func worst<S: Sequence>(_ states: S) -> Health where S.Element == Health {
        states.max() ?? .noData
    }
}

/// Where "on track" ends and "behind" and "at risk" begin, as a ratio of
/// actual to expected (完成率). One set serves targets, task progress and
/// roll-ups, so the colours mean the same everywhere.
public struct Thresholds: Hashable, Codable, Sendable {
    /// Ratio at or above this is on track. Default 0.95.
    public let onTrack: Double
    /// Ratio at or above this (and below `onTrack`) is behind; lower is at risk. Default 0.85.
    public let behind: Double

    public static let standard = Thresholds()

    /// For groups of tasks (sections, the plan), judged on the mean of the
    /// task scores (on track 1, behind 0.6, at risk 0.3, overdue 0): on
    /// track from 0.9, behind from 0.6. The target thresholds would call a
    /// section of tasks that are all just behind "at risk".
    public static let groups = Thresholds(uncheckedOnTrack: 0.9, behind: 0.6)

    private init(uncheckedOnTrack onTrack: Double, behind: Double) {
        self.onTrack = onTrack
        self.behind = behind
    }

    public init() {
        onTrack = 0.95
        behind = 0.85
    }

    public init(onTrack: Double, behind: Double) throws {
        guard behind.isFinite, onTrack.isFinite, behind > 0, behind <= onTrack, onTrack <= 1.5 else {
            throw SupervisionError.invalidThresholds(
                "应满足 0 < 滞后阈值 ≤ 正常阈值 ≤ 1.5，当前正常阈值为 \(onTrack)，滞后阈值为 \(behind)。")
        }
        self.onTrack = onTrack
        self.behind = behind
    }

    public func health(forRatio ratio: Double) -> Health {
        if ratio >= onTrack { return .onTrack }
        if ratio >= behind { return .behind }
        return .atRisk
    }

    private enum CodingKeys: String, CodingKey { case onTrack, behind }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(onTrack: c.decodeIfPresent(Double.self, forKey: .onTrack) ?? 0.95,
                      behind: c.decodeIfPresent(Double.self, forKey: .behind) ?? 0.85)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(onTrack, forKey: .onTrack)
        try c.encode(behind, forKey: .behind)
    }
}
