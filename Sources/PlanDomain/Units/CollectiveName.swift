import Foundation

/// A unit name that stands for many units, not one: 各镇办 (every town
/// office), 各县市区人民政府, 局机关各科室, 二级单位, 有关部门. Plans print
/// them where every such unit shares a task; they are not units to create or
/// to ask for reports, and they must not hold a plan back from publishing.
/// The office names the units in the review page when a task needs them.
public enum CollectiveName {
    /// Words that make a name collective wherever they stand.
    static let collectiveWords = ["各科室", "各部门", "各单位", "二级单位", "有关单位", "相关单位", "有关部门", "相关部门", "成员单位", "各成员单位"]

    public static func isCollective(_ name: String) -> Bool {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return false }
        // "各" opens a distributive: 各镇办, 各县（市、区）科技局, 各乡镇.
        if name.hasPrefix("各") { return true }
        return collectiveWords.contains { name.contains($0) }
    }
}
