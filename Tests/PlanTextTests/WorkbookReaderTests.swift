import Foundation
import Testing
@testable import PlanText

@Suite struct WorkbookReaderTests {
    @Test func sheetsComeInTabOrderWithTheirNames() throws {
        let data = try Fixture.xlsx(sheets: [
            ("任务分解表", #"<row r="1"><c r="A1" t="inlineStr"><is><t>一</t></is></c></row>"#),
            ("计划信息", #"<row r="1"><c r="A1" t="inlineStr"><is><t>二</t></is></c></row>"#),
        ])
        let book = try WorkbookReader.read(data)
        #expect(book.sheets.map(\.name) == ["任务分解表", "计划信息"])
        #expect(book.sheets.map(\.rows) == [[["一"]], [["二"]]])
    }

    @Test func sharedStringsWithRichTextRunsAndPhoneticGuides() throws {
        let strings = [
            "<si><t>序号</t></si>",
            #"<si><r><rPr><b/></rPr><t>牵头</t></r><r><t xml:space="preserve">单位 </t></r><rPh sb="0" eb="2"><t>QIANTOU</t></rPh></si>"#,
            "<si><t>A &amp; B &lt;C&gt;</t></si>",
        ]
        let data = try Fixture.xlsx(
            sheets: [("S", #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#)],
            sharedStrings: strings)
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["序号", "牵头单位 ", "A & B <C>"]])
    }

    @Test func gapsBetweenCellsAndRowsBecomeEmptyText() throws {
        let data = try Fixture.xlsx(sheets: [("S", """
            <row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="C1" t="inlineStr"><is><t>y</t></is></c></row>\
            <row r="3"><c r="B3" t="inlineStr"><is><t>z</t></is></c><c r="D3" s="1"/></row>\
            <row r="9" ht="20" customHeight="1"/>
            """)])
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["x", "", "y"], [], ["", "z"]])
    }

    @Test func cellsWithoutReferencesFollowOneAnother() throws {
        let data = try Fixture.xlsx(sheets: [("S", """
            <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
            <row><c><v>1</v></c></row>
            """)])
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["a", "b"], ["1"]])
    }

    @Test func numbersBooleansErrorsAndFormulaText() throws {
        let data = try Fixture.xlsx(sheets: [("S", """
            <row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>3.5</v></c><c r="C1"><v>1.0E+2</v></c>\
            <c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>\
            <c r="G1" t="str"><f>A1&amp;"家"</f><v>42家</v></c><c r="H1"><v>-7</v></c></row>
            """)])
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["42", "3.5", "100", "TRUE", "FALSE", "#N/A", "42家", "-7"]])
    }

    @Test func dateStyledNumbersReadAsDates() throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
            <numFmt numFmtId="177" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
            """
        let data = try Fixture.xlsx(sheets: [("S", """
            <row r="1"><c r="A1" s="1"><v>45107</v></c><c r="B1" s="2"><v>45291.5</v></c>\
            <c r="C1" s="3"><v>45107</v></c><c r="D1"><v>45107</v></c><c r="E1" s="1"><v>1</v></c></row>
            """)], styles: styles)
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["2023-06-30", "2023-12-31", "45107", "45107", "1900-01-01"]])
    }

    @Test func percentStyledNumbersReadAsTheCellShowsThem() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="178" formatCode="0.0%"/><numFmt numFmtId="179" formatCode="0.0&quot;%&quot;"/></numFmts>\
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="178"/><xf numFmtId="179"/></cellXfs>
            """
        let data = try Fixture.xlsx(sheets: [("S", """
            <row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.024</v></c><c r="C1" s="3"><v>0.0235</v></c>\
            <c r="D1" s="4"><v>2.4</v></c><c r="E1"><v>0.024</v></c><c r="F1" s="3"><v>1.15</v></c></row>
            """)], styles: styles)
        // A quoted % is text, not a multiplier: 2.4 stays 2.4.
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["50%", "2.4%", "2.35%", "2.4", "0.024", "115%"]])
        #expect(CellStyles.isPercent(code: "0.00%") && CellStyles.isPercent(code: "[Red]0%;-0%"))
        #expect(!CellStyles.isPercent(code: "0.0\\%") && !CellStyles.isPercent(code: "0.0\"%\"") && !CellStyles.isPercent(code: "[$%-804]0"))
    }

    @Test func preservedSpaceAndLineBreaksInInlineStrings() throws {
        let data = try Fixture.xlsx(sheets: [("S", #"<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  第一行&#10;第二行 </t></is></c></row>"#)])
        #expect(try WorkbookReader.read(data).sheets[0].rows == [["  第一行\n第二行 "]])
    }

    @Test func columnLettersAreReadPastZ() throws {
        #expect(CellReference("A1")?.column == 0)
        #expect(CellReference("Z9")?.column == 25)
        #expect(CellReference("AA10")?.column == 26)
        #expect(CellReference("$GR$3")?.column == 199)
        #expect(CellReference("GR3")?.row == 2)
        #expect(CellReference("ABCD1") == nil)
        #expect(CellReference("1A") == nil)
    }
}
