import Foundation

/// Two units that are one (市科技局 entered twice, 随州市科技局 and 市科学技术局
/// created from two plans' spellings) are merged: the merged unit's tasks,
/// reports, accounts, notices and names go to the kept unit, its name becomes
/// the kept unit's alias, and it is gone. What would then be said twice is
/// decided here, before anything is written.
public enum UnitMerge {
    /// A report's place: one task, one period (a unit has at most one).
    public struct ReportKey: Hashable, Sendable {
        public var node: UUID
        public var period: String

        public init(node: UUID, period: String) {
            self.node = node
            self.period = period
        }
    }

    /// An assignment's place: one task, one role.
    public struct AssignmentKey: Hashable, Sendable {
        public var node: UUID
        public var role: String

        public init(node: UUID, role: String) {
            self.node = node
            self.role = role
        }
    }

    /// Reports both units hold for the same task and period: two accounts of
    /// one unit, two reports. Neither is dropped silently: the merge is
    /// refused until the office decides which stands. Sorted by period, then task.
    public static func conflicts(kept: [ReportKey], merged: [ReportKey]) -> [ReportKey] {
        let held = Set(kept)
        return Set(merged.filter(held.contains)).sorted { ($0.period, $0.node.uuidString) < ($1.period, $1.node.uuidString) }
    }

    /// The merged unit's assignments the kept unit already has (same task,
    /// same role): removed, since they would name the unit twice. The others move.
    public static func redundant(kept: [AssignmentKey], merged: [(id: UUID, key: AssignmentKey)]) -> [UUID] {
        let held = Set(kept)
        return merged.filter { held.contains($0.key) }.map(\.id)
    }

    /// Why the two cannot be merged at all, in Chinese; nil when they can.
    public static func refusal(kept: (id: UUID, place: String), merged: (id: UUID, place: String)) -> String? {
        if kept.id == merged.id { return "不能把单位合并到它自己。" }
        if kept.place != merged.place { return "只能合并同一地区的单位。" }
        return nil
    }
}
