/// What one item earned a place, and why, in words the place can check.
public struct ItemScore: Sendable, Equatable {
    /// The item's `key`.
    public var key: String
    /// The effect on the total: a deduction is negative.
    public var points: Double
    /// 实际 2.1% ÷ 最高 3% × 20 分 = 14.00 分
    public var explanation: String

    public init(key: String, points: Double, explanation: String) {
        self.key = key
        self.points = points
        self.explanation = explanation
    }
}

/// One place's evaluation under a scheme.
public struct PlaceScore: Sendable, Equatable {
    public var code: String
    public var name: String
    /// One per scheme item, in the scheme's order.
    public var items: [ItemScore]
    /// The base items' points (out of `EvaluationScheme.basePoints`).
    public var base: Double
    /// Bonus points added, ≥ 0.
    public var bonus: Double
    /// Points deducted, ≥ 0.
    public var deduction: Double
    /// base + bonus − deduction.
    public var total: Double
    /// 1 for the best total; equal totals (within 1e-9) share a rank: 1, 1, 3.
    public var rank: Int

    public init(code: String, name: String, items: [ItemScore], base: Double, bonus: Double, deduction: Double,
                total: Double, rank: Int) {
        self.code = code
        self.name = name
        self.items = items
        self.base = base
        self.bonus = bonus
        self.deduction = deduction
        self.total = total
        self.rank = rank
    }

    public func score(of key: String) -> ItemScore? {
        items.first { $0.key == key }
    }
}
