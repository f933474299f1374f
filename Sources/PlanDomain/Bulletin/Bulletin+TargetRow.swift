extension Bulletin {
    /// One numeric target: 目标 as stated, 实际 by the period's end, its change
    /// since the previous period (较上期), 完成率 (实际 ÷ 目标), the year-end
    /// forecast and 预计完成率 (forecast ÷ 目标), and its state
    /// (docs/numbers.md). Display text, "—" where unknown.
    public struct TargetRow: Sendable, Equatable, Codable {
        public var key: String
        public var text: String
        public var target: String
        public var actual: String
        /// 较上期: "↑5家", "↓0.2%", "持平", or "—" when there is no earlier figure.
        public var trend: String
        public var completionRate: String
        public var projected: String
        public var projectedRate: String
        public var status: String
        public var units: String

        public init(key: String, text: String, target: String, actual: String, trend: String = "—",
                    completionRate: String, projected: String, projectedRate: String, status: String, units: String) {
            self.key = key
            self.text = text
            self.target = target
            self.actual = actual
            self.trend = trend
            self.completionRate = completionRate
            self.projected = projected
            self.projectedRate = projectedRate
            self.status = status
            self.units = units
        }

        enum CodingKeys: String, CodingKey {
            case key, text, target, actual, trend, completionRate, projected, projectedRate, status, units
        }

        /// Drafts kept before 较上期 existed have no `trend`: they read as "—",
        /// so they still open and publish.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            text = try c.decode(String.self, forKey: .text)
            target = try c.decode(String.self, forKey: .target)
            actual = try c.decode(String.self, forKey: .actual)
            trend = try c.decodeIfPresent(String.self, forKey: .trend) ?? "—"
            completionRate = try c.decode(String.self, forKey: .completionRate)
            projected = try c.decode(String.self, forKey: .projected)
            projectedRate = try c.decode(String.self, forKey: .projectedRate)
            status = try c.decode(String.self, forKey: .status)
            units = try c.decode(String.self, forKey: .units)
        }
    }
}
