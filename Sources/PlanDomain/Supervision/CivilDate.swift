import Foundation

extension TimeZone {
    /// Every business date in sciplan is a date in Shanghai: a report sent at
    /// 00:30 Beijing time on the 29th was sent on the 29th, whatever the
    /// server's clock zone says.
    public static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
}

/// A calendar day without a time (2025-03-25), so due days and deadlines are
/// compared as days and never shift with a time zone. Converting to and from
/// instants always names the zone, Shanghai by default.
public struct CivilDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        precondition(Self.isValid(year: year, month: month, day: day), "invalid date \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; 2025-02-29 and 2025-13-01 are nil.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              Self.isValid(year: y, month: m, day: d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day on which `date` falls in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone = .shanghai) {
        let local = date.timeIntervalSince1970 + TimeInterval(timeZone.secondsFromGMT(for: date))
        let (y, m, d) = Self.civil(fromDayNumber: Int((local / 86_400).rounded(.down)))
        self.init(year: y, month: m, day: d)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    public var iso: String {
        zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
    }

    public var description: String { iso }

    // MARK: Instants

    /// The first instant of the day in `timeZone`.
    ///
    /// Integer arithmetic and the zone's offset, not `Calendar.date(from:)`:
    /// a dashboard judges thousands of reports against their deadlines and
    /// building a calendar for each was a tenth of its time. The offset is
    /// taken at the resulting instant, so a zone that changes its clocks
    /// gets the offset in force at that midnight.
    public func startOfDay(in timeZone: TimeZone = .shanghai) -> Date {
        let midnightUTC = TimeInterval(dayNumber * 86_400)
        let guess = midnightUTC - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnightUTC)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))
        return Date(timeIntervalSince1970: midnightUTC - TimeInterval(offset))
    }

    /// The instant the day is over: the next day's start. It is an exclusive
    /// bound — an instant belongs to the day only if it is *before* this — so
    /// 23:59:59.999 is inside and 00:00:00 of the next day is not, with no
    /// "minus one second" rounding to get wrong.
    public func endOfDay(in timeZone: TimeZone = .shanghai) -> Date {
        adding(days: 1).startOfDay(in: timeZone)
    }

    /// Whether `date` falls on this day in `timeZone`.
    public func contains(_ date: Date, in timeZone: TimeZone = .shanghai) -> Bool {
        date >= startOfDay(in: timeZone) && date < endOfDay(in: timeZone)
    }

    /// Whether `date` is on this day or earlier: "at or before the end of day D".
    public func isOnOrBefore(_ date: Date, in timeZone: TimeZone = .shanghai) -> Bool {
        date < endOfDay(in: timeZone)
    }

    /// Whether this day is completely over at `date`.
    public func hasEnded(at date: Date, in timeZone: TimeZone = .shanghai) -> Bool {
        date >= endOfDay(in: timeZone)
    }

    // MARK: Arithmetic

    public func adding(days: Int) -> CivilDate {
        let (y, m, d) = Self.civil(fromDayNumber: dayNumber + days)
        return CivilDate(year: y, month: m, day: d)
    }

    /// Days from this date to `other`: positive when `other` is later.
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// 1 on 1 January, 365 or 366 on 31 December.
    public var dayOfYear: Int {
        CivilDate(year: year, month: 1, day: 1).days(to: self) + 1
    }

    public var daysInYear: Int { Self.isLeap(year) ? 366 : 365 }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Codable as the ISO string, the form the API and the database use

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: Private

    /// Days since 1970-01-01 in the proleptic Gregorian calendar
    /// (H. Hinnant's `days_from_civil`): integer arithmetic, no time zone.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfEraYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfEraYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDayNumber n: Int) -> (Int, Int, Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfEraYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfEraYear + 2) / 153
        let day = dayOfEraYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
