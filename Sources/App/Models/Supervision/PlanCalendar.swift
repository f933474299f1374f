import Fluent
import Foundation
import PlanDomain

/// A plan's reporting calendar as the office set it; a plan without one
/// reports monthly by the 25th with three days' grace.
final class PlanCalendar: Model, @unchecked Sendable {
    static let schema = "plan_calendars"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "kind") var kind: PeriodKind
    @Field(key: "due_day") var dueDay: Int
    @Field(key: "grace_days") var graceDays: Int
    /// JSON of an `ExpectationProfile`; nil is linear through the year.
    @OptionalField(key: "profile") var profile: String?
    @Field(key: "on_track") var onTrack: Double
    @Field(key: "behind") var behind: Double
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(planID: UUID, settings: CalendarSettings) {
        self.$plan.id = planID
        apply(settings)
    }

    func apply(_ settings: CalendarSettings) {
        kind = settings.kind
        dueDay = settings.dueDay
        graceDays = settings.graceDays
        profile = settings.profileJSON
        onTrack = settings.thresholds.onTrack
        behind = settings.thresholds.behind
    }
}

/// A period the office has closed: reports into it wait until it is reopened.
final class PeriodClosure: Model, @unchecked Sendable {
    static let schema = "period_closures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "period") var period: String
    @Field(key: "closed_by") var closedBy: String
    @Timestamp(key: "closed_at", on: .create) var closedAt: Date?

    init() {}

    init(planID: UUID, period: String, closedBy: String) {
        self.$plan.id = planID
        self.period = period
        self.closedBy = closedBy
    }
}
