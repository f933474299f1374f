import Foundation
import Testing
import ZIPFoundation
@testable import PlanDomain

/// The chart 主要指标完成率: a DrawingML chart part, declared, related from the
/// document and placed inline after the targets table, drawn from its caches.
@Suite struct BulletinChartTests {
    func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path], "no part \(path)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func parsed(_ data: Data, _ path: String) throws -> ParsedXML {
        try #require(ParsedXML.parse(try part(data, path)), "\(path) is not well-formed")
    }

    func paths(_ data: Data) throws -> [String] { try Archive(data: data, accessMode: .read).map(\.path) }

    @Test func chartPartIsDeclaredRelatedAndPlacedInline() throws {
        let data = try BulletinDocument.docx(BulletinSample.bulletin)
        let types = try parsed(data, "[Content_Types].xml")
        #expect(types.attributes(of: "Override").contains([
            "PartName": "/word/charts/chart1.xml",
            "ContentType": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        ]))
        let relationships = try parsed(data, "word/_rels/document.xml.rels")
        #expect(relationships.attributes(of: "Relationship").last == [
            "Id": "rId3", "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
            "Target": "charts/chart1.xml",
        ])
        let document = try parsed(data, "word/document.xml")
        #expect(document.attributes(of: "c:chart") == [[
            "xmlns:c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
            "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r:id": "rId3",
        ]])
        #expect(document.attributes(of: "a:graphicData") == [["uri": "http://schemas.openxmlformats.org/drawingml/2006/chart"]])
        // As wide as the text (14.65 cm), 8 cm high.
        #expect(document.attributes(of: "wp:extent") == [["cx": "5274310", "cy": "2880000"]])
        #expect(document.attributes(of: "wp:docPr") == [["id": "1", "name": "图表 1", "descr": "主要指标完成率"]])
        #expect(document.attributes(of: "w:document").first?["xmlns:wp"]
            == "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
        #expect(document.count("w:drawing") == 1)
        // Right after the targets table, in a paragraph of its own, before the next heading.
        let xml = try part(data, "word/document.xml")
        let drawing = try #require(xml.range(of: "<w:drawing>"))
        let before = xml[..<drawing.lowerBound], after = xml[drawing.upperBound...]
        #expect(before.hasSuffix(#"</w:tr></w:tbl><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>"#))
        let lastTable = try #require(before.range(of: "<w:tbl>", options: .backwards))
        #expect(before[lastTable.lowerBound...].contains("较上期"))
        #expect(!before.contains("二、各地完成情况对比"))
        let next = try #require(after.range(of: "<w:t"))
        #expect(after[next.lowerBound...].hasPrefix(#"<w:t xml:space="preserve">二、各地完成情况对比</w:t>"#))
    }

    @Test func cachesHoldTheCategoriesAndTheValuesInPercent() throws {
        let chart = try parsed(try BulletinDocument.docx(BulletinSample.bulletin), "word/charts/chart1.xml")
        #expect(chart.texts(of: "a:t") == ["主要指标完成率"])
        #expect(chart.attributes(of: "c:barDir") == [["val": "col"]])
        #expect(chart.attributes(of: "c:grouping") == [["val": "clustered"]])
        #expect(chart.count("c:ser") == 2)
        #expect(chart.texts(of: "c:v") == ["完成率", "技术合同成交额", "新增高新技术企业", "40", "15",
                                           "预计完成率", "技术合同成交额", "新增高新技术企业", "160", "60"])
        #expect(chart.texts(of: "c:f") == ["Sheet1!$B$1", "Sheet1!$A$2:$A$3", "Sheet1!$B$2:$B$3",
                                           "Sheet1!$C$1", "Sheet1!$A$2:$A$3", "Sheet1!$C$2:$C$3"])
        // Series name, categories, values, for each series.
        #expect(chart.attributes(of: "c:ptCount").map { $0["val"] } == ["1", "2", "2", "1", "2", "2"])
        #expect(chart.count("c:strCache") == 4)
        #expect(chart.count("c:numCache") == 2)
        #expect(chart.count("c:catAx") == 1)
        #expect(chart.count("c:valAx") == 1)
        #expect(chart.attributes(of: "c:chartSpace").first?["xmlns:a"] == "http://schemas.openxmlformats.org/drawingml/2006/main")
    }

    @Test func unknownValuesAreLeftOutOfTheCache() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.chart = .init(categories: ["甲", "乙", "丙"], series: [.init(name: "完成率", values: [40, nil, 12.5])])
        let chart = try parsed(try BulletinDocument.docx(bulletin), "word/charts/chart1.xml")
        #expect(chart.texts(of: "c:v") == ["完成率", "甲", "乙", "丙", "40", "12.5"])
        #expect(chart.attributes(of: "c:pt").map { $0["idx"] } == ["0", "0", "1", "2", "0", "2"])
        #expect(chart.texts(of: "c:f").last == "Sheet1!$B$2:$B$4")
    }

    @Test func valuesBeyondTheCategoriesAreNotDrawn() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.chart = .init(categories: ["甲"], series: [.init(name: "完成率", values: [40, 50])])
        let chart = try parsed(try BulletinDocument.docx(bulletin), "word/charts/chart1.xml")
        #expect(chart.texts(of: "c:v") == ["完成率", "甲", "40"])
    }

    @Test func nothingToDrawMeansNoChartPartRelationshipOrDrawing() throws {
        let empty: [Bulletin.ChartData?] = [
            nil,
            .init(categories: [], series: [.init(name: "完成率", values: [40])]),
            .init(categories: ["甲", "乙"], series: [.init(name: "完成率", values: [nil, nil])]),
            .init(categories: ["甲"], series: []),
            .init(categories: ["甲"], series: [.init(name: "完成率", values: [.nan])]),
        ]
        for chart in empty {
            var bulletin = BulletinSample.bulletin
            bulletin.chart = chart
            let data = try BulletinDocument.docx(bulletin)
            #expect(!(try paths(data)).contains("word/charts/chart1.xml"))
            #expect(!(try part(data, "[Content_Types].xml")).contains("chart"))
            #expect(!(try part(data, "word/_rels/document.xml.rels")).contains("chart"))
            #expect(try parsed(data, "word/document.xml").count("w:drawing") == 0)
        }
    }

    @Test func notFiniteValuesBecomeUnknownSoTheDraftStillEncodes() throws {
        let series = Bulletin.ChartData.Series(name: "完成率", values: [.nan, .infinity, -.infinity, 3])
        #expect(series.values == [nil, nil, nil, 3])
        var bulletin = BulletinSample.bulletin
        bulletin.chart = .init(categories: ["甲", "乙", "丙", "丁"], series: [series])
        let back = try JSONDecoder().decode(Bulletin.self, from: JSONEncoder().encode(bulletin))
        #expect(back.chart == bulletin.chart)
    }

    @Test func cacheNumbersAreWrittenPlainly() {
        #expect([40, 12.5, -3, 0, 0.125, 160].map(BulletinChart.number) == ["40", "12.5", "-3", "0", "0.125", "160"])
    }

    @Test func categoryLabelIsTheTargetTextCutShort() {
        func row(_ text: String) -> Bulletin.TargetRow {
            .init(key: "一/（一）/1", text: text, target: "", actual: "", completionRate: "", projected: "",
                  projectedRate: "", status: "", units: "")
        }
        #expect(Bulletin.ChartData.label(row("技术合同成交额")) == "技术合同成交额")
        #expect(Bulletin.ChartData.label(row("规模以上工业企业研发机构")) == "规模以上工业企业研发机构")
        #expect(Bulletin.ChartData.label(row("全社会研究与试验发展经费投入强度")) == "全社会研究与试验发展经…")
        #expect(Bulletin.ChartData.label(row("  ")) == "一/（一）/1")
    }

    @Test func chartFromTheCompletionRatesHasBothSeries() {
        let chart = Bulletin.ChartData.completion(categories: ["甲"], completionRates: [40], projectedRates: [nil])
        #expect(chart.title == "主要指标完成率")
        #expect(chart.series == [.init(name: "完成率", values: [40]), .init(name: "预计完成率", values: [nil])])
        #expect(chart.isDrawable)
    }
}
