import Testing
@testable import PlanDomain

@Suite struct FigureTextTests {
    @Test func numbersAsTyped() {
        let cases: [(String, String, Double)] = [
            ("1,234.5", "家", 1234.5), (" 12 ", "家", 12), ("１２", "家", 12), ("１，２３４．５", "亿元", 1234.5),
            ("12家", "家", 12), ("12 家", "家", 12), ("2.4%", "%", 2.4), ("2.4％", "%", 2.4), ("−3.5", "%", -3.5),
            ("-3.5", "%", -3.5), ("+7", "家", 7), ("1e-05", "亿元", 0.00001), (".5", "亿元", 0.5), ("0", "家", 0),
            ("12\u{3000}", "家", 12), ("3.5亿元", "亿元", 3.5), ("1,234,567", "元", 1_234_567),
        ]
        for (text, unit, value) in cases {
            #expect(FigureText.number(text, unit: unit) == .value(value), "\(text)")
        }
    }

    @Test func whatIsNotOneDefiniteNumberIsRefused() {
        for text in ["约10", "10左右", "10以上", "近10", "-", "—", "/", "无", "0x1A", "nan", "inf", "1,23", "12,5",
                     "1.2.3", "1e400", "12.", "TRUE", "2025-03-31"] {
            guard case .refused = FigureText.number(text, unit: "家") else {
                Issue.record("\(text) was \(FigureText.number(text, unit: "家"))")
                continue
            }
        }
        #expect(FigureText.number("", unit: "家") == .empty)
        #expect(FigureText.number("  ", unit: "家") == .empty)
        #expect(FigureText.number("12家", unit: "亿元")
            == .wrongUnit("数值「12家」的单位「家」与指标单位「亿元」不一致，请换算为亿元后只填写数字"))
        #expect(FigureText.number("2.4%", unit: "") == .wrongUnit("数值「2.4%」带有单位「%」，请只填写数字"))
        #expect(FigureText.number("约10", unit: "家") == .refused("数值「约10」不是确切的数字，请只填写数字"))
    }

    @Test func yearsMonthsAndCodes() {
        #expect(["2025", "2025年", "２０２５"].map(FigureText.year) == [2025, 2025, 2025])
        #expect(["25", "1999", "2101", "2025.5", "二〇二五"].map(FigureText.year) == [nil, nil, nil, nil, nil])
        #expect(["3", "03", "3月", "12", " １２ "].map(FigureText.month) == [3, 3, 3, 12, 12])
        #expect(["0", "13", "三月", "3.5", "003"].map(FigureText.month) == [nil, nil, nil, nil, nil])
        #expect(FigureText.placeCode("421381000000") == "421381")
        #expect(FigureText.placeCode("４２１３８１") == "421381")
        #expect(FigureText.placeCode("421381001000") == "421381001000")
        #expect(FigureText.quoted(String(repeating: "长", count: 40)) == "「" + String(repeating: "长", count: 30) + "…」")
    }
}
