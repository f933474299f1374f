import Foundation

/// How much of a yearly target should be done by a given day.
///
/// Linear suits most counts; seasonal suits what follows the economy's
/// rhythm (technology contract turnover piles up in December), where a
/// linear line would call every unit behind all autumn. Seasonal shares are
/// typically last year's monthly amounts; only their proportions matter.
public enum ExpectationProfile: Hashable, Codable, Sendable {
    case linear
    /// Twelve monthly shares, January first.
    case seasonal([Double])

    /// The profile itself, or why it cannot be used.
    public func validated() throws -> ExpectationProfile {
        if case .seasonal(let shares) = self, let reason = Self.problem(with: shares) {
            throw SupervisionError.invalidProfile(reason)
        }
        return self
    }

    /// Twelve shares summing to 1; nil for linear and for an unusable
    /// profile, which is then treated as linear rather than failing a page.
    var normalisedShares: [Double]? {
        guard case .seasonal(let shares) = self, Self.problem(with: shares) == nil else { return nil }
        let sum = shares.reduce(0, +)
        return shares.map { $0 / sum }
    }

    private static func problem(with shares: [Double]) -> String? {
        if shares.count != 12 { return "应填写 12 个月的数值，当前为 \(shares.count) 个。" }
        if shares.contains(where: { !$0.isFinite || $0 < 0 }) { return "各月数值不能为负数或空值。" }
        if shares.reduce(0, +) <= 0 { return "各月数值不能全部为 0。" }
        return nil
    }

    // MARK: Codable as {"kind": "linear"} / {"kind": "seasonal", "shares": [...]}

    private enum CodingKeys: String, CodingKey { case kind, shares }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "linear": self = .linear
        case "seasonal": self = .seasonal(try c.decode([Double].self, forKey: .shares))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown profile \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .linear:
            try c.encode("linear", forKey: .kind)
        case .seasonal(let shares):
            try c.encode("seasonal", forKey: .kind)
            try c.encode(shares, forKey: .shares)
        }
    }
}

/// The share of the year's work expected by the end of `date`, 0…1.
///
/// The day itself counts as done, so 31 December is 1.0 and 1 January is
/// 1/365 — a report on the last day is judged against the whole target.
/// Linear: day of year / days in year (29 February 2024 → 60/366).
/// Seasonal: the shares of the months already over, plus the current month's
/// share times the part of it that is over.
public func fractionOfYear(at date: CivilDate, profile: ExpectationProfile = .linear) -> Double {
    let fraction: Double
    if let shares = profile.normalisedShares {
        let before = shares.prefix(date.month - 1).reduce(0, +)
        let monthDays = Double(CivilDate.daysIn(month: date.month, year: date.year))
        fraction = before + shares[date.month - 1] * Double(date.day) / monthDays
    } else {
        fraction = Double(date.dayOfYear) / Double(date.daysInYear)
    }
    return min(1, max(0, fraction))
}
