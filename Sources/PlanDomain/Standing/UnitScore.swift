/// How a unit stands in one plan: how many of its reports came on time and how
/// far its tasks are, as the bulletin's ranking (单位排名) shows it.
///
/// The score is 100 × (0.6 × on-time rate + 0.4 × completion rate): 督办
/// practice weighs reporting discipline first, because a report that does not
/// come cannot be checked; completion is the mean progress of the unit's tasks
/// (a confirmed task counts 1). A unit with nothing due yet has no on-time rate
/// and is scored on completion alone; with neither it has no score.
public struct UnitCounts: Sendable, Equatable {
    public var tasks = 0
    /// Reports that were due (periods whose deadline has passed), per task.
    public var due = 0
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var returned = 0
    public var completed = 0
    /// Sum over the unit's tasks of their progress (0…1); unknown counts 0.
    public var progressSum = 0.0

    public init() {}

    public init(tasks: Int, due: Int, onTime: Int, late: Int, missing: Int, returned: Int = 0, completed: Int, progressSum: Double) {
        self.tasks = tasks
        self.due = due
        self.onTime = onTime
        self.late = late
        self.missing = missing
        self.returned = returned
        self.completed = completed
        self.progressSum = progressSum
    }

    public var onTimeRate: Double? { due > 0 ? Double(onTime) / Double(due) : nil }
    public var completionRate: Double? { tasks > 0 ? progressSum / Double(tasks) : nil }

    public var score: Double? {
        switch (onTimeRate, completionRate) {
        case let (onTime?, completion?): return 100 * (UnitRanking.timelinessWeight * onTime + UnitRanking.completionWeight * completion)
        case let (nil, completion?): return 100 * completion
        case let (onTime?, nil): return 100 * onTime
        case (nil, nil): return nil
        }
    }
}

public enum UnitRanking {
    public static let timelinessWeight = 0.6
    public static let completionWeight = 0.4

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var name: String
        public var counts: UnitCounts
        /// 1 for the best; equal scores share a rank (1, 1, 3).
        public var rank: Int
    }

    /// Best first: by score, then on-time rate, then name; units without a
    /// score come last, unranked order by name.
    public static func rank(_ units: [(key: String, name: String, counts: UnitCounts)]) -> [Entry] {
        let sorted = units.sorted { a, b in
            let sa = a.counts.score ?? -1, sb = b.counts.score ?? -1
            if abs(sa - sb) > 1e-9 { return sa > sb }
            let oa = a.counts.onTimeRate ?? -1, ob = b.counts.onTimeRate ?? -1
            if abs(oa - ob) > 1e-9 { return oa > ob }
            return a.name < b.name
        }
        var entries: [Entry] = []
        for (index, unit) in sorted.enumerated() {
            var rank = index + 1
            if let previous = entries.last, let s = unit.counts.score, let p = previous.counts.score, abs(s - p) < 1e-9 {
                rank = previous.rank
            }
            entries.append(Entry(key: unit.key, name: unit.name, counts: unit.counts, rank: rank))
        }
        return entries
    }
}
