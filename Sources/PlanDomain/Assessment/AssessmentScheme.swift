import Foundation

/// Where an assessment item's points come from.
public enum AssessmentMeasure: String, Codable, CaseIterable, Sendable {
    /// The unit's task completion rate (mean progress of its tasks).
    case taskCompletion
    /// The share of its due reports that came on time.
    case timeliness
    /// How far its numeric targets are met.
    case targetAttainment
    /// How few of its reports were returned for rework.
    case returns
    /// Scored by the office with evidence (加分项, 特色工作): nothing to compute.
    case manual

    public var title: String {
        switch self {
        case .taskCompletion: "任务完成"
        case .timeliness: "报送及时"
        case .targetAttainment: "目标达成"
        case .returns: "退回情况"
        case .manual: "人工评分"
        }
    }
}

/// One line of a year-end assessment scheme (考核细则): a name, its points and
/// how they are earned.
public struct AssessmentItem: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    /// The heading it sits under (工作落实, 目标任务, 加分与特色 …).
    public var group: String
    public var name: String
    public var points: Double
    public var measure: AssessmentMeasure

    public init(id: String, group: String, name: String, points: Double, measure: AssessmentMeasure) {
        self.id = id
        self.group = group
        self.name = name
        self.points = points
        self.measure = measure
    }
}

/// The weighted items a plan office scores its units by at year end (年终考核).
public struct AssessmentScheme: Sendable, Equatable, Codable {
    public var items: [AssessmentItem]

    public init(items: [AssessmentItem]) {
        self.items = items
    }

    /// The points available in all.
    public var total: Double { items.reduce(0) { $0 + $1.points } }

    /// The groups in first-appearance order.
    public var groups: [String] {
        var seen: Set<String> = []
        return items.map(\.group).filter { seen.insert($0).inserted }
    }

    /// 100 points in three groups, the usual shape of a 考核细则: 工作落实
    /// (任务完成 30, 报送及时 20), 目标任务 (目标达成 30, 退回情况 10), 加分与特色
    /// (创新工作 10, scored by the office). Doing the work and reporting it weigh
    /// as much as meeting the numbers; a tenth is left for what a formula cannot see.
    public static let standard = AssessmentScheme(items: [
        AssessmentItem(id: "completion", group: "工作落实", name: "任务完成", points: 30, measure: .taskCompletion),
        AssessmentItem(id: "timeliness", group: "工作落实", name: "报送及时", points: 20, measure: .timeliness),
        AssessmentItem(id: "targets", group: "目标任务", name: "目标达成", points: 30, measure: .targetAttainment),
        AssessmentItem(id: "returns", group: "目标任务", name: "退回情况", points: 10, measure: .returns),
        AssessmentItem(id: "innovation", group: "加分与特色", name: "创新工作", points: 10, measure: .manual),
    ])

    /// The scheme itself, or an `AssessmentError` saying what to fix: no items,
    /// an empty id or name, an id used twice, points negative or not a number.
    public func validated() throws -> AssessmentScheme {
        guard !items.isEmpty else { throw AssessmentError.noItems }
        var ids: Set<String> = []
        for (index, item) in items.enumerated() {
            let name = item.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { throw AssessmentError.emptyName(position: index + 1) }
            if item.id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw AssessmentError.emptyID(name: name)
            }
            if !ids.insert(item.id).inserted { throw AssessmentError.duplicateID(item.id) }
            if !item.points.isFinite || item.points < 0 { throw AssessmentError.invalidPoints(name: name) }
        }
        return self
    }
}
