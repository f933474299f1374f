import Foundation
import Testing
@testable import PlanScoring
import PlanText

/// Hand-made gold/prediction pairs for the port of score.py; every expected
/// figure is worked out in the comments.
@Suite struct PlanScorerTests {
    func summary(_ gold: String, _ pred: String?) throws -> ScoreSummary {
        let input = ScoreInput(
            name: "a.json", gold: try JSONValue.parse(gold), pred: try pred.map { try JSONValue.parse($0) })
        return try PlanScorer.score([input]).total
    }

    @Test func nodeAndTitleF1() throws {
        // gold ids: 一, 一/（一）, 二, 二/1 → 4. pred: 一, 一/(一) (NFKC folds （） to ()), 三,
        // plus an empty id and a node without id, which score.py skips → 3.
        // nodes tp 2: P 2/3, R 2/4, F1 = (2/3)/(7/6) = 4/7 = 0.5714.
        // titles: 一 "甲 " == "甲" after norm, 一/(一) "丙" != "乙" → tp 1: P 1/3, R 1/4, F1 2/7 = 0.2857.
        let gold = """
            {"nodes": [{"id": "一", "title": "甲"}, {"id": "一/（一）", "title": "乙"},
                       {"id": "二", "title": "x"}, {"id": "二/1", "title": "y"}]}
            """
        let pred = """
            {"nodes": [{"id": "一", "title": "甲 "}, {"id": "一/(一)", "title": "丙"}, {"id": "三", "title": "x"},
                       {"id": "", "title": "z"}, {"title": "no id"}]}
            """
        let s = try summary(gold, pred)
        #expect(s.nodes == 0.5714)
        #expect(s.titles == 0.2857)
        #expect(s.nodeCounts == ScoreCount(tp: 2, pred: 3, gold: 4))
        // no units, no targets anywhere: both F1 are 1 (nothing to find, nothing found).
        #expect(s.units == 1.0 && s.targets == 1.0)
        // overall = round((0.5714 + 0.2857 + 1 + 1) / 4, 4) = round(0.714275, 4) = 0.7143
        #expect(s.overall == 0.7143)
    }

    @Test func unitsAreAMultiset() throws {
        // gold pairs: (一, lead, 科技局) ×2, (一, lead, 财政局), (一, responsible, 发改委) → 4.
        // pred: (一, lead, 科技局), (一, lead, 财政局) ×2, (一, cooperating, 发改委) (wrong role),
        // and leaders given as a string "张三", which Python iterates per character → 张, 三 → 6.
        // Counter &: 科技局 min(2,1) + 财政局 min(1,2) = 2. P 2/6, R 2/4, F1 = 0.4.
        let gold = """
            {"nodes": [{"id": "一", "title": "t", "lead_units": ["科技局", "科技局", "财政局"],
                        "responsible_units": ["发改委"]}]}
            """
        let pred = """
            {"nodes": [{"id": "一", "title": "t", "lead_units": ["科技局", "财政局", " 财政局"],
                        "cooperating_units": ["发改委"], "leaders": "张三"}]}
            """
        let s = try summary(gold, pred)
        #expect(s.units == 0.4)
        #expect(s.unitCounts == ScoreCount(tp: 2, pred: 6, gold: 4))
    }

