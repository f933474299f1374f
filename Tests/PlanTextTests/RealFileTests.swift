import Foundation
import Testing
@testable import PlanText

/// Files written by a real office suite. `Tests/Fixtures/*.fodt` are the
/// sources; the `lo-*` files are LibreOffice's conversions of them
/// (`soffice --headless --convert-to docx plan.fodt`, and doc/rtf/odt/pdf).
@Suite struct RealFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func decode(_ name: String) throws(PlanTextError) -> DecodedDocument {
        let data = (try? Data(contentsOf: Self.fixtures.appendingPathComponent(name))) ?? Data()
        return try DocumentDecoder.decode(data)
    }

    @Test func libreOfficeDocxWithChineseListNumbering() throws {
        let decoded = try decode("lo-plan.docx")
        #expect(decoded.format == .docx)
        #expect(decoded.text == """
            随州市科技局2023年工作要点
            一、总体要求
            （一）指导思想。坚持创新驱动。
            1.甲项
            2.乙项
            （二）主要目标。
            1.丙项
            二、重点任务
            （一）加强组织领导。
            序号\t任务\t责任单位
            1\t建设实验室 （牵头）\t市科技局 & 市财政局
            结束\t语
            第二行
            """)
    }

    @Test func libreOfficeDocxWithChangesFootnoteTextBoxAndNestedTable() throws {
        let decoded = try decode("lo-extra.docx")
        #expect(decoded.text == "到2025年建成12个重点实验室。\n文本框内容\n正文之后\n外\t前 a b\n")
        #expect(!decoded.text.contains("页眉") && !decoded.text.contains("页脚") && !decoded.text.contains("脚注"))
    }

    @Test func otherFormatsFromTheSameSourceAreNamed() {
        let expected = [
            "lo-plan.doc": "Word 97-2003 文档（.doc）或 WPS 文档（.wps）",
            "lo-plan.rtf": "RTF 文档",
            "lo-plan.odt": "OpenDocument 文档（.odt 等）",
            "lo-plan.pdf": "PDF 文档",
        ]
        for (file, name) in expected {
            #expect(throws: PlanTextError.unsupportedFormat(name: name)) { try decode(file) }
        }
    }
}
