import Foundation

/// How often units report progress on a plan (报送周期). Most plans ask for a
/// monthly report (月督办); some only quarterly or half-yearly.
public enum PeriodKind: String, Codable, CaseIterable, Sendable {
    case monthly, quarterly, halfYearly

    public var title: String {
        switch self {
        case .monthly: return "按月"
        case .quarterly: return "按季度"
        case .halfYearly: return "按半年"
        }
    }

    public var periodsPerYear: Int {
        switch self {
        case .monthly: return 12
        case .quarterly: return 4
        case .halfYearly: return 2
        }
    }

    /// Months in one period: 1, 3 or 6.
    public var monthsPerPeriod: Int { 12 / periodsPerYear }
}

/// One period a unit reports for: March 2025, Q1 2025, H1 2025.
///
/// Stored and sent as its `key` ("2025-03", "2025-Q1", "2025-H1"): short,
/// sortable within a kind, and readable in URLs and dedupe keys.
public struct ReportingPeriod: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let kind: PeriodKind
    public let year: Int
    /// 1-based: the month for monthly, the quarter, the half.
    public let index: Int

    public init(kind: PeriodKind, year: Int, index: Int) {
        precondition((1...kind.periodsPerYear).contains(index), "period \(index) out of range for \(kind)")
        precondition((1...9999).contains(year), "year \(year) out of range")
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// The period of `kind` that `date` falls in.
    public init(kind: PeriodKind, containing date: CivilDate) {
        self.init(kind: kind, year: date.year, index: (date.month - 1) / kind.monthsPerPeriod + 1)
    }

    public static func month(_ month: Int, of year: Int) -> ReportingPeriod {
        ReportingPeriod(kind: .monthly, year: year, index: month)
    }

    public static func quarter(_ quarter: Int, of year: Int) -> ReportingPeriod {
        ReportingPeriod(kind: .quarterly, year: year, index: quarter)
    }

    public static func half(_ half: Int, of year: Int) -> ReportingPeriod {
        ReportingPeriod(kind: .halfYearly, year: year, index: half)
    }

    // MARK: Key

    /// Built by hand, not with `String(format:)`: a dashboard asks for
    /// thousands of keys and Foundation's formatter was an eighth of its time.
    public var key: String {
        let y = zeroPadded(year, width: 4)
        switch kind {
        case .monthly: return y + "-" + zeroPadded(index, width: 2)
        case .quarterly: return "\(y)-Q\(index)"
        case .halfYearly: return "\(y)-H\(index)"
        }
    }

    /// Parses what `key` writes, nothing looser: "2025-3", "2025-13",
    /// "2025-Q5" and "2025-H0" are nil.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(parts[0]), year >= 1 else { return nil }
        var rest = Substring(parts[1])
        let kind: PeriodKind
        switch rest.first {
        case "Q": kind = .quarterly; rest = rest.dropFirst()
        case "H": kind = .halfYearly; rest = rest.dropFirst()
        default:
            kind = .monthly
            guard rest.count == 2 else { return nil }
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(rest),
              (1...kind.periodsPerYear).contains(index), kind == .monthly || rest.count == 1
        else { return nil }
        self.init(kind: kind, year: year, index: index)
    }

    public var description: String { key }

    // MARK: Days and months

    public var firstMonth: Int { (index - 1) * kind.monthsPerPeriod + 1 }

    /// The month number of the period's last month: 3 for Q1, 6 for H1. The
    /// due day falls in this month.
    public var lastMonth: Int { index * kind.monthsPerPeriod }

    public var firstDay: CivilDate { CivilDate(year: year, month: firstMonth, day: 1) }

    public var lastDay: CivilDate {
        CivilDate(year: year, month: lastMonth, day: CivilDate.daysIn(month: lastMonth, year: year))
    }

    public func contains(_ date: CivilDate) -> Bool { firstDay <= date && date <= lastDay }

    /// "2025年3月", "2025年第一季度", "2025年上半年".
    public var title: String {
        switch kind {
        case .monthly: return "\(year)年\(index)月"
        case .quarterly: return "\(year)年第\(["一", "二", "三", "四"][index - 1])季度"
        case .halfYearly: return "\(year)年\(index == 1 ? "上" : "下")半年"
        }
    }

    public var next: ReportingPeriod {
        index == kind.periodsPerYear
            ? ReportingPeriod(kind: kind, year: year + 1, index: 1)
            : ReportingPeriod(kind: kind, year: year, index: index + 1)
    }

    public var previous: ReportingPeriod {
        index == 1
            ? ReportingPeriod(kind: kind, year: year - 1, index: kind.periodsPerYear)
            : ReportingPeriod(kind: kind, year: year, index: index - 1)
    }

    /// By (year, index) within one kind. Across kinds — which only makes
    /// sense for display — a period that ends earlier comes first, and of two
    /// ending together the longer one, so the order stays total and agrees
    /// with `==`.
    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
        if a.kind == b.kind { return (a.year, a.index) < (b.year, b.index) }
        if a.lastDay != b.lastDay { return a.lastDay < b.lastDay }
        return a.firstDay < b.firstDay
    }

    // MARK: Codable as the key

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = ReportingPeriod(key: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a reporting period: \(text)")
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}

/// `value` in decimal with leading zeros up to `width` digits.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
