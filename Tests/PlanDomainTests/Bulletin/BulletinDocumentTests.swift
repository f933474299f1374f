import Foundation
import PlanText
import Testing
import ZIPFoundation
@testable import PlanDomain

@Suite struct BulletinDocumentTests {
    static let parts = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                        "word/styles.xml", "word/settings.xml", "word/charts/chart1.xml", "docProps/core.xml",
                        "docProps/app.xml"]

    /// The text of one part of the package.
    func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path], "no part \(path)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The document as PlanText reads it: a line per paragraph and per table row.
    func lines(_ bulletin: Bulletin) throws -> [String] {
        try DocxReader.text(from: BulletinDocument.docx(bulletin)).split(separator: "\n").map(String.init)
    }

    @Test func packageHasEveryPartAndEachIsWellFormed() throws {
        let data = try BulletinDocument.docx(BulletinSample.bulletin)
        let archive = try Archive(data: data, accessMode: .read)
        #expect(archive.map(\.path) == Self.parts)
        for path in Self.parts {
            #expect(ParsedXML.parse(try part(data, path)) != nil, "\(path) is not well-formed")
        }
    }

    @Test func readsBackInOrder() throws {
        let lines = try lines(BulletinSample.bulletin)
        #expect(Array(lines.prefix(3)) == ["随州市2025年科技工作要点落实情况通报（2025年3月）", "第3期",
                                           "随州市科学技术局　　2025年4月2日"])
        #expect(lines[3] == "截至2025年3月，任务总数30项，已完成2项，正常推进20项，滞后5项，风险2项，逾期1项，按时报送率93.3%。")
        #expect(Array(lines[4...11]) == ["项目\t数值", "任务总数\t30项", "已完成\t2项", "正常推进\t20项", "滞后\t5项",
                                          "风险\t2项", "逾期\t1项", "按时报送率\t93.3%"])
        let marks = ["一、", "二、", "三、", "四、", "五、", "六、", "（一）", "（二）", "（三）"]
        let headings = lines.filter { line in marks.contains { line.hasPrefix($0) } }
        #expect(headings == ["一、主要指标完成情况", "二、各地完成情况对比", "三、任务进展情况", "（一）已完成", "（二）正常推进",
                             "（三）滞后", "四、逾期任务", "五、风险任务", "六、单位排名"])
        // 完成率 (actual ÷ target) and 预计完成率 (forecast ÷ target) side by side, never one for the other;
        // 较上期 right after 实际. The chart has no text, so the places' heading follows the last row.
        let targets = lines.drop { $0 != "一、主要指标完成情况" }.dropFirst()
        #expect(Array(targets.prefix(4)) == ["序号\t指标\t目标\t实际\t较上期\t完成率\t预计全年\t预计完成率\t状态",
                                             "一/（一）/2\t技术合同成交额\t75亿元\t30亿元\t↑12亿元\t40%\t120亿元\t160%\t正常",
                                             "一/（一）/1\t新增高新技术企业\t20家\t3家\t持平\t15%\t12家\t60%\t风险",
                                             "二、各地完成情况对比"])
        #expect(lines.contains("一/（一）/1\t新增高新技术企业20家\t市科技局、各县市区\t正常\t60%\t已完成申报辅导"))
        #expect(lines.contains("四/（一）/9\t科技特派员服务全覆盖\t曾都区\t逾期\t—\t2月进展未报送"))
        let titles = ["召开全市科技创新大会", "新增高新技术企业20家", "技术合同成交额达到55亿元", "建设省级创新平台3家",
                      "科技特派员服务全覆盖", "建设省级创新平台3家"]
        let rows = lines.drop { $0 != "三、任务进展情况" }.filter { $0.split(separator: "\t").first?.contains("/") == true }
        #expect(rows.map { String($0.split(separator: "\t")[1]) } == titles)
        let ranking = lines.drop { $0 != "六、单位排名" }.dropFirst()
        #expect(Array(ranking.prefix(4)) == ["名次\t单位\t任务数\t按时报送率\t完成率\t得分",
                                             "1\t市科技局\t12\t100%\t16.7%\t98.5", "2\t高新区\t6\t100%\t0%\t95",
                                             "3\t曾都区\t5\t80%\t0%\t88.2"])
        #expect(Array(lines.suffix(2)) == BulletinSample.bulletin.remarks)
    }

    @Test func everyTableHasBordersAndABoldRepeatedHeader() throws {
        let xml = try #require(ParsedXML.parse(try part(try BulletinDocument.docx(BulletinSample.bulletin),
                                                         "word/document.xml")))
        // summary, targets, places, three groups, late, at risk, ranking
        #expect(xml.count("w:tbl") == 9)
        #expect(xml.count("w:tblBorders") == 9)
        #expect(xml.count("w:tblHeader") == 9)
        #expect(xml.attributes(of: "w:insideV").allSatisfy { $0["w:val"] == "single" })
        #expect(xml.attributes(of: "w:pgSz") == [["w:w": "11906", "w:h": "16838"]])
        #expect(xml.attributes(of: "w:pStyle").first == ["w:val": "Title"])
        #expect(xml.attributes(of: "w:pStyle").filter { $0["w:val"] == "Heading1" }.count == 6)
        #expect(xml.attributes(of: "w:pStyle").filter { $0["w:val"] == "Heading2" }.count == 3)
    }

    @Test func stylesDefineTitleHeadingsAndTableGrid() throws {
        let styles = try part(try BulletinDocument.docx(BulletinSample.bulletin), "word/styles.xml")
        let xml = try #require(ParsedXML.parse(styles))
        let ids = xml.attributes(of: "w:style").compactMap { $0["w:styleId"] }
        #expect(Set(["Normal", "Title", "Heading1", "Heading2", "TableText", "TableNormal", "BulletinTable"]) == Set(ids))
        #expect(styles.contains(#"<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="宋体" w:cs="SimSun"/><w:b/><w:bCs/><w:sz w:val="44"/>"#))
    }

    @Test func propertiesCarryTitleIssuerAndIssueDate() throws {
        let data = try BulletinDocument.docx(BulletinSample.bulletin)
        let core = try part(data, "docProps/core.xml")
        #expect(core.contains("<dc:title>随州市2025年科技工作要点落实情况通报（2025年3月）</dc:title>"))
        #expect(core.contains("<dc:creator>随州市科学技术局</dc:creator>"))
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-04-02T00:00:00Z</dcterms:created>"#))
        #expect(core.contains("<dc:subject>月度通报 2025年3月</dc:subject>"))
        #expect(try part(data, "docProps/app.xml").contains("<Company>随州市科学技术局</Company>"))
    }

    @Test func dateThatIsNotISOIsPrintedAsGivenAndLeftOutOfProperties() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.issuedOn = "2025-02-30"
        let data = try BulletinDocument.docx(bulletin)
        #expect(try lines(bulletin)[2] == "随州市科学技术局　　2025-02-30")
        #expect(!(try part(data, "docProps/core.xml")).contains("dcterms:created"))
        #expect(BulletinText.printedDate("2024-02-29") == "2024年2月29日")
        #expect(BulletinText.printedDate("2025-12-01T08:00:00Z") == "2025年12月1日")
        #expect(BulletinText.printedDate("２０２５-01-01") == "２０２５-01-01")
    }

    @Test func hostileTextIsEscapedAndReadsBackLiterally() throws {
        let hostile = #"<script>alert("x")</script> & 'q' ]]> <w:p>"#
        var bulletin = BulletinSample.bulletin
        bulletin.title = hostile + "\u{01}\u{0B}\u{FFFE}"
        bulletin.issuer = "A&B局"
        bulletin.summary = [.init(label: "<b>", value: "\"1\"")]
        bulletin.sections = [.init(title: hostile, rows: [.init(key: "1", title: hostile, units: "<u>", status: "&",
                                                                progress: ">", note: "")])]
        bulletin.remarks = [hostile]
        bulletin.chart = .init(title: hostile, categories: [hostile, "<c:v>"], series: [.init(name: hostile, values: [1, 2])])
        bulletin.places = .init(note: hostile, columns: [hostile], rows: [.init(rank: 1, place: hostile, cells: ["<"], score: "&")])
        let data = try BulletinDocument.docx(bulletin)
        let document = try part(data, "word/document.xml")
        #expect(!document.contains("<script>"))
        #expect(ParsedXML.parse(document) != nil)
        let chart = try #require(ParsedXML.parse(try part(data, "word/charts/chart1.xml")))
        #expect(chart.texts(of: "a:t") == [hostile])
        #expect(chart.texts(of: "c:v") == [hostile, hostile, "<c:v>", "1", "2"])
        #expect(ParsedXML.parse(document)?.attributes(of: "wp:docPr").first?["descr"] == hostile)
        #expect(ParsedXML.parse(try part(data, "docProps/core.xml")) != nil)
        let lines = try lines(bulletin)
        #expect(lines[0] == hostile)
        #expect(lines.contains("（一）" + hostile))
        #expect(lines.contains("1\t" + hostile + "\t<u>\t&\t>\t"))
        #expect(lines.contains("截至2025年3月，<b>\"1\"。"))
        #expect(lines.last == hostile)
        #expect(lines.contains("A&B局　　2025年4月2日"))
        #expect(lines.contains("名次\t地区\t" + hostile + "\t综合完成率"))
        #expect(lines.contains("1\t" + hostile + "\t<\t&"))
    }

    @Test func lineBreaksAndTabsInTextBecomeWordBreaks() throws {
        #expect(WordML.runContent("甲\r\n乙\n丙\t丁\r") ==
            #"<w:t xml:space="preserve">甲</w:t><w:br/><w:t xml:space="preserve">乙</w:t><w:br/>"#
            + #"<w:t xml:space="preserve">丙</w:t><w:tab/><w:t xml:space="preserve">丁</w:t><w:br/>"#)
    }

    @Test func emptyListsSayThereIsNothingThisPeriod() throws {
        let bulletin = Bulletin(kind: .quarterly, title: "", issuer: "某县科技局", periodTitle: "2025年第一季度",
                                issuedOn: "2025-04-05")
        let lines = try lines(bulletin)
        #expect(lines == ["季度通报", "某县科技局　　2025年4月5日", "截至2025年第一季度，本期暂无统计数据。",
                          "一、主要指标完成情况", "本期无可计算的指标。", "二、任务进展情况", "本期无任务。", "三、逾期任务",
                          "本期无逾期任务。", "四、风险任务", "本期无风险任务。", "五、单位排名", "本期无单位排名。"])
        let document = try part(try BulletinDocument.docx(bulletin), "word/document.xml")
        #expect(!document.contains("<w:tbl>"))
    }

    @Test func groupsWithoutRowsAreLeftOut() throws {
        var bulletin = BulletinSample.bulletin
        bulletin.sections.insert(.init(title: "风险", rows: []), at: 1)
        let lines = try lines(bulletin)
        #expect(lines.filter { $0.hasPrefix("（") && !$0.contains("\t") } == ["（一）已完成", "（二）正常推进", "（三）滞后"])
    }

    /// A draft is kept as JSON and published from it: nothing may change on the way.
    @Test func aDraftKeptAsJSONPublishesTheSameDocument() throws {
        let kept = try JSONEncoder().encode(BulletinSample.bulletin)
        let back = try JSONDecoder().decode(Bulletin.self, from: kept)
        #expect(back == BulletinSample.bulletin)
        #expect(try BulletinDocument.docx(back) == BulletinDocument.docx(BulletinSample.bulletin))
    }

    @Test func sameBulletinSameBytes() throws {
        #expect(try BulletinDocument.docx(BulletinSample.bulletin) == BulletinDocument.docx(BulletinSample.bulletin))
    }

    @Test func numerals() {
        #expect([1, 9, 10, 11, 20, 23, 99, 100].map(BulletinText.numeral) ==
            ["一", "九", "十", "十一", "二十", "二十三", "九十九", "100"])
    }

    /// Writes the sample bulletin, and a hostile one beside it as
    /// `…-hostile.docx`, then reads both back from disk as a reader would.
    /// `SCIPLAN_WRITE_SAMPLE_DOCX=/tmp/sample.docx swift test --filter writesSample`
    /// keeps them there for checking with a real reader (scripts/check-docx.py,
    /// LibreOffice); otherwise they go to a temporary directory.
    @Test func writesSampleForRealReaders() throws {
        let kept = ProcessInfo.processInfo.environment["SCIPLAN_WRITE_SAMPLE_DOCX"]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sciplan-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = kept.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("sample.docx")
        try BulletinDocument.docx(BulletinSample.bulletin).write(to: path)
        // Beside it, one with markup in every text and nothing late, at risk or ranked.
        var hostile = BulletinSample.bulletin
        hostile.title = #"<script>alert("x")</script> & 'q'"#
        hostile.sections[0].rows[0].title = "<w:p>任务 & \"引号\"\u{01}"
        hostile.late = []
        hostile.atRisk = []
        hostile.ranking = []
        hostile.chart?.categories[0] = "<c:v>指标 & \"引号\""
        hostile.places?.rows[0].place = "<w:t>高新区 & 园区"
        let other = path.deletingLastPathComponent()
            .appendingPathComponent(path.deletingPathExtension().lastPathComponent + "-hostile.docx")
        try BulletinDocument.docx(hostile).write(to: other)

        for (file, title) in [(path, BulletinSample.bulletin.title), (other, hostile.title)] {
            let data = try Data(contentsOf: file)
            let archive = try Archive(data: data, accessMode: .read)
            #expect(archive.map(\.path) == Self.parts)
            for part in Self.parts {
                #expect(ParsedXML.parse(try self.part(data, part)) != nil, "\(file.lastPathComponent): \(part) is not well-formed")
            }
            let lines = try DocxReader.text(from: data).split(separator: "\n").map(String.init)
            #expect(lines.first == title)
        }
        let hostileLines = try DocxReader.text(from: Data(contentsOf: other)).split(separator: "\n").map(String.init)
        #expect(hostileLines.contains { $0.contains("<w:p>任务 & \"引号\"") })
        #expect(hostileLines.contains("1\t<w:t>高新区 & 园区\t25%\t48%\t36.5%"))
        #expect(!hostileLines.contains { $0.contains("科技特派员服务全覆盖") })   // the sample's late task is gone
        #expect(!hostileLines.contains { $0.hasPrefix("1\t市科技局") })               // nor its ranking
    }
}
