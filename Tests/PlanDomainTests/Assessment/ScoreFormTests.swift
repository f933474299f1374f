import PlanDomain
import Testing

@Suite struct ScoreFormTests {
    static let items = [
        AssessmentItem(id: "timely", group: "工作落实", name: "按时报送", points: 20, measure: .timeliness),
        AssessmentItem(id: "bonus", group: "加分", name: "特色创新", points: 2.5, measure: .manual),
    ]
    static let units = ["u1": "市科技局", "u2": "高新区"]

    @Test func readsScoresAndEvidencePerUnitAndItem() throws {
        let entries = try ScoreForm.read([
            "year": "2025",
            "final|u1|timely": "18",
            "self|u1|timely": "１９．５",          // full-width, as typed on a Chinese keyboard
            "evidence|u1|timely": "  12 期按时  ",
            "final|u2|bonus": "",                 // blank: the computed score stands
            "self|u2|bonus": "2.5",
            "final|u9|timely": "5",               // no such unit: ignored
            "final|u1|nothing": "5",              // no such item: ignored
            "other|u1|timely": "5",
        ], items: Self.items, units: Self.units)
        #expect(entries == [
            ScoreForm.Key(unit: "u1", item: "timely"): ScoreForm.Entry(final: 18, own: 19.5, evidence: "12 期按时"),
            ScoreForm.Key(unit: "u2", item: "bonus"): ScoreForm.Entry(final: nil, own: 2.5, evidence: ""),
        ])
    }

    @Test func aScoreOutsideTheItemsPointsRefusesTheSheet() {
        #expect(throws: FormError("“高新区·特色创新”应在 0–2.5 分之间。")) {
            try ScoreForm.read(["final|u1|timely": "18", "final|u2|bonus": "3"], items: Self.items, units: Self.units)
        }
        #expect(throws: FormError("“市科技局·按时报送”应在 0–20 分之间。")) {
            try ScoreForm.read(["self|u1|timely": "-1"], items: Self.items, units: Self.units)
        }
        #expect(throws: FormError("“市科技局·按时报送”应填数字，现为“十八”。")) {
            try ScoreForm.read(["final|u1|timely": "十八"], items: Self.items, units: Self.units)
        }
        #expect(throws: FormError("“市科技局·按时报送”的依据不能超过 500 字。")) {
            try ScoreForm.read(["evidence|u1|timely": String(repeating: "据", count: 501)], items: Self.items, units: Self.units)
        }
    }

    @Test func numbersAsPeopleTypeThem() throws {
        #expect(try FormNumber.read("1,234.5", field: "x") == 1234.5)
        #expect(try FormNumber.read("２，０００", field: "x") == 2000)
        #expect(try FormNumber.read("2.4%", field: "x") == 2.4)
        #expect(try FormNumber.read("   ", field: "x") == nil)
        #expect(try FormNumber.read(nil, field: "x") == nil)
        #expect(throws: FormError("“研发投入”应填数字，现为“inf”。")) { try FormNumber.read("inf", field: "研发投入") }
        #expect(throws: FormError("“研发投入”应填数字，现为“1e999”。")) { try FormNumber.read("1e999", field: "研发投入") }
    }
}
