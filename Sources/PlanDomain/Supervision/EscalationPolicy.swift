import Foundation

/// The three supervision notice levels (督办等级), mildest first.
public enum NoticeLevel: Int, Codable, CaseIterable, Sendable, Comparable {
    case blue = 1, yellow, red

    public var title: String {
        switch self {
        case .blue: return "蓝色督办"
        case .yellow: return "黄色督办"
        case .red: return "红色督办"
        }
    }

    /// The level's name in dedupe keys and URLs.
    public var key: String {
        switch self {
        case .blue: return "blue"
        case .yellow: return "yellow"
        case .red: return "red"
        }
    }

    public static func < (a: NoticeLevel, b: NoticeLevel) -> Bool { a.rawValue < b.rawValue }
}

/// When the system reminds, chases and issues notices for one task. The
/// defaults follow the common practice in the plans (月督办): a reminder
/// three days before the due day, chasing from the day after the deadline
/// every three days at most three times, and notices that grow with
/// repeated misses and with risk late in the year.
public struct EscalationPolicy: Hashable, Codable, Sendable {
    /// Remind from this many days before the due date until the deadline.
    public let remindDaysBefore: Int
    /// First chase this many days after the deadline (1: the day after).
    public let chaseAfterDays: Int
    /// Then chase again every this many days…
    public let chaseEveryDays: Int
    /// …at most this many times per period.
    public let maxChases: Int
    /// Blue after this many consecutive missed reports.
    public let blueAfterMissed: Int
    /// Blue after this many consecutive periods at risk.
    public let blueAfterAtRiskPeriods: Int
    /// Yellow after this many consecutive periods behind or worse (a missed
    /// report counts as worse).
    public let yellowAfterBehindPeriods: Int
    /// Yellow when a report is missed and this many have been missed in the year.
    public let yellowAfterMissedInYear: Int
    /// Red after this many consecutive missed reports.
    public let redAfterMissedReports: Int
    /// Red when a period ending in this month or later is at risk: in the
    /// fourth quarter there is no time left to catch up.
    public let redAtRiskFromMonth: Int

    public static let standard = EscalationPolicy()

    public init() {
        remindDaysBefore = 3
        chaseAfterDays = 1
        chaseEveryDays = 3
        maxChases = 3
        blueAfterMissed = 1
        blueAfterAtRiskPeriods = 1
        yellowAfterBehindPeriods = 2
        yellowAfterMissedInYear = 2
        redAfterMissedReports = 2
        redAtRiskFromMonth = 10
    }

    public init(remindDaysBefore: Int = 3, chaseAfterDays: Int = 1, chaseEveryDays: Int = 3, maxChases: Int = 3,
                blueAfterMissed: Int = 1, blueAfterAtRiskPeriods: Int = 1, yellowAfterBehindPeriods: Int = 2,
                yellowAfterMissedInYear: Int = 2, redAfterMissedReports: Int = 2, redAtRiskFromMonth: Int = 10) throws {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws {
            guard range.contains(value) else {
                throw SupervisionError.invalidPolicy(
                    "“\(name)”应为 \(range.lowerBound) 至 \(range.upperBound)，当前为 \(value)。")
            }
        }
        try check(remindDaysBefore, 0...31, "提前提醒天数")
        try check(chaseAfterDays, 1...31, "逾期后首次催报天数")
        try check(chaseEveryDays, 1...31, "催报间隔天数")
        try check(maxChases, 0...10, "最多催报次数")
        try check(blueAfterMissed, 1...12, "蓝色督办：连续未报期数")
        try check(blueAfterAtRiskPeriods, 1...12, "蓝色督办：连续风险期数")
        try check(yellowAfterBehindPeriods, 1...12, "黄色督办：连续滞后期数")
        try check(yellowAfterMissedInYear, 1...12, "黄色督办：年内未报期数")
        try check(redAfterMissedReports, 1...12, "红色督办：连续未报期数")
        try check(redAtRiskFromMonth, 1...12, "红色督办：风险起算月份")
        self.remindDaysBefore = remindDaysBefore
        self.chaseAfterDays = chaseAfterDays
        self.chaseEveryDays = chaseEveryDays
        self.maxChases = maxChases
        self.blueAfterMissed = blueAfterMissed
        self.blueAfterAtRiskPeriods = blueAfterAtRiskPeriods
        self.yellowAfterBehindPeriods = yellowAfterBehindPeriods
        self.yellowAfterMissedInYear = yellowAfterMissedInYear
        self.redAfterMissedReports = redAfterMissedReports
        self.redAtRiskFromMonth = redAtRiskFromMonth
    }

    private enum CodingKeys: String, CodingKey {
        case remindDaysBefore, chaseAfterDays, chaseEveryDays, maxChases, blueAfterMissed, blueAfterAtRiskPeriods
        case yellowAfterBehindPeriods, yellowAfterMissedInYear, redAfterMissedReports, redAtRiskFromMonth
    }

    /// Validated; a missing key takes its default, so stored policies survive new settings.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EscalationPolicy.standard
        func value(_ key: CodingKeys, _ fallback: Int) throws -> Int {
            try c.decodeIfPresent(Int.self, forKey: key) ?? fallback
        }
        try self.init(
            remindDaysBefore: value(.remindDaysBefore, d.remindDaysBefore),
            chaseAfterDays: value(.chaseAfterDays, d.chaseAfterDays),
            chaseEveryDays: value(.chaseEveryDays, d.chaseEveryDays),
            maxChases: value(.maxChases, d.maxChases),
            blueAfterMissed: value(.blueAfterMissed, d.blueAfterMissed),
            blueAfterAtRiskPeriods: value(.blueAfterAtRiskPeriods, d.blueAfterAtRiskPeriods),
            yellowAfterBehindPeriods: value(.yellowAfterBehindPeriods, d.yellowAfterBehindPeriods),
            yellowAfterMissedInYear: value(.yellowAfterMissedInYear, d.yellowAfterMissedInYear),
            redAfterMissedReports: value(.redAfterMissedReports, d.redAfterMissedReports),
            redAtRiskFromMonth: value(.redAtRiskFromMonth, d.redAtRiskFromMonth))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(remindDaysBefore, forKey: .remindDaysBefore)
        try c.encode(chaseAfterDays, forKey: .chaseAfterDays)
        try c.encode(chaseEveryDays, forKey: .chaseEveryDays)
        try c.encode(maxChases, forKey: .maxChases)
        try c.encode(blueAfterMissed, forKey: .blueAfterMissed)
        try c.encode(blueAfterAtRiskPeriods, forKey: .blueAfterAtRiskPeriods)
        try c.encode(yellowAfterBehindPeriods, forKey: .yellowAfterBehindPeriods)
        try c.encode(yellowAfterMissedInYear, forKey: .yellowAfterMissedInYear)
        try c.encode(redAfterMissedReports, forKey: .redAfterMissedReports)
        try c.encode(redAtRiskFromMonth, forKey: .redAtRiskFromMonth)
    }
}
