extension Bulletin {
    /// The numbered parts of a bulletin, in the order they are printed. A part
    /// has no fixed number: 各地对比 is left out of a bulletin without places
    /// and the parts after it move up, so the printed headings come from
    /// `headings` (or `heading(_:)`), numbered over the parts present.
    public enum Part: CaseIterable, Sendable {
        case targets, places, tasks, late, atRisk, decisions, ranking

        /// The heading without its number: 主要指标完成情况.
        public var title: String {
            switch self {
            case .targets: "主要指标完成情况"
            case .places: "各地完成情况对比"
            case .tasks: "任务进展情况"
            case .late: "逾期任务"
            case .atRisk: "风险任务"
            case .decisions: "会议议定事项落实情况"
            case .ranking: "单位排名"
            }
        }

        /// 三、任务进展情况 for number 3.
        public func heading(number: Int) -> String { BulletinText.numeral(number) + "、" + title }
    }

    /// The parts this bulletin prints, in order: every part, but 各地对比 only
    /// when there are places to compare, and 会议议定事项 only when meetings
    /// decided anything.
    public var parts: [Part] {
        Part.allCases.filter { part in
            switch part {
            case .places: !(places?.rows.isEmpty ?? true)
            case .decisions: !(decisions?.isEmpty ?? true)
            default: true
            }
        }
    }

    /// The printed headings of `parts`, in order and numbered consecutively:
    /// 一、主要指标完成情况, 二、各地完成情况对比 (or 二、任务进展情况 without places) ….
    public var headings: [String] {
        parts.enumerated().map { $0.element.heading(number: $0.offset + 1) }
    }

    /// The printed heading of `part`, nil when this bulletin leaves it out.
    public func heading(_ part: Part) -> String? {
        parts.firstIndex(of: part).map { part.heading(number: $0 + 1) }
    }
}
