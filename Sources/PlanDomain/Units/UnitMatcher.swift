/// Matches a unit name as printed in a plan to the units a jurisdiction has.
///
/// Plans name the same body in several ways: 随州市科技局 in the header,
/// 市科技局 in the task list, 市科技经信局 after a merger. Names are compared
/// after dropping the jurisdiction's own name (随州市科技局 → 市科技局), so the
/// short and the long form meet; any other equivalence is an alias the office
/// records once. Near matches are proposed, never applied silently.
public struct UnitMatcher: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var key: String
        public var names: [String]
        public init(key: String, names: [String]) {
            self.key = key
            self.names = names
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public var key: String
        public var name: String
        /// 0…1, Dice coefficient of character pairs of the normalised names.
        public var score: Double
    }

    let jurisdictionName: String
    let candidates: [Candidate]
    private let exact: [String: String]

    /// - Parameters:
    ///   - jurisdictionName: the full name (随州市), used to read 随州市科技局 as 市科技局.
    ///   - candidates: each unit with its name and aliases.
    public init(jurisdictionName: String, candidates: [Candidate]) {
        self.jurisdictionName = jurisdictionName
        self.candidates = candidates
        var exact: [String: String] = [:]
        for candidate in candidates {
            for name in candidate.names {
                let normal = Self.normalise(name, jurisdictionName: jurisdictionName)
                if exact[normal] == nil { exact[normal] = candidate.key }
            }
        }
        self.exact = exact
    }

    /// The unit this name certainly is, if any.
    public func match(_ name: String) -> String? {
        exact[Self.normalise(name, jurisdictionName: jurisdictionName)]
    }

    /// Units whose names look like this one, best first.
    public func suggestions(for name: String, limit: Int = 3, minimumScore: Double = 0.4) -> [Suggestion] {
        let normal = Self.normalise(name, jurisdictionName: jurisdictionName)
        var best: [String: Suggestion] = [:]
        for candidate in candidates {
            for candidateName in candidate.names {
                let score = Self.similarity(normal, Self.normalise(candidateName, jurisdictionName: jurisdictionName))
                guard score >= minimumScore else { continue }
                if (best[candidate.key]?.score ?? -1) < score {
                    best[candidate.key] = Suggestion(key: candidate.key, name: candidate.names.first ?? candidateName, score: score)
                }
            }
        }
        return best.values.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit).map { $0 }
    }

    /// 随州市科技局 → 市科技局 (jurisdiction 随州市); 随州高新区 → 高新区; spaces
    /// and full-width brackets folded.
    public static func normalise(_ name: String, jurisdictionName: String) -> String {
        var text = name.filter { !$0.isWhitespace }
            .replacingOccurrences(of: "(", with: "（")
            .replacingOccurrences(of: ")", with: "）")
        for (long, short) in abbreviations { text = text.replacingOccurrences(of: long, with: short) }
        let stem = stem(of: jurisdictionName)
        if !stem.isEmpty, text.hasPrefix(stem), text.count > stem.count {
            text.removeFirst(stem.count)
            if !(text.hasPrefix("市") || text.hasPrefix("县") || text.hasPrefix("区") || text.hasPrefix("省")) {
                let level = jurisdictionName.last.map(String.init) ?? ""
                if ["市", "县", "区", "省"].contains(level) && isOrganisationOfPlace(text) { text = level + text }
            }
        }
        return text
    }

    /// The official short forms every government body uses for the long ones.
    static let abbreviations: [(String, String)] = [
        ("科学技术", "科技"), ("发展和改革委员会", "发改委"), ("发展和改革局", "发改局"), ("经济和信息化", "经信"),
        ("人力资源和社会保障", "人社"), ("市场监督管理", "市场监管"), ("管理委员会", "管委会"),
        ("卫生健康委员会", "卫健委"), ("卫生健康局", "卫健局"),
    ]

    /// 随州市 → 随州, 恩施土家族苗族自治州 → 恩施土家族苗族, 湖北省 → 湖北.
    static func stem(of jurisdictionName: String) -> String {
        for suffix in ["自治州", "自治县", "地区", "市", "县", "区", "省", "州", "旗", "盟"] where jurisdictionName.hasSuffix(suffix) {
            let stem = String(jurisdictionName.dropLast(suffix.count))
            return stem.count >= 2 ? stem : jurisdictionName
        }
        return jurisdictionName
    }

    /// 随州科技局 is the city's bureau (市科技局); 随州高新区 is a park named after
    /// the city and stays 高新区.
    private static func isOrganisationOfPlace(_ rest: String) -> Bool {
        ["局", "委", "办", "厅", "院"].contains { rest.hasSuffix($0) } && !rest.contains("区")
    }

    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let pairsA = pairs(a), pairsB = pairs(b)
        guard !pairsA.isEmpty, !pairsB.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for pair in pairsA { counts[pair, default: 0] += 1 }
        var shared = 0
        for pair in pairsB where (counts[pair] ?? 0) > 0 {
            counts[pair]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(pairsA.count + pairsB.count)
    }

    private static func pairs(_ text: String) -> [String] {
        let characters = Array(text)
        guard characters.count > 1 else { return characters.map(String.init) }
        return (0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }
    }
}

/// The kind of a unit guessed from its name, for a unit created in one click.
public enum UnitKindGuess {
    public static func kind(of name: String) -> String {
        if name.hasSuffix("科") || name.hasSuffix("室") || name == "办公室" || name.hasSuffix("机关党委") || name.hasSuffix("机关纪委") {
            return "section"
        }
        if name.contains("镇") || name.contains("乡") || name.contains("街道") || name.hasSuffix("镇办") { return "town" }
        if name.contains("园区") || name.contains("开发区") || name.contains("高新区") || name.contains("示范区") { return "park" }
        if name.contains("科技局") || name.contains("科学技术局") || name.contains("科技经信局") { return "bureau" }
        if ["局", "委", "委员会", "办", "政府", "院", "中心", "分行", "集团", "协", "会", "所"].contains(where: { name.hasSuffix($0) }) {
            return "department"
        }
        return "other"
    }
}
