import Foundation
import Testing
import PlanText
@testable import PlanDomain

@Suite struct IndicatorDefaultsTests {
    @Test func everyCatalogueCodeIsDefinedOnce() {
        let codes = IndicatorDefaults.all.map(\.code)
        #expect(IndicatorCatalogue.all.count == 36)
        #expect(Set(IndicatorCatalogue.all.map(\.code)).isSubset(of: Set(codes)))
        #expect(Set(codes).count == codes.count)
        #expect(codes.count == 36 + 10 + 5)
    }

    @Test func kindsFollowTheUnit() {
        let kinds = Dictionary(uniqueKeysWithValues: IndicatorDefaults.catalogue().map { ($0.code, $0.kind) })
        let amounts = kinds.filter { $0.value == .amount }.keys.sorted()
        let ratios = kinds.filter { $0.value == .ratio }.keys.sorted()
        let growths = kinds.filter { $0.value == .growth }.keys.sorted()
        #expect(amounts == ["finance.loan_amount", "rd.expenditure", "tech_contract.turnover"])
        #expect(ratios == ["hti.value_added_share", "ip.training_coverage", "rd.gdp_share", "rd_institution.coverage"])
        #expect(growths == ["ip.pledge_growth", "rd.growth"])
        #expect(kinds.values.filter { $0 == .count }.count == 36 - 3 - 4 - 2)
        #expect(kinds["hte.total"] == .count)
    }

    @Test func compositesNameTheirParts() {
        let share = definition("rd.gdp_share")
        #expect(share.numerator == "rd.expenditure")
        #expect(share.denominator == "base.gdp")
        #expect(share.scale == 100)
        #expect(share.isComposite)
        #expect(definition("rd.growth").isComposite)
        #expect(definition("rd.growth").numerator == "rd.expenditure")
        #expect(definition("rd_institution.coverage").components == ["base.manufacturing_with_rd", "base.manufacturing"])
        #expect(!definition("ip.training_coverage").isComposite)
        #expect(!definition("ip.pledge_growth").isComposite)
        #expect(!definition("hte.total").isComposite)
        #expect(definition("eval.hte_per_10k").scale == 10_000)
    }

    @Test func everyReferencedComponentExists() {
        let missing = IndicatorDefaults.all.flatMap(\.components).filter { knownIndicators[$0] == nil }
        #expect(missing.isEmpty)
        // Parts are counts or amounts, so they sum up the tree.
        let parts = Set(IndicatorDefaults.all.filter { $0.kind == .ratio }.flatMap(\.components))
        #expect(parts.allSatisfy { knownIndicators[$0]?.kind.isAdditive == true })
    }

    @Test func baseDataIsMarkedAsBase() {
        #expect(IndicatorDefaults.base.count == 10)
        #expect(IndicatorDefaults.base.allSatisfy { $0.isBase })
        #expect(!definition("hte.total").isBase)
        #expect(definition("base.gdp").unit == "亿元")
        #expect(definition("base.gdp").kind == .amount)
    }

    @Test func evaluationItemsFollowSuizhou2025AndWeighOneHundred() {
        let items = IndicatorDefaults.evaluationItems
        #expect(items.map(\.code) == [
            "rd_institution.coverage", "rd.gdp_share", "eval.contract_gdp", "eval.hte_per_10k",
            "eval.basic_research_share", "eval.rd_personnel_share", "eval.foreign_talent_per_10k",
        ])
        #expect(items.reduce(0) { $0 + $1.weight } == 100)
        #expect(items.allSatisfy { knownIndicators[$0.code]?.isComposite == true })
    }

    @Test func kindTitlesAreChinese() {
        #expect(IndicatorKind.allCases.map(\.title) == ["数量", "金额", "比率", "增长率"])
        #expect(IndicatorKind.allCases.filter(\.isAdditive) == [.count, .amount])
    }
}

@Suite struct StockIndicatorTests {
    @Test func totalsAreStocksByCodeOrName() {
        let stocks = IndicatorDefaults.all.filter(\.isStock).map(\.code).sorted()
        #expect(stocks == ["hte.total", "platform.total"])
        #expect(IndicatorDefaults.isStock(code: "custom.x", name: "科技型企业存量", kind: .count))
        #expect(IndicatorDefaults.isStock(code: "custom.y", name: "新能源汽车保有量", kind: .count))
        #expect(IndicatorDefaults.isStock(code: "custom.z", name: "科技贷款余额总数", kind: .amount))
        #expect(!IndicatorDefaults.isStock(code: "custom.share", name: "高新技术企业总数占比", kind: .ratio))
        #expect(!IndicatorDefaults.isStock(code: "hte.new", name: "新增高新技术企业", kind: .count))
        // Given explicitly, the flag wins over the rule.
        #expect(!IndicatorDefinition(code: "hte.total", name: "高新技术企业总数", unit: "家", kind: .count,
                                     isStock: false).isStock)
        #expect(IndicatorDefinition(code: "srdi.count", name: "专精特新企业数", unit: "家", kind: .count,
                                    isStock: true).isStock)
    }

    @Test func jsonWithoutTheFlagDecodesToTheRule() throws {
        for code in ["hte.total", "hte.new"] {
            var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(definition(code)))
                as? [String: Any])
            #expect(object["isStock"] as? Bool == (code == "hte.total"))
            object["isStock"] = nil
            let old = try JSONSerialization.data(withJSONObject: object)
            let decoded = try JSONDecoder().decode(IndicatorDefinition.self, from: old)
            #expect(decoded == definition(code))
        }
        let explicit = IndicatorDefinition(code: "hte.total", name: "高新技术企业总数", unit: "家", kind: .count, isStock: false)
        #expect(try JSONDecoder().decode(IndicatorDefinition.self, from: JSONEncoder().encode(explicit)) == explicit)
    }
}
