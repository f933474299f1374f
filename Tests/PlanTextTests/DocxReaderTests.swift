import Foundation
import Testing
@testable import PlanText

@Suite struct DocxReaderTests {
    @Test func paragraphsInDocumentOrder() throws {
        let body = Fixture.p("关于印发《2024年科技工作要点》的通知")
            + "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:r><w:t>要求</w:t></w:r></w:p>"
            + "<w:p/>" + Fixture.p("完")
        let decoded = try DocumentDecoder.decode(try Fixture.docx(body: body))
        #expect(decoded == DecodedDocument(text: "关于印发《2024年科技工作要点》的通知\n一、总体要求\n\n完", format: .docx, encoding: "docx"))
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == decoded.text)
    }

    @Test func xmlEntitiesAndCharacterReferences() throws {
        let body = Fixture.p("&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#x4E00;&#19968; &#xD800;&#99999999;&#; &bogus; & x")
        let text = try DocxReader.text(from: try Fixture.docx(body: body))
        #expect(text == "<a> & \"b\" 'c' 一一 \u{FFFD}\u{FFFD}&#; &bogus; & x")
    }

    @Test func tabsBreaksAndHyphens() throws {
        let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>"
            + "<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r></w:p>"
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == "甲\t乙\n丙-丁")
    }

    @Test func tableRowIsOneTabJoinedLine() throws {
        let body = Fixture.p("表1")
            + Fixture.table([
                [Fixture.p("序号"), Fixture.p("任务"), Fixture.p("责任单位")],
                [Fixture.p("1"), Fixture.p("建设实验室") + Fixture.p("（牵头）"), Fixture.p("市科技局")],
                [Fixture.p(""), Fixture.p(""), Fixture.p("")],
            ])
            + Fixture.p("表后")
        let text = try DocxReader.text(from: try Fixture.docx(body: body))
        #expect(text == "表1\n序号\t任务\t责任单位\n1\t建设实验室 （牵头）\t市科技局\n\n表后")
    }

    @Test func nestedTablesFlattenIntoTheCell() throws {
        let inner = Fixture.table([[Fixture.p("a"), Fixture.p("b")], [Fixture.p("c"), Fixture.p("d")]])
        let body = Fixture.table([[Fixture.p("外"), Fixture.p("前") + inner]])
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == "外\t前 a b c d")
    }

    @Test func deletedTextIsSkippedAndInsertedKept() throws {
        let body = "<w:p><w:r><w:t>到2025年</w:t></w:r>"
            + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>建成10个</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>建成12个</w:t></w:r></w:ins>"
            + "<w:moveFrom w:id=\"3\"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
            + "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>重点实验室</w:t></w:r>"
            + "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == "到2025年建成12个重点实验室")
    }

    @Test func alternateContentIsReadOnce() throws {
        let box = "<w:txbxContent>\(Fixture.p("文本框"))</w:txbxContent>"
        let body = "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
            + "<w:drawing>\(box)</w:drawing></mc:Choice><mc:Fallback><w:pict>\(box)</w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r></w:p>"
        #expect(try DocxReader.text(from: try Fixture.docx(body: body)) == "文本框\n正文")
    }

    @Test func otherPrefixesForTheWordNamespace() throws {
        let xml = """
            <?xml version="1.0"?><x:document xmlns:x="\(Fixture.wordNamespace)" xmlns:a="urn:other">\
            <x:body><x:p><x:r><x:t>正文</x:t></x:r><a:t>不是正文</a:t></x:p></x:body></x:document>
            """
        let data = try Fixture.zip([("word/document.xml", xml)])
        #expect(try DocxReader.text(from: data) == "正文")
    }

    @Test func mainDocumentFromPackageRelationships() throws {
        let rels = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            officeDocument" Target="/word/document2.xml"/></Relationships>
            """
        let data = try Fixture.zip([
            ("_rels/.rels", rels), ("word/document2.xml", Fixture.document(Fixture.p("主文档"))),
        ])
        #expect(try DocxReader.text(from: data) == "主文档")
    }

    @Test func storedEntriesAndUTF16Parts() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Fixture.utf16(Fixture.document(Fixture.p("十六位")), bigEndian: false)
        let data = try Fixture.zip([("word/document.xml", utf16)], compression: .none)
        #expect(try DocxReader.text(from: data) == "十六位")
    }

    @Test func largeDocumentInflatesCorrectly() throws {
        // Many distinct lines exercise dynamic Huffman blocks and long distances.
        var body = ""
        for i in 0..<20_000 { body += Fixture.p("第\(i)项任务：推进\(i * 7919 % 1000)号工程") }
        let text = try DocxReader.text(from: try Fixture.docx(body: body))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 20_000)
        #expect(lines[12_345] == "第12345项任务：推进\(12_345 * 7919 % 1000)号工程")
    }
}
