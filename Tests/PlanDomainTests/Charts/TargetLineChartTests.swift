import Foundation
import Testing
@testable import PlanDomain

@Suite struct TargetLineChartTests {
    static let expected = [0.0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]

    @Test func pointsAreScaledToTheFrame() throws {
        let svg = Chart.targetLine(title: "技术合同成交额", unit: "亿元", target: 100, expected: Self.expected,
                                   actual: [10, 50] + Array(repeating: nil, count: 10))
        let xml = try #require(checkSafeSVG(svg))
        // x = 34 + 25 × month index; y = 136 − 112 × value / 100 (the scale tops at the target).
        #expect(xml.attributes(of: "circle").map { [$0["cx"], $0["cy"]] } == [["34", "124.8"], ["59", "80"]])
        let paths = xml.attributes(of: "path")
        #expect(paths.count == 2)
        #expect(paths[0]["stroke-dasharray"] != nil)
        #expect(paths[0]["d"]?.hasPrefix("M34 136L59 124.8L84 113.6L109 102.4") == true)
        #expect(paths[0]["d"]?.hasSuffix("L284 24L309 24") == true)
        #expect(paths[1]["d"] == "M34 124.8L59 80")
        let target = xml.attributes(of: "line").filter { $0["stroke"] == ChartPalette.red }
        #expect(target == [["x1": "34", "y1": "24", "x2": "309", "y2": "24", "stroke": ChartPalette.red, "stroke-width": "1"]])
        #expect(xml.attributes.first?["width"] == "320" && xml.attributes.first?["height"] == "160")
        #expect(xml.attributes.first?["aria-label"] == "技术合同成交额：年度目标100亿元；2月实际50亿元，序时进度10亿元")
        #expect(xml.text.contains("目标 100"))
    }

    @Test func oneDotPerKnownActualAndGapsBreakTheLine() throws {
        let actual: [Double?] = [1, 2, nil, 4, 5, 6, nil, nil, 9, nil, nil, nil]
        let svg = Chart.targetLine(title: "高企", unit: "家", target: 20, expected: Self.expected, actual: actual)
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.count("circle") == 6)
        let solid = try #require(xml.attributes(of: "path").last?["d"])
        #expect(solid.filter { $0 == "M" }.count == 2)  // 1–2 and 4–6; 9 stands alone as a dot
        #expect(solid.filter { $0 == "L" }.count == 3)
    }

    @Test func monthLabelsAndTicks() throws {
        let svg = Chart.targetLine(title: "高企", unit: "家", target: 15000, expected: [], actual: [])
        let xml = try #require(checkSafeSVG(svg))
        for month in 1...12 { #expect(xml.text.contains("\(month)月")) }
        #expect(xml.text.contains("7500") && xml.text.contains("1.5万"))
        #expect(xml.count("circle") == 0 && xml.count("path") == 0)
    }

    @Test func singlePointIsADotWithoutALine() throws {
        let xml = try #require(checkSafeSVG(Chart.targetLine(title: "t", unit: "", target: 5, expected: [], actual: [3])))
        #expect(xml.count("circle") == 1)
        #expect(xml.count("path") == 0)
    }

    @Test func badValuesAreSkippedOrClamped() throws {
        let svg = Chart.targetLine(title: "t", unit: "%", target: .nan,
                                   expected: [.nan, .infinity, -.infinity, -3, 2, .greatestFiniteMagnitude],
                                   actual: [.nan, -5, .infinity, 1e300, nil, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.count("circle") == 9)  // -5 drawn at 0 and 1e300 at the clamp; months past 12 ignored
        #expect(xml.attributes(of: "line").allSatisfy { $0["stroke"] != ChartPalette.red })
        #expect(xml.attributes.first?["aria-label"]?.contains("无年度目标") == true)
        #expect(xml.attributes(of: "circle").first?["cy"] == "136")
    }

    @Test func allZeroAndNothingAtAll() throws {
        let zeros = Chart.targetLine(title: "t", unit: "", target: 0, expected: Array(repeating: 0, count: 12),
                                     actual: Array(repeating: 0, count: 12))
        let xml = try #require(checkSafeSVG(zeros))
        #expect(xml.attributes(of: "circle").allSatisfy { $0["cy"] == "136" })
        #expect(xml.text.contains("1"))  // the scale tops at 1
        let none = try #require(checkSafeSVG(Chart.targetLine(title: "t", unit: "", target: .nan, expected: [],
                                                              actual: [nil, nil])))
        #expect(none.text.contains("暂无数据"))
    }

    @Test func labelsAreEscapedAndLongOnesCut() throws {
        let hostile = #"<script>alert("x")</script> & 'q'"#
        let svg = Chart.targetLine(title: hostile, unit: "&", target: 1, expected: [], actual: [1])
        #expect(!svg.contains("<script>"))
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.attributes.first?["aria-label"]?.hasPrefix(hostile) == true)
        #expect(xml.text.contains("<script>alert"))
        let long = String(repeating: "新增高新技术企业", count: 10)
        let cut = try #require(checkSafeSVG(Chart.targetLine(title: long, unit: "家", target: 1, expected: [], actual: [])))
        #expect(cut.text.contains("…"))
    }

    @Test func sameInputSameString() {
        let a = Chart.targetLine(title: "t", unit: "家", target: 7, expected: Self.expected, actual: [1.25, 2.35])
        #expect(a == Chart.targetLine(title: "t", unit: "家", target: 7, expected: Self.expected, actual: [1.25, 2.35]))
    }

    @Test func niceScaleTops() {
        #expect([0, 1, 7, 11, 100, 101, 2600, 55].map(Chart.niceCeiling) == [1, 1, 8, 12, 100, 120, 3000, 60])
        #expect(abs(Chart.niceCeiling(0.27) - 0.3) < 1e-12)
        #expect(SVG.number(-0.04) == "0" && SVG.number(2.25) == "2.3" && SVG.number(-1.5) == "-1.5")
        #expect(SVG.number(.nan) == "0" && SVG.number(1e300) == "1000000000000000")
    }
}
