import Fluent
import Foundation

/// A meeting whose decisions (会议议定事项) the office recorded: the decisions
/// themselves are tasks of the plan, filed under the section `sectionID`,
/// so they are reported on, judged, chased and bulletined like any task.
final class MeetingRecord: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "title") var title: String
    /// ISO date, 2025-03-28.
    @Field(key: "held_on") var heldOn: String
    /// The plan section holding the decisions. Not a foreign key: an office
    /// may delete the section from the plan, and the meeting stays on record.
    @Field(key: "section_id") var sectionID: UUID
    @Field(key: "recorded_by") var recordedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(planID: UUID, title: String, heldOn: String, sectionID: UUID, recordedBy: String) {
        self.$plan.id = planID
        self.title = title
        self.heldOn = heldOn
        self.sectionID = sectionID
        self.recordedBy = recordedBy
    }
}
