import Foundation
import Testing
@testable import PlanDomain

@Suite struct BarChartTests {
    static let segments = [
        Chart.Segment(label: "已完成", count: 2, colour: "#2e7d32"),
        Chart.Segment(label: "正常", count: 20, colour: "#1565c0"),
        Chart.Segment(label: "滞后", count: 5, colour: "#f9a825"),
        Chart.Segment(label: "逾期", count: 0, colour: "#c62828"),
    ]

    @Test func segmentsShareTheBarByCount() throws {
        let svg = Chart.statusBar(segments: [.init(label: "甲", count: 1, colour: "#111"),
                                             .init(label: "乙", count: 3, colour: "#222222")])
        let xml = try #require(checkSafeSVG(svg))
        // 464 units from x 8 to 472: 1/4 and 3/4 of it.
        let bars = xml.attributes(of: "rect").filter { $0["height"] == "22" }
        #expect(bars.map { [$0["x"], $0["width"], $0["fill"]] } == [["8", "116", "#111"], ["124", "348", "#222222"]])
        #expect(xml.attributes.first?["aria-label"] == "状态分布：甲1，乙3；合计4")
    }

    @Test func zeroSegmentsHaveNoBarButKeepTheirLegend() throws {
        let xml = try #require(checkSafeSVG(Chart.statusBar(segments: Self.segments)))
        #expect(xml.attributes(of: "rect").filter { $0["height"] == "22" }.count == 3)
        #expect(xml.attributes(of: "rect").filter { $0["height"] == "10" }.map { $0["fill"] } ==
            ["#2e7d32", "#1565c0", "#f9a825", "#c62828"])
        #expect(xml.text.contains("逾期 0"))
        #expect(xml.text.contains("20"))
    }

    @Test func edgesMeetWithoutGaps() throws {
        let counts = [1, 1, 1, 7, 3]
        let segments = counts.map { Chart.Segment(label: "s", count: $0, colour: "#abc") }
        let xml = try #require(checkSafeSVG(Chart.statusBar(segments: segments, width: 333)))
        let bars = xml.attributes(of: "rect").filter { $0["height"] == "22" }
        var edge = 8.0
        for bar in bars {
            #expect(Double(bar["x"] ?? "") == edge)
            edge = ((edge + Double(bar["width"] ?? "0")!) * 10).rounded() / 10
        }
        #expect(edge == 325)
    }

    @Test func coloursOtherThanHexAreGrey() throws {
        let colours = ["red", "#12345", "#gggggg", #""/><script>x</script>"#, "", "#ABCDEF", "#abc"]
        let segments = colours.map { Chart.Segment(label: "x", count: 1, colour: $0) }
        let svg = Chart.statusBar(segments: segments)
        #expect(!svg.contains("<script>"))
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.attributes(of: "rect").filter { $0["height"] == "10" }.map { $0["fill"] } ==
            ["#9ca3af", "#9ca3af", "#9ca3af", "#9ca3af", "#9ca3af", "#ABCDEF", "#abc"])
    }

    @Test func emptyAllZeroAndNegative() throws {
        let empty = try #require(checkSafeSVG(Chart.statusBar(segments: [])))
        #expect(empty.text.contains("暂无数据"))
        #expect(empty.attributes.first?["height"] == "48")
        let zeros = [Chart.Segment(label: "a", count: 0, colour: "#abc"), .init(label: "b", count: -4, colour: "#abc")]
        let xml = try #require(checkSafeSVG(Chart.statusBar(segments: zeros)))
        #expect(xml.text.contains("暂无数据"))
        #expect(xml.text.contains("b 0"))
        #expect(xml.attributes.first?["aria-label"] == "状态分布：a0，b0；合计0")
    }

    @Test func legendWrapsAndHeightGrows() throws {
        let one = try #require(checkSafeSVG(Chart.statusBar(segments: Array(Self.segments.prefix(2)))))
        let many = (1...12).map { Chart.Segment(label: "第\($0)类状态名称", count: $0, colour: "#abc") }
        let tall = try #require(checkSafeSVG(Chart.statusBar(segments: many)))
        let height = { (x: ParsedXML) in Int(x.attributes.first?["height"] ?? "") ?? 0 }
        #expect(height(one) == 58)
        #expect(height(tall) > height(one) + 18)
        let legendY = Set(tall.attributes(of: "rect").filter { $0["height"] == "10" }.compactMap { $0["y"] })
        #expect(legendY.count == (height(tall) - 40) / 18)
    }

    @Test func longLabelsAreCutAndKeptWhole() throws {
        let long = String(repeating: "国家级科技企业孵化器", count: 12)
        let xml = try #require(checkSafeSVG(Chart.statusBar(segments: [.init(label: long, count: 1, colour: "#abc")])))
        #expect(xml.text.contains("…"))
        #expect(xml.text.contains(long + " 1"))  // the tooltip
        #expect(Int(xml.attributes.first?["width"] ?? "") == 480)
    }

    @Test func progressBarsScaleAndClamp() throws {
        let rows = [Chart.ProgressRow(label: "科技创新主体", percent: 50, colour: "#2e7d32"),
                    .init(label: "平台", percent: 150), .init(label: "人才", percent: -5),
                    .init(label: "成果", percent: .nan), .init(label: "金融", percent: .infinity),
                    .init(label: "项目", percent: 12.345)]
        let svg = Chart.progressBars(rows: rows)
        let xml = try #require(checkSafeSVG(svg))
        // Bars run from x 152 (8 + 30% of 480) to 424 (480 − 8 − 48): 272 units.
        let fills = xml.attributes(of: "rect").filter { $0["fill"] != "#f3f4f6" }
        #expect(fills.map { $0["width"] } == ["136", "272", "272", "33.6"])
        #expect(fills.allSatisfy { $0["x"] == "152" })
        #expect(fills.first?["fill"] == "#2e7d32" && fills[1]["fill"] == ChartPalette.blue)
        #expect(xml.count("g") == 6)
        for value in ["50%", "100%", "0%", "—", "12.3%"] { #expect(xml.text.contains(value)) }
        #expect(xml.attributes.first?["height"] == "160")
        #expect(xml.attributes.first?["aria-label"] == "完成进度：科技创新主体50%，平台100%，人才0%，成果—，金融100%，项目12.3%")
    }

    @Test func notesMakeRowsTallerAndAreEscaped() throws {
        let rows = [Chart.ProgressRow(label: "<b>市科技局</b>", percent: 80, colour: "bad", note: "滞后 & \"待核\""),
                    .init(label: "高新区", percent: 20)]
        let svg = Chart.progressBars(rows: rows, width: 400)
        #expect(!svg.contains("<b>"))
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.attributes.first?["height"] == "88")
        #expect(xml.text.contains("<b>市科技局</b>") && xml.text.contains("滞后 & \"待核\""))
        #expect(xml.attributes(of: "rect").contains { $0["fill"] == ChartPalette.grey })
    }

    @Test func noRowsIsNoData() throws {
        let xml = try #require(checkSafeSVG(Chart.progressBars(rows: [], width: 300)))
        #expect(xml.text.contains("暂无数据") && xml.attributes.first?["width"] == "300")
    }
}
