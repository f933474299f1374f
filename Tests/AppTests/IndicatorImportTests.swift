@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// Actual values from a statistics workbook, and one indicator compared
    /// across places and years, normalised by GDP and population.
    @Suite struct IndicatorImportAndComparison {
        static func workbook(_ rows: [[SheetCell]]) throws -> Data {
            try SimpleWorkbook.xlsx([SheetTable(name: "实际值", header: ["地区代码", "指标代码", "年份", "月份", "数值", "备注"], rows: rows)])
        }

        @Test func anActualsWorkbookIsImportedWholeOrNotAtAll() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 7, day: 10))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                let good = try Self.workbook([
                    [.text("421303"), .text("tsme.registered"), .number(2025), .number(6), .number(12), .text("统计局6月")],
                    [.text("421321"), .text("tsme.registered"), .number(2025), .number(6), .number(7), .empty],
                    [.text("421300"), .text("base.gdp"), .number(2025), .empty, .text("1,420.5"), .empty],
                ])
                try await app.upload("/api/places/421300/values/import", name: "actuals.xlsx", bytes: good, headers: office) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    #expect(res.body.string.contains("\"imported\":3"))
                }
                let imported = try await IndicatorValue.query(on: app.db).filter(\.$source == .import).all()
                #expect(imported.count == 3)
                #expect(imported.first { $0.indicatorCode == "base.gdp" }?.month == 12, "base data without a month is the year-end figure")
                let analysis = try await Indicators.analysis(app, office, "421300", "tsme.registered")
                #expect(analysis.rows.first?.actual == 19, "12 + 7 rolled up to the city")

                // One bad row refuses the file: a place outside 随州, a word for a number.
                let bad = try Self.workbook([
                    [.text("421303"), .text("tsme.registered"), .number(2025), .number(7), .number(15), .empty],
                    [.text("420500"), .text("tsme.registered"), .number(2025), .number(7), .number(3), .empty],
                    [.text("421321"), .text("tsme.registered"), .number(2025), .number(7), .text("约10"), .empty],
                ])
                try await app.upload("/api/places/421300/values/import", name: "bad.xlsx", bytes: bad, headers: office) { res in
                    #expect(res.status == .unprocessableEntity)
                    let text = res.body.string
                    #expect(text.contains("第 3 行") && text.contains("第 4 行"), "\(text)")
                }
                #expect(try await IndicatorValue.query(on: app.db).filter(\.$source == .import).count() == 3, "nothing of the bad file saved")
                try await app.upload("/api/places/421300/values/import", name: "x.xlsx", bytes: Data("not a workbook".utf8), headers: office) { res in
                    #expect(res.status == .unsupportedMediaType && res.body.string.contains("不是 Excel 工作簿"))
                }
                // The page lists the problems; the template is a workbook.
                try await app.upload("/places/421300/values/import", name: "bad.xlsx", bytes: bad, headers: office) { res in
                    #expect(res.status == .unprocessableEntity && res.body.string.contains("未导入任何数值"))
                }
                try await app.test(.GET, "/places/421300/values/template.xlsx", headers: office) { res in
                    #expect(res.status == .ok && res.body.readableBytesView.starts(with: Array("PK".utf8)))
                }
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "indicator.import").all()
                #expect(audit.count == 1 && audit[0].after?.contains("3 个实际值") == true)
            }
        }

        @Test func theComparisonNormalisesCountsByGDPAndPopulationButNotRatios() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 12, day: 20))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                // 曾都区: 120 registered against a target of 100, GDP 600 亿元, 60 万人;
                // 随县: 40 against 50, GDP 200, no population.
                for (place, target, actual, gdp) in [("421303", 100.0, 120.0, 600.0), ("421321", 50, 40, 200)] {
                    try await Indicators.enter(app, office, place, "tsme.registered", "target", target)
                    try await Indicators.enter(app, office, place, "tsme.registered", "actual", actual)
                    try await Indicators.enter(app, office, place, "base.gdp", "actual", gdp)
                }
                try await Indicators.enter(app, office, "421303", "base.population", "actual", 60)
                var dto: ComparisonDTO?
                try await app.test(.GET, "/api/indicators/tsme.registered/compare?places=421303,421321&years=2025", headers: office) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                    dto = try res.content.decode(ComparisonDTO.self)
                }
                let rows = try #require(dto?.rows)
                #expect(rows.map(\.placeCode) == ["421303", "421321"])
                #expect(rows[0].attainment == 1.2 && rows[1].attainment == 0.8)
                #expect(rows[0].perGDP == 0.2 && rows[1].perGDP == 0.2, "120 / 600 and 40 / 200")
                #expect(rows[0].perCapita == 2, "120 per 60 万人 = 2 per 10,000 people")
                #expect(rows[1].perCapita == nil && rows[1].missing["perCapita"] != nil)

                try await app.test(.GET, "/api/indicators/rd.gdp_share/compare?places=421303&years=2025", headers: office) { res in
                    let ratio = try res.content.decode(ComparisonDTO.self)
                    #expect(!ratio.normalised && ratio.rows.first?.perGDP == nil)
                }
                try await app.test(.GET, "/api/indicators/tsme.registered/compare?places=420500", headers: office) { res in
                    #expect(res.status == .forbidden && res.body.string.contains("宜昌市"))
                }
                try await app.test(.GET, "/api/indicators/tsme.registered/compare?years=1999", headers: office) { res in
                    #expect(res.status == .badRequest)
                }
                try await app.test(.GET, "/indicators/tsme.registered/compare?places=421303,421321&years=2025&measure=perGDP", headers: office) { res in
                    #expect(res.status == .ok && res.body.string.contains("<svg") && res.body.string.contains("曾都区"))
                }
                try await app.test(.GET, "/indicators/tsme.registered/compare.xlsx?places=421303,421321&years=2025", headers: office) { res in
                    #expect(res.status == .ok && res.body.readableBytesView.starts(with: Array("PK".utf8)))
                }
            }
        }

        @Test func theOfficeSetsThePointsAndAddsItsOwnItemsToTheScheme() async throws {
            try await withServer { app in
                app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 12, day: 20))
                try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
                let office = try await app.login("office")
                func scheme() async throws -> [AssessmentDTO.Item] {
                    var items: [AssessmentDTO.Item] = []
                    try await app.test(.GET, "/api/places/421300/assessment?year=2025", headers: office) { res in
                        items = try res.content.decode(AssessmentDTO.self).items
                    }
                    return items
                }
                #expect(try await scheme().map(\.points) == [30, 20, 30, 10, 10], "the standard scheme until the office changes it")
                // 任务完成 40 instead of 30, 创新工作 removed, 科技成果转化 5 points added.
                var form = ["year": "2025", "points.0": "40", "points.1": "20", "points.2": "30", "points.3": "10", "points.4": "10",
                            "remove.4": "1", "name.new0": "科技成果转化", "points.new0": "5"]
                try await app.test(.POST, "/places/421300/assessment/scheme", headers: office, beforeRequest: { req in
                    try req.content.encode(form, as: .urlEncodedForm)
                }) { res in #expect(res.status == .seeOther) }
                let items = try await scheme()
                #expect(items.map(\.name) == ["任务完成", "报送及时", "目标达成", "退回情况", "科技成果转化"])
                #expect(items.map(\.points) == [40, 20, 30, 10, 5])
                #expect(items.last?.measure == .manual && items.last?.group == "加分与特色")
                // A bad value refuses the whole form and keeps the saved scheme.
                form = ["year": "2025", "points.0": "很多", "points.1": "20", "points.2": "30", "points.3": "10", "points.4": "5", "name.new0": "新项", "points.new0": "3"]
                try await app.test(.POST, "/places/421300/assessment/scheme", headers: office, beforeRequest: { req in
                    try req.content.encode(form, as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest && res.body.string.contains("分值应为 0–1000 之间的数字"))
                }
                #expect(try await scheme().map(\.points) == [40, 20, 30, 10, 5])
                try await app.test(.PUT, "/api/places/421300/assessment/scheme?year=2025", headers: office, beforeRequest: { req in
                    try req.content.encode(AssessmentScheme(items: []), as: .json)
                }) { res in #expect(res.status == .badRequest && res.body.string.contains("没有考核项")) }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "assessment.scheme").count() == 1)
            }
        }
    }
}
