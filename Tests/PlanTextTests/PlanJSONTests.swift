import Foundation
import Testing
@testable import PlanText

@Suite("Interchange JSON")
struct PlanJSONTests {
    @Test func writesTheSchemaKeysInOrderWithExplicitNulls() throws {
        let plan = parse("十堰市2020年科技创新工作要点\n一、聚焦发展\n1.新增高新技术企业20家。（分管领导：杨小峰）")
        let text = String(decoding: plan.jsonData(), as: UTF8.self)
        let keys = ["\"file\"", "\"title\"", "\"issuers\"", "\"jurisdiction\"", "\"year\"", "\"doc_number\"",
                    "\"issued_date\"", "\"all_tasks_also\"", "\"nodes\"", "\"targets\""]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("\"doc_number\": null"))
        #expect(text.contains("\"value\": 20,"))
    }

    @Test func roundTripsThroughTheDecoder() throws {
        let plan = parse("某市2023年科技工作要点\n一、目标\n1.技术合同登记达2.4亿元，争取1到2名人才入选。（责任单位：市科技局）\n完成时限：2023年6月底前")
        let back = try JSONDecoder().decode(Plan.self, from: plan.jsonData())
        #expect(back.nodes == plan.nodes)
        #expect(back.targets == plan.targets)
        #expect(back.title == plan.title)
        #expect(back.targets.map(\.value) == [2.4, 1])
        #expect(back.targets.last?.max == 2)
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        let s = PlanJSONWriter.str("a\"b\\c\n\u{1}")
        #expect(s == "\"a\\\"b\\\\c\\n\\u0001\"")
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(s)]".utf8)) as? [String]
        #expect(decoded == ["a\"b\\c\n\u{1}"])
    }
}
