/// A numbered heading of the plan (一、 /（一）/ 1. …); a node without numbered
/// children is a task.
public struct PlanNode: Sendable, Equatable {
    /// Labels from the top down joined by `/`, brackets full-width: `二/（一）/1`.
    public var id: String
    public var title: String
    public var leadUnits: [String]
    public var responsibleUnits: [String]
    public var cooperatingUnits: [String]
    public var leaders: [String]
    /// The label as it is written in the id (`（一）`), and its depth (1 = top).
    public var label: String
    public var level: Int
    public var parent: String?
    public var isTask: Bool
    /// The whole node text: heading line and the unnumbered paragraphs under it.
    public var span: SourceSpan
    public var titleSpan: SourceSpan
    public var deadline: Deadline?

    public init(
        id: String, title: String, leadUnits: [String] = [], responsibleUnits: [String] = [],
        cooperatingUnits: [String] = [], leaders: [String] = [], label: String, level: Int,
        parent: String? = nil, isTask: Bool = true, span: SourceSpan, titleSpan: SourceSpan,
        deadline: Deadline? = nil
    ) {
        self.id = id
        self.title = title
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.cooperatingUnits = cooperatingUnits
        self.leaders = leaders
        self.label = label
        self.level = level
        self.parent = parent
        self.isTask = isTask
        self.span = span
        self.titleSpan = titleSpan
        self.deadline = deadline
    }
}

/// A stated completion time (完成时限：2023年6月底前): the text as printed and, when
/// it names a day, month or year that can be fixed, the last day it allows.
public struct Deadline: Sendable, Equatable {
    public var text: String
    /// ISO date (`2023-06-30`), or nil for 长期坚持 and the like.
    public var date: String?
    public var span: SourceSpan
    public init(text: String, date: String?, span: SourceSpan) {
        self.text = text
        self.date = date
        self.span = span
    }
}
