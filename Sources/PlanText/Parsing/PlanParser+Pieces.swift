/// Entry points for reading pieces of a plan that come without the document,
/// such as the cells of a task breakdown table.
extension PlanParser {
    /// The targets stated in one piece of text on its own, such as a line of the
    /// 目标 column, read as in a plan of `year`. Spans are offsets into `text`.
    public static func targets(in text: String, node: String?, year: Int?) -> [Target] {
        let t = scalars(of: text)
        return TargetExtractor(t: t, planYear: year).extract([0..<t.count], node: node)
    }

    /// A 完成时限 text (2023年6月底前) as the last day it allows, ISO formatted;
    /// nil when it names no day, month or year that can be fixed.
    public static func deadlineDate(_ text: String, year: Int?) -> String? {
        DeadlineReader.date(scalars(of: text)[...], planYear: year)
    }
}
