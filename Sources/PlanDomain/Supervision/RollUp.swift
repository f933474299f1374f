import Foundation

/// One task (or one section, seen from its parent) in a roll-up.
public struct WeightedItem: Sendable, Equatable {
    public var id: String
    /// Relative importance (考核权重); negative or non-finite counts as 0.
    public var weight: Double
    public var health: Health
    /// 0…1; nil when unknown.
    public var progress: Double?
    /// A section's own score (0…1) seen from its parent; nil takes the
    /// score of `health`. Without it a section of tasks all behind (0.6)
    /// would count as its colour's score, and be marked down twice.
    public var score: Double?

    public init(id: String, weight: Double = 1, health: Health, progress: Double? = nil, score: Double? = nil) {
        self.id = id
        self.weight = weight
        self.health = health
        self.progress = progress
        self.score = score
    }
}

/// The state of a group of tasks: a section (一、（一）) or a whole plan.
public struct RollUp: Sendable, Equatable {
    /// Items per health, every state present (0 when none), for the legend.
    public var counts: [Health: Int]
    public var total: Int
    /// Sum of all items' weights, `noData` ones included: the group's default
    /// weight in its parent.
    public var weightTotal: Double
    /// Weighted mean of the item scores, 0…1; nil when no item has data.
    public var score: Double?
    /// Weighted mean of the known progress, 0…1.
    public var progress: Double?
    public var health: Health

    public init(counts: [Health: Int], total: Int, weightTotal: Double, score: Double?, progress: Double?,
                health: Health) {
        self.counts = counts
        self.total = total
        self.weightTotal = weightTotal
        self.score = score
        self.progress = progress
        self.health = health
    }

    /// What one item's state is worth in the group's score. Done and on
    /// track count fully; overdue counts nothing.
    public static func score(of health: Health) -> Double? {
        switch health {
        case .completed, .onTrack: return 1
        case .behind: return 0.6
        case .atRisk: return 0.3
        case .overdue, .missed: return 0
        case .noData: return nil
        }
    }

    /// Rolls items up into one state.
    ///
    /// Score = weighted mean of the item scores, judged with the group
    /// thresholds (`Thresholds.groups`: ≥ 0.9 on track, ≥ 0.6 behind): a
    /// section whose tasks are all behind is behind, not at risk. Items without data are counted but
    /// left out of score and progress, so one silent task does not drag a
    /// section down (it is already flagged by its own missing reports).
    /// Then: all items completed → completed; any overdue item makes the
    /// group at least behind, however light its weight, because an overdue
    /// task must be visible from the top; nothing scored → noData. A
    /// completed item without a progress figure counts as progress 1.
    public static func of(_ items: [WeightedItem], thresholds: Thresholds = .groups) -> RollUp {
        var counts = Dictionary(uniqueKeysWithValues: Health.allCases.map { ($0, 0) })
        var weightTotal = 0.0, scoreSum = 0.0, scoreWeight = 0.0, progressSum = 0.0, progressWeight = 0.0
        for item in items {
            counts[item.health, default: 0] += 1
            let weight = item.weight.isFinite ? Swift.max(0, item.weight) : 0
            weightTotal += weight
            guard let value = item.score ?? score(of: item.health), value.isFinite else { continue }
            scoreSum += value * weight
            scoreWeight += weight
            let progress = item.progress ?? (item.health == .completed ? 1 : nil)
            if let progress, progress.isFinite {
                progressSum += Swift.min(1, Swift.max(0, progress)) * weight
                progressWeight += weight
            }
        }
        let score = scoreWeight > 0 ? scoreSum / scoreWeight : nil
        let progress = progressWeight > 0 ? progressSum / progressWeight : nil

        let health: Health
        if !items.isEmpty && items.allSatisfy({ $0.health == .completed }) {
            health = .completed
        } else if let score {
            let fromScore = thresholds.health(forRatio: score)
            health = counts[.overdue, default: 0] + counts[.missed, default: 0] > 0 ? Swift.max(fromScore, .behind) : fromScore
        } else {
            health = .noData
        }
        return RollUp(counts: counts, total: items.count, weightTotal: weightTotal, score: score,
                      progress: progress, health: health)
    }
}

/// One node of a plan's outline for `rollUpTree`.
public struct RollUpNode: Sendable, Equatable {
    public var id: String
    /// nil (or an id not in the list) for a top-level node.
    public var parent: String?
    public var isTask: Bool
    /// A task's weight (nil → 1), or a section's weight in its parent
    /// (nil → the sum of its tasks' weights, so by default a section weighs
    /// as much as the tasks in it).
    public var weight: Double?
    /// Used for tasks only.
    public var health: Health
    /// Used for tasks only; 0…1.
    public var progress: Double?

    public init(id: String, parent: String?, isTask: Bool, weight: Double? = nil, health: Health = .noData,
                progress: Double? = nil) {
        self.id = id
        self.parent = parent
        self.isTask = isTask
        self.weight = weight
        self.health = health
        self.progress = progress
    }
}

/// Rolls a whole outline up: tasks into their sections, sections into their
/// parents, top-level nodes into the plan. Returns a `RollUp` for every
/// section and for the plan under the key `""`.
///
/// A section's items are its children: tasks with their own health, and
/// sub-sections with their rolled-up health and progress. Nodes whose parent
/// is missing hang under the plan; a parent cycle is cut where it closes.
public func rollUpTree(nodes: [RollUpNode], thresholds: Thresholds = .groups) -> [String: RollUp] {
    let known = Set(nodes.map(\.id))
    var children: [String: [RollUpNode]] = [:]
    for node in nodes where !node.id.isEmpty {
        let parent = node.parent.flatMap { known.contains($0) && $0 != node.id ? $0 : nil } ?? ""
        children[parent, default: []].append(node)
    }

    var result: [String: RollUp] = [:]
    var visiting: Set<String> = []
    func rollUp(_ id: String) -> RollUp {
        if let done = result[id] { return done }
        visiting.insert(id)
        var items: [WeightedItem] = []
        for child in children[id] ?? [] {
            if child.isTask {
                items.append(WeightedItem(id: child.id, weight: child.weight ?? 1, health: child.health,
                                          progress: child.progress))
            } else if !visiting.contains(child.id) {
                let section = rollUp(child.id)
                items.append(WeightedItem(id: child.id, weight: child.weight ?? section.weightTotal,
                                          health: section.health, progress: section.progress, score: section.score))
            }
        }
        visiting.remove(id)
        let group = RollUp.of(items, thresholds: thresholds)
        result[id] = group
        return group
    }

    _ = rollUp("")
    for node in nodes where !node.isTask && !node.id.isEmpty && result[node.id] == nil {
        _ = rollUp(node.id)
    }
    return result
}
