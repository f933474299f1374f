import Foundation

/// 会议议定事项: what a meeting of the leading group (领导小组月例会, 专题会)
/// decided, each decision a task with the unit that leads it and the date
/// it is due — read from what the office typed, every problem said in
/// Chinese with the decision's number, so nothing is recorded half right.
public struct MeetingMinutes: Sendable, Equatable {
    public struct Decision: Sendable, Equatable {
        /// 议定事项 as the minutes word it.
        public var title: String
        /// The lead unit's name as typed (matched to a unit by the caller).
        public var unit: String
        public var deadline: CivilDate

        public init(title: String, unit: String, deadline: CivilDate) {
            self.title = title
            self.unit = unit
            self.deadline = deadline
        }
    }

    /// One decision as typed on the form: three texts.
    public struct Row: Sendable, Equatable {
        public var title: String
        public var unit: String
        public var deadline: String

        public init(title: String, unit: String, deadline: String) {
            self.title = title
            self.unit = unit
            self.deadline = deadline
        }

        var isBlank: Bool { [title, unit, deadline].allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    public var title: String
    public var heldOn: CivilDate
    public var decisions: [Decision]

    /// A meeting's name is printed in headings and bulletins.
    public static let titleLimit = 60
    /// A decision is a sentence or two of minutes, not a document.
    public static let decisionLimit = 500
    /// A form holds this many decisions; a longer list is a plan of its own.
    public static let maxDecisions = 30

    /// Reads the form: blank rows are skipped; every other row needs all
    /// three fields, a deadline on or after the meeting, and a unit
    /// `isKnownUnit` accepts (the caller's unit directory).
    public static func read(title: String, heldOn: String, rows: [Row],
                            isKnownUnit: (String) -> Bool) throws(FormError) -> MeetingMinutes {
        let name = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw FormError("请填写会议名称（如 2025年第3次领导小组月例会）。") }
        guard name.count <= titleLimit else { throw FormError("会议名称不能超过 \(titleLimit) 字，现为 \(name.count) 字。") }
        guard let held = CivilDate(iso: heldOn.trimmingCharacters(in: .whitespaces)) else {
            throw FormError("会议日期应为日期，如 2025-03-28。")
        }
        var decisions: [Decision] = []
        for (index, row) in rows.enumerated() where !row.isBlank {
            let n = index + 1
            let text = row.title.trimmingCharacters(in: .whitespacesAndNewlines)
            let unit = row.unit.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw FormError("第\(n)条议定事项没有内容。") }
            guard text.count <= decisionLimit else { throw FormError("第\(n)条议定事项不能超过 \(decisionLimit) 字，现为 \(text.count) 字。") }
            guard !unit.isEmpty else { throw FormError("第\(n)条议定事项缺少牵头单位。") }
            guard isKnownUnit(unit) else {
                throw FormError("第\(n)条的牵头单位“\(unit.prefix(30))”不在本地单位名录中：请按名录填写，或先在单位页新建该单位。")
            }
            guard let deadline = CivilDate(iso: row.deadline.trimmingCharacters(in: .whitespaces)) else {
                throw FormError("第\(n)条的完成时限应为日期，如 \(held.year)-06-30。")
            }
            guard deadline >= held else { throw FormError("第\(n)条的完成时限早于会议日期 \(held.iso)。") }
            decisions.append(Decision(title: text, unit: unit, deadline: deadline))
        }
        guard !decisions.isEmpty else { throw FormError("请至少填写一条议定事项（事项、牵头单位、完成时限）。") }
        guard decisions.count <= maxDecisions else { throw FormError("一次最多记录 \(maxDecisions) 条议定事项。") }
        return MeetingMinutes(title: name, heldOn: held, decisions: decisions)
    }

    /// The section the decisions are filed under in the plan: 2025年第3次领导小组月例会议定事项（2025年3月28日）.
    public var sectionTitle: String {
        let name = title.hasSuffix("议定事项") ? title : title + "议定事项"
        return "\(name)（\(heldOn.year)年\(heldOn.month)月\(heldOn.day)日）"
    }
}
