import PlanDomain
import Testing

@Suite struct MeetingMinutesTests {
    static let units: Set<String> = ["市科技局", "市经信局"]
    static func read(_ rows: [MeetingMinutes.Row], title: String = "2025年第3次领导小组月例会", heldOn: String = "2025-03-28") throws(FormError) -> MeetingMinutes {
        try MeetingMinutes.read(title: title, heldOn: heldOn, rows: rows) { units.contains($0) }
    }

    @Test func decisionsAreReadAndBlankRowsSkipped() throws {
        let minutes = try Self.read([
            .init(title: " 研究制定科创平台考核办法 ", unit: "市科技局", deadline: "2025-06-30"),
            .init(title: "", unit: "", deadline: " "),
            .init(title: "摸清规上企业研发机构底数", unit: "市经信局", deadline: "2025-03-28"),
        ])
        #expect(minutes.decisions == [
            .init(title: "研究制定科创平台考核办法", unit: "市科技局", deadline: CivilDate(year: 2025, month: 6, day: 30)),
            .init(title: "摸清规上企业研发机构底数", unit: "市经信局", deadline: CivilDate(year: 2025, month: 3, day: 28)),
        ])
        #expect(minutes.sectionTitle == "2025年第3次领导小组月例会议定事项（2025年3月28日）")
    }

    @Test func everyProblemIsSaidWithTheDecisionsNumber() {
        func problem(_ rows: [MeetingMinutes.Row], title: String = "月例会", heldOn: String = "2025-03-28") -> String? {
            do { _ = try Self.read(rows, title: title, heldOn: heldOn); return nil } catch { return error.description }
        }
        let good = MeetingMinutes.Row(title: "事项", unit: "市科技局", deadline: "2025-06-30")
        #expect(problem([good], title: " ") == "请填写会议名称（如 2025年第3次领导小组月例会）。")
        #expect(problem([good], heldOn: "3月28日") == "会议日期应为日期，如 2025-03-28。")
        #expect(problem([]) == "请至少填写一条议定事项（事项、牵头单位、完成时限）。")
        #expect(problem([good, .init(title: "事项二", unit: "", deadline: "2025-06-30")]) == "第2条议定事项缺少牵头单位。")
        #expect(problem([.init(title: "事项", unit: "市财政局", deadline: "2025-06-30")])
                == "第1条的牵头单位“市财政局”不在本地单位名录中：请按名录填写，或先在单位页新建该单位。")
        #expect(problem([.init(title: "事项", unit: "市科技局", deadline: "六月底")]) == "第1条的完成时限应为日期，如 2025-06-30。")
        #expect(problem([.init(title: "事项", unit: "市科技局", deadline: "2025-03-27")]) == "第1条的完成时限早于会议日期 2025-03-28。")
        #expect(problem([.init(title: "", unit: "市科技局", deadline: "2025-06-30")]) == "第1条议定事项没有内容。")
        #expect(problem(Array(repeating: good, count: 31)) == "一次最多记录 30 条议定事项。")
    }
}
