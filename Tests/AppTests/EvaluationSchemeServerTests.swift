@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

/// 综合考评方案 as data, through the server: 随州's office imports a
/// province-style scheme from .xlsx, enters its manual items, and the three
/// counties are scored as worked out by hand below.
///
/// 1. 技术合同成交额 (indicator, 40 分, 按完成比例计分 封顶120%):
///    曾都区 30 ÷ 25 = 1.2 → 40 × 1.2 = 48; 随县 8 ÷ 10 = 0.8 → 32; 广水市 12 ÷ 15 = 0.8 → 32.
/// 2. 新增省级创新平台 (manual, 30 分, 按排名计分 每名次减5分，最低10分):
///    随县 5 → 1st, 30; 曾都区 and 广水市 3 → both 2nd, 25.
/// 3. 获省部级以上科技奖励 (manual bonus, 每项加1分，最多5分): 曾都区 7 → 5; 随县 2 → 2; 广水市 none → 0.
/// Totals: 曾都区 78, 随县 64, 广水市 57.
extension ServerTests {
    @Suite struct EvaluationSchemes {
        static func sheet(points: String = "40") throws -> Data {
            func row(_ values: String...) -> [SheetCell] { values.map { $0.isEmpty ? .empty : .text($0) } }
            return try SimpleWorkbook.xlsx([SheetTable(name: "Sheet1", header: [], rows: [
                row("某省2025年度市县科技创新综合考评方案"),
                row("序号", "考评项目", "类别", "指标代码", "分值", "计分方法", "参数", "说明"),
                row("1", "技术合同成交额", "指标", "tech_contract.turnover", points, "按完成比例计分", "封顶120%", "登记机构数据"),
                row("2", "新增省级创新平台", "手工", "", "30", "按排名计分", "每名次减5分，最低10分", ""),
                row("3", "获省部级以上科技奖励", "加分项", "", "", "加分", "每项加1分，最多5分", ""),
            ])])
        }

        @Test func anImportedSchemeScoresTheCountiesAsWorkedByHand() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 12, day: 20))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                let account = try #require(try await Account.query(on: app.db).filter(\.$username == "office").first())
                for (place, actual, target) in [("421303", 30.0, 25.0), ("421321", 8, 10), ("421381", 12, 15)] {
                    for (measure, value) in [(IndicatorMeasure.actual, actual), (.target, target)] {
                        try await IndicatorValue(code: "tech_contract.turnover", jurisdiction: place, year: 2025, month: 12, measure: measure,
                                                 value: value, source: .office, note: "测试", account: account, at: Date()).create(on: app.db)
                    }
                }

                // A row the office got wrong: refused as a whole, with its row number; the built-in scheme stays.
                try await app.upload("/places/421300/evaluation/scheme?year=2025", name: "考评方案.xlsx", bytes: try Self.sheet(points: "四十"),
                                     headers: office) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("第 3 行"), "\(res.body.string.prefix(2000))")
                }
                #expect(try await EvaluationSchemeRecord.query(on: app.db).count() == 0)

                try await app.upload("/places/421300/evaluation/scheme?year=2025", name: "考评方案.xlsx", bytes: try Self.sheet(),
                                     headers: office) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/places/421300/evaluation/scheme?year=2025", headers: office) { res in
                    #expect(res.body.string.contains("某省2025年度市县科技创新综合考评方案"))
                    #expect(res.body.string.contains("每名次减5分，最低10分"))
                }
                try await app.test(.POST, "/places/421300/evaluation/inputs", headers: office, beforeRequest: { req in
                    try req.content.encode([
                        "year": "2025", "v|2|421303": "3", "v|2|421321": "5", "v|2|421381": "3",
                        "v|3|421303": "7", "v|3|421321": "2",
                    ], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }

                var result: EvaluationController.DTO?
                try await app.test(.GET, "/api/places/421300/evaluation?year=2025", headers: office) { res in
                    result = try res.content.decode(EvaluationController.DTO.self)
                }
                let dto = try #require(result)
                #expect(dto.ownScheme && dto.scheme == "某省2025年度市县科技创新综合考评方案")
                #expect(dto.places.map(\.name) == ["曾都区", "随县", "广水市"])
                #expect(dto.places.map(\.rank) == [1, 2, 3])
                func points(_ place: String) -> [Double] {
                    (dto.places.first { $0.name == place }?.items ?? []).map { ($0.points * 100).rounded() / 100 }
                }
                #expect(points("曾都区") == [48, 25, 5])
                #expect(points("随县") == [32, 30, 2])
                #expect(points("广水市") == [32, 25, 0])
                #expect(dto.places.map { ($0.total * 100).rounded() / 100 } == [78, 64, 57])
                #expect(dto.places.allSatisfy { $0.items.allSatisfy { !$0.explanation.isEmpty } })

                // Exported and read back: the same scheme.
                var exported = Data()
                try await app.test(.GET, "/places/421300/evaluation/scheme.xlsx", headers: office) { res in
                    exported = Data(buffer: res.body)
                }
                let scheme = try EvaluationSchemeWorkbook.read(exported, indicators: try await IndicatorStore.definitions(on: app.db))
                #expect(scheme.items.map(\.key) == ["1", "2", "3"])
                #expect(scheme.items.first?.rule == .proportional(cap: 1.2))

                // A bad figure for a manual item: nothing saved.
                try await app.test(.POST, "/places/421300/evaluation/inputs", headers: office, beforeRequest: { req in
                    try req.content.encode(["year": "2025", "v|2|421303": "很多", "v|2|421321": "9"], as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let stored = try await EvaluationInputRecord.query(on: app.db).filter(\.$itemKey == "2").filter(\.$subjectCode == "421321").first()
                #expect(stored?.value == 5)

                // Back to the built-in scheme: the seven ratios of 随州 2025 §三(三).
                try await app.upload("/places/421300/evaluation/scheme?year=2025", name: "x.xlsx", bytes: Data(), fields: ["reset": "1"],
                                     headers: office) { res in #expect(res.status == .seeOther) }
                try await app.test(.GET, "/api/places/421300/evaluation/scheme", headers: office) { res in
                    let scheme = try res.content.decode(EvaluationController.SchemeDTO.self)
                    #expect(!scheme.ownScheme && scheme.items.count == 7 && scheme.basePoints == 100)
                    #expect(scheme.items.first { $0.source == "rd.gdp_share" }?.points == 20)
                }
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["evaluation.scheme", "evaluation.inputs"]).count()
                #expect(audit == 3)
            }
        }
    }
}
