import Testing
@testable import PlanDomain

@Suite struct GroupedBarsChartTests {
    let series = [Chart.BarSeries(label: "2024年", colour: "#60a5fa"), Chart.BarSeries(label: "2025年", colour: "#2563eb")]

    @Test func barsAreScaledFromZeroToARoundTop() throws {
        let groups = [Chart.BarGroup(label: "广水市", bars: [.init(value: 100), .init(value: 50)]),
                      Chart.BarGroup(label: "随县", bars: [.init(value: nil), .init(value: 80, marker: 90)])]
        let xml = try #require(checkSafeSVG(Chart.groupedBars(title: "高新技术企业总数", unit: "家", series: series,
                                                              groups: groups)))
        // x 48…472 in two groups of 212; bars 32 wide, a pair centred in each group: 122, 154 and 334, 366.
        // Scale 0…100 over y 180…28 (152 units): 100 → y 28, 50 → y 104, 80 → y 58.4; the marker 90 at y 43.2.
        let bars = xml.attributes(of: "rect").filter { $0["height"] != "10" }
        #expect(bars.map { [$0["x"], $0["y"], $0["width"], $0["height"], $0["fill"]] } == [
            ["122", "28", "32", "152", "#60a5fa"], ["154", "104", "32", "76", "#2563eb"],
            ["366", "58.4", "32", "121.6", "#2563eb"],
        ])
        let marker = try #require(xml.attributes(of: "line").first { $0["stroke"] == ChartPalette.red })
        #expect([marker["x1"], marker["y1"], marker["x2"], marker["y2"]] == ["366", "43.2", "398", "43.2"])
        #expect(xml.text.contains("—"))  // 随县 2024: unknown, not zero
        for tick in ["0", "50", "100"] { #expect(xml.text.contains(tick)) }
        #expect(xml.attributes.first?["height"] == "222")
        #expect(xml.attributes.first?["aria-label"] == "高新技术企业总数（家）：广水市 2024年100、2025年50；随县 2024年无数据、2025年80")
        #expect(xml.text.contains("随县 2025年：80家（目标 90家）"))
    }

    @Test func negativeValuesHangBelowZero() throws {
        let groups = [Chart.BarGroup(label: "广水市", bars: [.init(value: -5), .init(value: 12)])]
        let xml = try #require(checkSafeSVG(Chart.groupedBars(title: "研发经费投入增长率", unit: "%", series: series,
                                                              groups: groups)))
        // Scale −5…12 (17) over 152 units: 0 at y 180 − 152 × 5 / 17 = 135.29.
        let bars = xml.attributes(of: "rect").filter { $0["height"] != "10" }
        #expect(bars.map { [$0["y"], $0["height"]] } == [["135.3", "44.7"], ["28", "107.3"]])
        #expect(xml.text.contains("-5") && xml.text.contains("12"))
    }

    @Test func labelsAreEscapedAndCut() throws {
        let long = String(repeating: "国家级科技企业孵化器", count: 5)
        let groups = [Chart.BarGroup(label: "<b>广水</b> & \"随县\"", bars: [.init(value: 1)]),
                      Chart.BarGroup(label: long, bars: [.init(value: 2), .init(value: .nan)])]
        let svg = Chart.groupedBars(title: "<script>x</script>", unit: "家&", series: series + [.init(label: "x", colour: "red")],
                                    groups: groups, width: 300)
        #expect(!svg.contains("<b>") && !svg.contains("<script>"))
        let xml = try #require(checkSafeSVG(svg))
        #expect(xml.text.contains("<b>广水</b> & \"随县\""))
        #expect(xml.text.contains("…") && xml.text.contains(long))
        #expect(xml.attributes(of: "rect").contains { $0["fill"] == ChartPalette.grey })
    }

    @Test func nothingToDraw() throws {
        let empty = try #require(checkSafeSVG(Chart.groupedBars(title: "t", unit: "", series: [], groups: [])))
        #expect(empty.text.contains("暂无数据") && empty.attributes.first?["height"] == "48")
        let unknown = [Chart.BarGroup(label: "广水市", bars: [])]
        let xml = try #require(checkSafeSVG(Chart.groupedBars(title: "t", unit: "", series: series, groups: unknown)))
        #expect(xml.text.contains("暂无数据"))
        #expect(xml.attributes(of: "rect").filter { $0["height"] != "10" }.isEmpty)
    }
}
