import Foundation
import Testing
@testable import PlanText

@Suite struct DocxNumberingTests {
    let numbering = "<w:abstractNum w:abstractNumId=\"0\">\(Fixture.planLevels)</w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"

    @Test func planLabelsRestartUnderEachParent() throws {
        let body = [
            Fixture.p("总体要求", numId: 1, level: 0),
            Fixture.p("指导思想。", numId: 1, level: 1),
            Fixture.p("甲", numId: 1, level: 2),
            Fixture.p("乙", numId: 1, level: 2),
            Fixture.p("细项", numId: 1, level: 3),
            Fixture.p("主要目标。", numId: 1, level: 1),
            Fixture.p("丙", numId: 1, level: 2),
            Fixture.p("（说明，无编号）"),
            Fixture.p("重点任务", numId: 1, level: 0),
            Fixture.p("加强组织领导。", numId: 1, level: 1),
            Fixture.p("不编号", numId: 0, level: 1),
        ].joined()
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering))
        #expect(text.split(separator: "\n").map(String.init) == [
            "一、总体要求", "（一）指导思想。", "1.甲", "2.乙", "（1）细项", "（二）主要目标。", "1.丙",
            "（说明，无编号）", "二、重点任务", "（一）加强组织领导。", "不编号",
        ])
    }

    @Test func numberingThroughParagraphStyles() throws {
        let styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>\
            <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>\
            <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="1"/>\
            <w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
            """
        let body = Fixture.p("总体要求", style: "1") + Fixture.p("目标", style: "2")
            + Fixture.p("正文", style: "Plain") + Fixture.p("重点任务", style: "1") + Fixture.p("任务", style: "2")
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering, styles: styles))
        #expect(text == "一、总体要求\n（一）目标\n正文\n二、重点任务\n（一）任务")
    }

    @Test func levelLinkedToAStyleWithoutIlvl() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="3">\
            \(Fixture.level(0, format: "chineseCounting", text: "%1、", extra: "<w:pStyle w:val=\"H1\"/>"))\
            \(Fixture.level(1, format: "chineseCounting", text: "（%2）", extra: "<w:pStyle w:val=\"H2\"/>"))\
            </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
            """
        let styles = """
            <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
            """
        let body = Fixture.p("甲", style: "H1") + Fixture.p("乙", style: "H2") + Fixture.p("丙", style: "H2")
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering, styles: styles))
        #expect(text == "一、甲\n（一）乙\n（二）丙")
    }

    @Test func startOverrideRestartsASharedList() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Fixture.level(0, format: "decimal", text: "%1.", start: 1))\
            \(Fixture.level(1, format: "decimalEnclosedCircle", text: "%2"))</w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>\
            <w:num w:numId="3"><w:abstractNumId w:val="0"/>\
            <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
            """
        let body = Fixture.p("a", numId: 1, level: 0) + Fixture.p("b", numId: 2, level: 0)
            + Fixture.p("c", numId: 2, level: 1) + Fixture.p("d", numId: 2, level: 1)
            + Fixture.p("e", numId: 3, level: 0) + Fixture.p("f", numId: 3, level: 0)
            + Fixture.p("g", numId: 99, level: 0)
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering))
        #expect(text == "1.a\n2.b\n①c\n②d\n5.e\n6.f\ng")
    }

    @Test func lvlRestartZeroKeepsCounting() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Fixture.level(0, format: "chineseCounting", text: "%1、"))\
            \(Fixture.level(1, format: "decimal", text: "%2.", extra: "<w:lvlRestart w:val=\"0\"/>"))</w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        let body = Fixture.p("甲", numId: 1, level: 0) + Fixture.p("a", numId: 1, level: 1)
            + Fixture.p("乙", numId: 1, level: 0) + Fixture.p("b", numId: 1, level: 1)
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering))
        #expect(text == "一、甲\n1.a\n二、乙\n2.b")
    }

    @Test func multiLevelTextBulletsAndCustomFormats() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\(Fixture.level(0, format: "decimal", text: "%1."))\
            \(Fixture.level(1, format: "decimal", text: "%1.%2"))\
            <w:lvl w:ilvl="2"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">\
            <w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback>\
            <w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%3)"/></w:lvl>\
            </w:abstractNum><w:abstractNum w:abstractNumId="1">\
            \(Fixture.level(0, format: "bullet", text: "\u{F0B7}"))</w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            """
        let body = Fixture.p("a", numId: 1, level: 0) + Fixture.p("b", numId: 1, level: 1)
            + Fixture.p("c", numId: 1, level: 1) + Fixture.p("d", numId: 1, level: 2) + Fixture.p("要点", numId: 2, level: 0)
        let text = try DocxReader.text(from: try Fixture.docx(body: body, numbering: numbering))
        #expect(text == "1.a\n1.1b\n1.2c\n01)d\n要点")
    }

    @Test func numberFormats() {
        let chinese = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1010, 10000, 10001]
            .map { ListNumberFormat.render($0, format: "chineseCounting") }
        #expect(chinese == ["一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一",
                            "一百一十", "一百一十一", "一千", "一千零一十", "一万", "一万零一"])
        #expect(ListNumberFormat.render(12, format: "chineseCountingThousand") == "十二")
        #expect(ListNumberFormat.render(12, format: "taiwaneseCountingThousand") == "十二")
        #expect(ListNumberFormat.render(2024, format: "ideographDigital") == "二〇二四")
        #expect(ListNumberFormat.render(3, format: "ideographEnclosedCircle") == "㊂")
        #expect([10, 11, 100, 101].map { ListNumberFormat.render($0, format: "japaneseCounting") } == ["十", "十一", "百", "百一"])
        #expect(ListNumberFormat.render(3, format: "ideographTraditional") == "丙")
        #expect(ListNumberFormat.render(10, format: "ideographTraditional") == "癸")
        #expect(ListNumberFormat.render(1, format: "decimalEnclosedCircle") == "①")
        #expect(ListNumberFormat.render(20, format: "decimalEnclosedCircleChinese") == "⑳")
        #expect(ListNumberFormat.render(21, format: "decimalEnclosedCircle") == "㉑")
        #expect(ListNumberFormat.render(12, format: "decimalFullWidth") == "１２")
        #expect(ListNumberFormat.render(3, format: "lowerLetter") == "c")
        #expect(ListNumberFormat.render(28, format: "upperLetter") == "BB")
        #expect(ListNumberFormat.render(14, format: "upperRoman") == "XIV")
        #expect(ListNumberFormat.render(9, format: "lowerRoman") == "ix")
        #expect(ListNumberFormat.render(12, format: "chineseLegalSimplified") == "壹拾贰")
        #expect(ListNumberFormat.render(5, format: "bullet") == "")
        #expect(ListNumberFormat.render(5, format: "none") == "")
        #expect(ListNumberFormat.render(7, format: "ordinalText") == "7")
        #expect(ListNumberFormat.render(0, format: "chineseCounting") == "0")
        #expect(ListNumberFormat.render(1_000_000_000, format: "lowerLetter") == "1000000000")
    }
}
