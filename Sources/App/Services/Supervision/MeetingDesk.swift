import Fluent
import Foundation
import PlanDomain

/// Files a meeting's decisions (会议议定事项) into its plan: one section
/// "…议定事项（date）" at the end of the plan, one task per decision with its
/// lead unit and 完成时限, joined on the meeting's day — so from the next
/// period the units report on them, the standing judges them, the rules
/// chase them and the bulletins list them, like every task of the plan.
enum MeetingDesk {
    struct Filed {
        var meeting: MeetingRecord
        var section: NodeRecord
        var tasks: [NodeRecord]
    }

    static func record(_ minutes: MeetingMinutes, in plan: PlanRecord, by account: Account, on db: any Database) async throws -> Filed {
        let planID = try plan.requireID()
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: db)
        let nodes = try await NodeRecord.query(on: db).filter(\.$plan.$id == planID).all()
        let held = try await MeetingRecord.query(on: db).filter(\.$plan.$id == planID).count()
        // 会议1, 会议2 …: a label no top-level section of the plan already has.
        let rootLabels = Set(nodes.filter { $0.parentID == nil }.map(\.label))
        var number = held + 1
        while rootLabels.contains("会议\(number)") { number += 1 }
        let position = (nodes.map(\.position).max() ?? -1) + 1
        let joined = minutes.heldOn.iso

        let section = NodeRecord()
        section.id = UUID()
        section.$plan.id = planID
        section.parentID = nil
        section.position = position
        section.label = "会议\(number)"
        section.key = section.label
        section.level = 1
        section.title = minutes.sectionTitle
        section.isTask = false
        section.leaders = []
        section.spanStart = 0; section.spanEnd = 0; section.titleStart = 0; section.titleEnd = 0
        let tasks = minutes.decisions.enumerated().map { index, decision -> NodeRecord in
            let task = NodeRecord()
            task.id = UUID()
            task.$plan.id = planID
            task.parentID = section.id
            task.position = position + 1 + index
            task.label = "\(index + 1)"
            task.key = "\(section.label)/\(index + 1)"
            task.level = 2
            task.title = decision.title
            task.isTask = true
            task.leaders = []
            task.spanStart = 0; task.spanEnd = 0; task.titleStart = 0; task.titleEnd = 0
            task.deadlineDate = decision.deadline.iso
            task.deadlineText = "\(decision.deadline.year)年\(decision.deadline.month)月\(decision.deadline.day)日前"
            task.joinedOn = joined
            return task
        }
        let meeting = MeetingRecord(planID: planID, title: minutes.title, heldOn: joined, sectionID: section.id!, recordedBy: account.displayName)
        let summary = "记录\(minutes.title)议定事项 \(tasks.count) 条（\(section.label)）"
        try await PlanEditor.edit(plan, by: account, summary: summary, on: db) { tx in
            try await section.create(on: tx)
            for (task, decision) in zip(tasks, minutes.decisions) {
                try await task.create(on: tx)
                try await Assignment(planID: planID, nodeID: task.id!, role: .lead, position: 0,
                                     unitName: decision.unit, unitID: directory.unitID(for: decision.unit)).create(on: tx)
            }
            try await meeting.create(on: tx)
            try await PlanEditor.renumber(planID: planID, on: tx)
            try await Audit.record(account, "meeting.record", entity: "plan", id: planID,
                                   after: "\(minutes.sectionTitle)：" + minutes.decisions.map { "\($0.title.prefix(40))（\($0.unit)，\($0.deadline.iso)前）" }.joined(separator: "；"),
                                   on: tx)
        }
        return Filed(meeting: meeting, section: section, tasks: tasks)
    }
}
