import Fluent
import Foundation
import PlanDomain

/// A plan's reporting calendar and health thresholds, with the defaults a
/// plan has before the office changes anything.
struct CalendarSettings: Sendable, Equatable {
    var kind: PeriodKind = .monthly
    var dueDay = 25
    var graceDays = 3
    var profile: ExpectationProfile = .linear
    var thresholds = Thresholds()

    static let standard = CalendarSettings()

    init() {}

    init(_ record: PlanCalendar?) {
        guard let record else { self.init(); return }
        self.init(
            kind: record.kind, dueDay: record.dueDay, graceDays: record.graceDays, profileJSON: record.profile,
            onTrack: record.onTrack, behind: record.behind)
    }

    /// From the stored columns of `plan_calendars`.
    init(kind: PeriodKind, dueDay: Int, graceDays: Int, profileJSON: String?, onTrack: Double, behind: Double) {
        self.kind = kind
        self.dueDay = dueDay
        self.graceDays = graceDays
        if let json = profileJSON, let decoded = try? JSONDecoder().decode(ExpectationProfile.self, from: Data(json.utf8)) {
            profile = decoded
        }
        thresholds = (try? Thresholds(onTrack: onTrack, behind: behind)) ?? Thresholds()
    }

    var profileJSON: String? {
        if case .linear = profile { return nil }
        return (try? JSONEncoder().encode(profile)).map { String(decoding: $0, as: UTF8.self) }
    }

    func calendar(year: Int) throws -> ReportingCalendar {
        try ReportingCalendar(year: year, kind: kind, dueDay: dueDay, graceDays: graceDays)
    }

    static func load(planID: UUID, on db: any Database) async throws -> CalendarSettings {
        CalendarSettings(try await PlanCalendar.query(on: db).filter(\.$plan.$id == planID).first())
    }
}

extension PlanRecord {
    /// The year a plan's calendar runs in: its own, or this year in Shanghai.
    func reportingYear(today: CivilDate) -> Int { year ?? today.year }
}
