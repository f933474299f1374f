import Foundation
import Testing
@testable import PlanDomain

@Suite struct ChartSampleTests {
    /// Writes one page with every chart and checks each chart on it is a
    /// well-formed SVG with its title or labels.
    /// `SCIPLAN_WRITE_SAMPLE_SVG=/tmp/charts.html swift test --filter writesSample`
    /// keeps the page there for looking at in a browser.
    @Test func writesSamplePage() throws {
        let path = ProcessInfo.processInfo.environment["SCIPLAN_WRITE_SAMPLE_SVG"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-charts-\(UUID().uuidString).html").path
        defer { if ProcessInfo.processInfo.environment["SCIPLAN_WRITE_SAMPLE_SVG"] == nil { try? FileManager.default.removeItem(atPath: path) } }
        let charts = [
            Chart.targetLine(title: "技术合同成交额", unit: "亿元", target: 55,
                             expected: (1...12).map { Double($0) * 55 / 12 }, actual: [3.2, 8.1, 15.4, 19]),
            Chart.targetLine(title: "新增高新技术企业", unit: "家", target: 20, expected: [], actual: [nil, 2, nil, 6]),
            Chart.targetLine(title: "研发支出", unit: "万元", target: 120000,
                             expected: (1...12).map { Double($0) * 10000 }, actual: [9000, 21000, 28000]),
            Chart.statusBar(segments: BarChartTests.segments + [.init(label: "风险", count: 2, colour: "#ef6c00"),
                                                                .init(label: "暂无数据", count: 1, colour: "#9e9e9e")]),
            Chart.statusBar(segments: (1...12).map { .init(label: "第\($0)类", count: $0, colour: "#5c6bc0") }),
            Chart.progressBars(rows: [.init(label: "一、培育壮大创新主体", percent: 62.5, colour: "#2e7d32"),
                                      .init(label: "二、建设高能级创新平台和载体的长标题测试", percent: 18, note: "滞后2项"),
                                      .init(label: "三、人才", percent: .nan)]),
            Chart.progressBars(rows: []),
        ]
        let page = "<!doctype html><meta charset=utf-8><body style=\"font-family:sans-serif\">"
            + charts.map { "<div style=\"margin:8px;border:1px dotted #ccc;display:inline-block\">\($0)</div>" }.joined()
        try page.write(toFile: path, atomically: true, encoding: .utf8)

        let read = try String(contentsOfFile: path, encoding: .utf8)
        let svgs = read.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == charts.count)
        for (index, svg) in svgs.enumerated() {
            #expect(ParsedXML.parse(svg)?.elements.first == "svg", "chart \(index) is not a well-formed SVG")
        }
        let texts = svgs.compactMap { ParsedXML.parse($0)?.text }
        #expect(texts.count == charts.count)
        #expect(texts[0].contains("技术合同成交额") && texts[5].contains("三、人才"))
    }
}
