/// A cumulative year-to-date actual as of a date (技术合同成交额 to 31 March: 30 亿元).
public struct Observation: Sendable, Equatable {
    public var date: CivilDate
    public var value: Double

    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
    }
}

/// Whether a target will be met, as the leaders' dashboard colours it.
public enum ForecastStatus: String, Sendable, Codable, CaseIterable {
    case reached, onTrack, atRisk, unknown

    public var title: String {
        switch self {
        case .reached: "已完成"
        case .onTrack: "预计完成"
        case .atRisk: "预计完不成"
        case .unknown: "数据不足"
        }
    }
}

/// The year-end outlook of one target after the latest observation.
public struct Forecast: Sendable, Equatable {
    /// The date of the latest observation.
    public var asOf: CivilDate?
    /// The latest value (the year to date for a flow, the level for a stock or a level).
    public var actual: Double?
    /// The year-end value at the pace so far.
    public var projected: Double?
    /// projected / target (for atMost comparators target / projected), nil if unknown.
    public var attainment: Double?
    /// Probability that the year-end value meets the target, 0…1; nil with fewer than 3 observations
    /// (1 once the target is reached).
    public var probability: Double?
    public var status: ForecastStatus
    /// The date of the first observation from which every forecast has been atRisk; nil if not at risk now.
    public var redSince: CivilDate?

    public init(asOf: CivilDate? = nil, actual: Double? = nil, projected: Double? = nil, attainment: Double? = nil,
                probability: Double? = nil, status: ForecastStatus = .unknown, redSince: CivilDate? = nil) {
        self.asOf = asOf
        self.actual = actual
        self.projected = projected
        self.attainment = attainment
        self.probability = probability
        self.status = status
        self.redSince = redSince
    }
}
