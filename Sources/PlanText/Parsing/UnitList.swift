/// Splits an annotation value into unit names, as printed, and separates the
/// clause that is not a unit but a rule for every task
/// (以下任务均需县市区人民政府、随州高新区管理委员会相关部门参与,不再单独列出).
enum UnitList {
    private static let everyTaskMarkers: [Scalars] = [
        "以下任务", "上述任务", "所有任务", "各项任务", "全部任务", "以下各项", "均需", "均由", "均要", "都需",
        "都要", "均应",
    ].map(S)
    private static let notListedMarkers: [Scalars] = ["不再单独列出", "不再一一列出", "不再列出", "不单独列出"].map(S)
    private static let verbsBeforeUnits: [Scalars] = ["均需", "均由", "均要", "都需", "都要", "均应", "需要", "需"].map(S)
    private static let verbsAfterUnits: [Scalars] = ["共同参与", "参与", "配合", "参加", "负责", "落实"].map(S)
    /// A qualifier written once after the last of several units but meant for each.
    private static let sharedSuffixes: [Scalars] = ["相关部门", "有关部门", "相关单位", "有关单位", "相关科室", "有关科室"].map(S)

    static func split(_ t: Scalars, _ range: Range<Int>) -> (units: [String], everyTask: [String]) {
        var units: [String] = []
        var everyTask: [String] = []
        for clause in pieces(t, range, separators: clauseSeparators) {
            let c = Array(t[clause])
            if c.containsAny(notListedMarkers) && !c.containsAny(everyTaskMarkers) { continue }
            if c.containsAny(everyTaskMarkers) {
                everyTask += everyTaskUnits(c)
                continue
            }
            for u in pieces(t, clause, separators: listSeparators) where !u.isEmpty {
                units.append(t[u].string)
            }
        }
        return (units, everyTask)
    }

    private static func everyTaskUnits(_ c: Scalars) -> [String] {
        var lo = 0, hi = c.count
        if let v = verbsBeforeUnits.compactMap({ w in c.firstIndex(of: w).map { ($0, w.count) } }).min(by: { $0.0 < $1.0 }) {
            lo = v.0 + v.1
        }
        for w in verbsAfterUnits {
            if let at = c.lastIndex(of: w, from: lo), at + w.count == hi || c[(at + w.count)..<hi].allSatisfy(\.isBlank) {
                hi = at
                break
            }
        }
        guard lo < hi else { return [] }
        var names = pieces(c, lo..<hi, separators: listSeparators).filter { !$0.isEmpty }.map { Array(c[$0]) }
        if let last = names.last, let suffix = sharedSuffixes.first(where: { w in last.count > w.count && last.has(w, at: last.count - w.count) }) {
            for k in names.indices.dropLast() where !names[k].has(suffix, at: Swift.max(0, names[k].count - suffix.count)) {
                names[k] += suffix
            }
        }
        return names.map { $0.string }
    }

    static let clauseSeparators: ScalarSet = ["，", ",", "；", ";"]
    static let listSeparators: ScalarSet = ["、"]

    /// Trimmed, non-separator pieces of `range` cut at any of `separators`.
    static func pieces(_ t: Scalars, _ range: Range<Int>, separators: ScalarSet) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        for i in range {
            if t[i].isOpenBracket { depth += 1 } else if t[i].isCloseBracket { depth = Swift.max(0, depth - 1) }
            if depth == 0, separators.contains(t[i]) {
                let r = AnnotationReader.trimSeparators(t, start, i)
                if !r.isEmpty { out.append(r) }
                start = i + 1
            }
        }
        let r = AnnotationReader.trimSeparators(t, start, range.upperBound)
        if !r.isEmpty { out.append(r) }
        return out
    }
}
