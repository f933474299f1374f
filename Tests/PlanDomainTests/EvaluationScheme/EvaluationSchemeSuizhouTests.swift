import Testing
@testable import PlanDomain

@Suite struct EvaluationSchemeSuizhouTests {
    @Test func theDemoSchemeIsTodaysSevenItems() throws {
        let scheme = try EvaluationScheme.suizhou2025.validated()
        let items = scheme.items.map { item -> EvaluationItem in
            guard case .indicator(let code) = item.source else { return EvaluationItem(code: "", weight: 0) }
            return EvaluationItem(code: code, weight: item.points)
        }
        #expect(items == IndicatorDefaults.evaluationItems)
        #expect(scheme.items.allSatisfy { $0.rule == .best })
        #expect(scheme.basePoints == 100)
        #expect(scheme.items[1].name == "研发支出与地区生产总值之比")
    }

    @Test func theDemoSchemeScoresExactlyAsTheFixedEvaluation() {
        // Varied ratios, one place missing two values, one negative, and two places equal on an item.
        let values: [(code: String, name: String, values: [String: Double])] = [
            (code: "421303", name: "曾都区", values: [
                "rd_institution.coverage": 48.2, "rd.gdp_share": 2.13, "eval.contract_gdp": 3.7,
                "eval.hte_per_10k": 61.5, "eval.basic_research_share": 4.1, "eval.rd_personnel_share": 1.9,
                "eval.foreign_talent_per_10k": 0.42,
            ]),
            (code: "421381", name: "广水市", values: [
                "rd_institution.coverage": 55, "rd.gdp_share": 1.67, "eval.contract_gdp": 5.2,
                "eval.hte_per_10k": 44.8, "eval.basic_research_share": -0.3, "eval.rd_personnel_share": 1.9,
            ]),
            (code: "421321", name: "随县", values: [
                "rd_institution.coverage": 31.4, "rd.gdp_share": 1.02, "eval.hte_per_10k": 29.3,
                "eval.basic_research_share": 2.6, "eval.rd_personnel_share": 0.8, "eval.foreign_talent_per_10k": 0.15,
            ]),
        ]
        let expected = Evaluation.evaluate(items: IndicatorDefaults.evaluationItems, places: values)
        let scheme = EvaluationScheme.suizhou2025
        let keyOf = Dictionary(uniqueKeysWithValues: scheme.items.compactMap { item -> (String, String)? in
            guard case .indicator(let code) = item.source else { return nil }
            return (code, item.key)
        })
        let got = scheme.score(values.map { place in
            PlaceInputs(code: place.code, name: place.name, inputs: Dictionary(uniqueKeysWithValues: place.values.map {
                (keyOf[$0.key] ?? $0.key, ItemInput(value: $0.value))
            }))
        })
        #expect(got.map(\.code) == expected.map(\.code))
        #expect(got.map(\.total) == expected.map(\.total))
        #expect(got.map(\.rank) == expected.map(\.rank))
        for (place, old) in zip(got, expected) {
            for item in scheme.items {
                guard case .indicator(let code) = item.source else { continue }
                #expect(place.score(of: item.key)?.points == old.points[code], "\(place.name) \(code)")
            }
        }
    }
}
