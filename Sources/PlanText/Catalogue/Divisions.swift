/// China's administrative divisions (GB/T 2260; `Seeds/divisions.tsv`), used to
/// tell which place a plan governs from its title or issuer.
public struct Division: Sendable, Equatable {
    public enum Level: String, Sendable { case province, city, county }
    public var code: String
    public var name: String
    public var level: Level
    public var parent: String?
}

public enum Divisions {
    public static let all: [Division] = tsv.split(separator: "\n").dropFirst().compactMap { row in
        let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count >= 3, let level = Division.Level(rawValue: f[2]) else { return nil }
        return Division(code: f[0], name: f[1], level: level, parent: f.count > 3 && !f[3].isEmpty ? f[3] : nil)
    }

    /// Full names, and short forms without the 市/县/区/省 suffix (宜昌 → 宜昌市),
    /// each to the division a reader would mean: cities before counties.
    private static let byName: [String: (division: Division, short: Bool)] = {
        var map: [String: (Division, Bool)] = [:]
        let preference: [Division.Level] = [.city, .county, .province]
        for level in preference {
            for d in all where d.level == level {
                if map[d.name] == nil || map[d.name]!.1 { map[d.name] = (d, false) }
                let short = shortName(d.name)
                if short.count >= 2, short != d.name, map[short] == nil { map[short] = (d, true) }
            }
        }
        return map
    }()

    private static let suffixes = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
                                   "林区", "省", "市", "县", "区", "盟", "旗"]

    static func shortName(_ name: String) -> String {
        for s in suffixes where name.hasSuffix(s) && name.count > s.count + 1 {
            return String(name.dropLast(s.count))
        }
        return name
    }

    /// Divisions named in `text`, in order, longest name first at each place.
    /// Short forms count only when `allowShort` (titles and issuers, not prose).
    public static func mentions(in text: String, allowShort: Bool) -> [Division] {
        let c = Array(text)
        var out: [Division] = []
        var i = 0
        while i < c.count {
            var matched = false
            for len in stride(from: Swift.min(12, c.count - i), through: 2, by: -1) {
                guard let hit = byName[String(c[i..<(i + len)])], allowShort || !hit.short else { continue }
                out.append(hit.division)
                i += len
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// The place a title or issuer names: the most specific of the first chain
    /// of names (湖北省随州市 → 随州市).
    public static func governed(by text: String, allowShort: Bool = true) -> Division? {
        let found = mentions(in: text, allowShort: allowShort)
        guard var best = found.first else { return nil }
        for d in found.dropFirst() where d.parent == best.code { best = d }
        return best
    }
}