    @Test func equalKeysPairWithTheBestFitFirst() throws {
        // Two identical gold targets (一, 100, 家). Four predictions with that key:
        // p0 fit 0 (">" and no indicator), p1 fit 1, p2 fit 2 but year 2024, p3 fit 2.
        // g1 takes p2 (first best, strict >), g2 takes p3. targets tp 2 / pred 4 / gold 2:
        // P 0.5, R 1, F1 2/3 = 0.6667. strict: only g2/p3 → P 1/4, R 1/2, F1 1/3 = 0.3333.
        // year_acc 1/2; comparator and indicator 1.0.
        // metric: p2 "高新企业" vs "高新技术企业" → 4/6; p3 identical → 1; mean 0.8333.
        let g = #"{"node": "一", "value": 100, "unit": "家", "comparator": ">=", "indicator": "hte.count", "year": 2023, "metric": "高新技术企业", "max": null}"#
        let p0 = #"{"node": "一", "value": 100, "unit": "家", "comparator": ">", "indicator": null, "year": 2023, "metric": "x"}"#
        let p1 = #"{"node": "一", "value": 100.0, "unit": "家", "comparator": ">=", "indicator": null, "year": 2023, "metric": "x"}"#
        let p2 = #"{"node": "一", "value": "100", "unit": "家", "comparator": ">=", "indicator": "hte.count", "year": 2024, "metric": "高新企业"}"#
        let p3 = #"{"node": "一", "value": 100, "unit": "家", "comparator": ">=", "indicator": "hte.count", "year": 2023, "metric": "高新技术企业"}"#
        let s = try summary(#"{"targets": [\#(g), \#(g)]}"#, #"{"targets": [\#(p0), \#(p1), \#(p2), \#(p3)]}"#)
        #expect(s.targets == 0.6667)
        #expect(s.targetsStrict == 0.3333)
        #expect(s.yearAcc == 0.5 && s.comparatorAcc == 1.0 && s.indicatorAcc == 1.0)
        #expect(s.metricOverlap == 0.8333)
        #expect(s.targetCounts == ScoreCount(tp: 2, pred: 4, gold: 2))

        // One gold only: it must take p2 (the first fit-2 one), whose year is wrong → strict 0
        // (taking the last best, p3, would give strict 0.4). targets P 1/4, R 1 → 0.4.
        let one = try summary(#"{"targets": [\#(g)]}"#, #"{"targets": [\#(p0), \#(p1), \#(p2), \#(p3)]}"#)
        #expect(one.targets == 0.4)
        #expect(one.targetsStrict == 0.0)
        #expect(one.yearAcc == 0.0)
    }

    @Test func strictFailsOnYearComparatorMaxAndIndicator() throws {
        // Six targets, all paired on (node, value, unit) → targets F1 1.0.
        // a: year "2023" vs 2023 (raw compare) → year fails.
        // b: comparator "~" vs ">=" → comparator fails.
        // c: range with max 6 vs 5 → comparator (cmp includes max) fails.
        // d: indicator i.x vs i.d → indicator fails.
        // e: value "5" and unit " 项 " still pair; gold indicator null → any indicator passes.
        // f: gold indicator "" (falsy) and gold max null → pred max 9 passes.
        // strict 2/6 → 0.3333; comparator 4/6 = 0.6667; year 5/6 = 0.8333;
        // indicator counted only for a and d (gold truthy) → 1/2.
        func t(_ v: String, _ extra: String) -> String {
            #"{"node": null, "value": \#(v), "unit": "项", "comparator": ">=", "year": 2023, "indicator": null, "max": null, "metric": "m"\#(extra)}"#
        }
        let gold = [t("1", #", "indicator": "i.a""#), t("2", ""), t("3", #", "comparator": "range", "max": 5"#),
                    t("4", #", "indicator": "i.d""#), t("5", ""), t("6", #", "indicator": """#)]
        let pred = [t("1", #", "indicator": "i.a", "year": "2023""#), t("2", #", "comparator": "~""#),
                    t("3", #", "comparator": "range", "max": 6"#), t("4", #", "indicator": "i.x""#),
                    t("\"5\"", #", "unit": " 项 ", "indicator": "i.e""#), t("6", #", "max": 9"#)]
        let s = try summary(#"{"targets": [\#(gold.joined(separator: ","))]}"#,
                            #"{"targets": [\#(pred.joined(separator: ","))]}"#)
        #expect(s.targets == 1.0)
        #expect(s.targetsStrict == 0.3333)
        #expect(s.comparatorAcc == 0.6667)
        #expect(s.yearAcc == 0.8333)
        #expect(s.indicatorAcc == 0.5)
        #expect(s.metricOverlap == 1.0)
    }

    @Test func documentFields() throws {
        // title " T" ok; jurisdiction 随州 ≠ 随州市; year "2023" == norm(str(2023)) ok;
        // doc_number null vs missing ok (None == None); issued_date fails; issuers equal
        // once normalised and sorted → 4/6 = 0.6667.
        // nodes/units/targets all empty → 1.0, so strict_overall = (4 + 0.6667) / 5 = 0.9333.
        let gold = """
            {"title": "T", "issuers": ["甲", "乙"], "jurisdiction": "随州市", "year": 2023,
             "doc_number": null, "issued_date": "2023-02-09", "nodes": [], "targets": []}
            """
        let pred = #"{"title": " T", "issuers": ["乙 ", "甲"], "jurisdiction": "随州", "year": "2023", "issued_date": null}"#
        let s = try summary(gold, pred)
        #expect(s.docFieldsAcc == 0.6667)
        #expect(s.strictOverall == 0.9333)
        #expect(s.overall == 1.0)
        #expect(s.comparatorAcc == nil && s.metricOverlap == nil)

        // year: null ≠ 2023, and 2023.0 → "2023.0" ≠ "2023"; the other five fields agree → 5/6.
        let same = #"{"title": "T", "issuers": ["甲", "乙"], "jurisdiction": "随州市", "doc_number": null, "issued_date": "2023-02-09""#
        #expect(try summary(gold, same + #", "year": null}"#).docFieldsAcc == 0.8333)
        #expect(try summary(gold, same + #", "year": 2023.0}"#).docFieldsAcc == 0.8333)
        #expect(try summary(gold, same + #", "year": 2023}"#).docFieldsAcc == 1.0)
        // gold year null, pred year missing: right.
        #expect(try summary(#"{"year": null}"#, "{}").docFieldsAcc == 1.0)
    }

    @Test func missingPredictionCountsAsAllMissed() throws {
        // 2 nodes, 1 unit pair, 1 target, nothing predicted: every F1 is 0.
        // Document fields: only title (T vs None) is wrong → 5/6 = 0.8333;
        // strict_overall = 0.8333 / 5 = 0.16666 → 0.1667.
        let gold = """
            {"title": "T", "issuers": [], "nodes": [{"id": "一", "title": "a", "lead_units": ["科技局"]},
             {"id": "二", "title": "b"}], "targets": [{"node": "一", "value": 1, "unit": "项"}]}
            """
        for pred in [nil, "{}", "null", "[]"] {
            let s = try summary(gold, pred)
            #expect(s.nodes == 0 && s.titles == 0 && s.units == 0 && s.targets == 0 && s.targetsStrict == 0)
            #expect(s.docFieldsAcc == 0.8333)
            #expect(s.strictOverall == 0.1667)
            #expect(s.nodeCounts == ScoreCount(tp: 0, pred: 0, gold: 2))
        }
    }

    @Test func totalsAreMicroAveraged() throws {
        // Document a: 1 node, predicted right. Document b: 3 nodes, no prediction.
        // total nodes: tp 1, pred 1, gold 4 → P 1, R 1/4, F1 0.4 (a mean of the
        // per-document F1s would be 0.5).
        let a = try JSONValue.parse(#"{"nodes": [{"id": "一", "title": "a"}]}"#)
        let b = try JSONValue.parse(#"{"title": "B", "nodes": [{"id": "一", "title": "a"}, {"id": "二"}, {"id": "三"}]}"#)
        let report = try PlanScorer.score([ScoreInput(name: "a.json", gold: a, pred: a),
                                           ScoreInput(name: "b.json", gold: b, pred: nil)])
        #expect(report.documents.map(\.summary.nodes) == [1.0, 0.0])
        #expect(report.total.nodes == 0.4)
        #expect(report.total.nodeCounts == ScoreCount(tp: 1, pred: 1, gold: 4))
        // titles likewise 0.4; no units or targets → 1.0; overall (0.4 + 0.4 + 1 + 1) / 4 = 0.7.
        // document fields: all None except b's title → 11/12 = 0.9167;
        // strict_overall (0.4 + 0.4 + 1 + 1 + 0.9167) / 5 = 0.74334 → 0.7433.
        #expect(report.jsonText.contains("\n },\n \"total\": {\n  \"nodes\": 0.4,\n"))
        #expect(report.jsonText.hasPrefix("{\n \"documents\": {\n  \"a.json\": {\n   \"nodes\": 1.0,\n"))
        #expect(report.jsonText.contains("\"counts\": {\n   \"nodes\": [\n    1,\n    1,\n    4\n   ],"))
        #expect(report.jsonText.contains("\"comparator_acc\": null,"))
        #expect(report.tableText.contains("TOTAL                           0.400    0.400    1.000    1.000    0.700"))
        #expect(report.tableText.hasSuffix("document fields 0.9167\noverall: 0.7000  strict_overall: 0.7433\n"))
    }

    @Test func goldScoredAgainstItselfIsPerfect() throws {
        let seeds = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Seeds/gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 5)
        let inputs = try names.map { name in
            let gold = try JSONValue.parse(Data(contentsOf: seeds.appendingPathComponent(name)))
            return ScoreInput(name: name, gold: gold, pred: gold)
        }
        let report = try PlanScorer.score(inputs)
        for s in report.documents.map(\.summary) + [report.total] {
            for figure in [s.nodes, s.titles, s.units, s.targets, s.overall, s.targetsStrict, s.strictOverall] {
                #expect(figure == 1.0)
            }
            for figure in [s.comparatorAcc, s.yearAcc, s.indicatorAcc, s.metricOverlap, s.docFieldsAcc] {
                #expect(figure == nil || figure == 1.0)
            }
            #expect(s.docFieldsAcc == 1.0)
            #expect(s.nodeCounts.tp == s.nodeCounts.gold && s.targetCounts.tp == s.targetCounts.gold)
            #expect(s.unitCounts.tp == s.unitCounts.gold)
        }
        #expect(report.total.targetCounts.gold > 0 && report.total.unitCounts.gold > 0)
    }
}
