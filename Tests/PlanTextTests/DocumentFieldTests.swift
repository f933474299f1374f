import Testing
@testable import PlanText

@Suite("Document fields")
struct DocumentFieldTests {
    @Test func unwrapsTheNoticeAndReadsTheSignature() {
        let plan = parse("""
        关于印发《随州市科技局2023年工作要点》的
        通  知
        各县（市、区）科技和经信局：
        现将《随州市科技局2023年工作要点》印发给你们，请认真贯彻执行。
                               随州市科技局
                               2023年2月9日
        随州市科技局2023年工作要点
        一、加快融入战略部署
        """)
        #expect(plan.title == "随州市科技局2023年工作要点")
        #expect(plan.issuers == ["随州市科技局"])
        #expect(plan.jurisdiction == "随州市")
        #expect(plan.year == 2023)
        #expect(plan.issuedDate == "2023-02-09")
        #expect(plan.docNumber == nil)
        #expect(plan.ids == ["一"])
    }

    @Test func joinsATitleSplitOverTwoLinesAndLetterSpacedIssuers() {
        let plan = parse("""
        随经信发〔2025〕1号
        随州市经济和信息化局 随 州 市 科 技 局
        二〇二五年七月九日
        随州市推动科技创新与产业创新协同发展
        工 作 方 案
        为深入贯彻落实，特制定本方案。
        一、总体目标
        """)
        #expect(plan.title == "随州市推动科技创新与产业创新协同发展工作方案")
        #expect(plan.issuers == ["随州市经济和信息化局", "随州市科技局"])
        #expect(plan.docNumber == "随经信发〔2025〕1号")
        #expect(plan.issuedDate == "2025-07-09")
        #expect(plan.year == 2025)
    }

    @Test func readsWebPageMetadataAndDropsPageDebris() {
        let plan = parse("""
        2023年全市科技工作要点
        栏目: 宜昌市科学技术局 -通知公告 发布时间:2023-03-01
        2023年,市科技局工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻
          2023年,市科技局工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神。
          一、加强全域创新协同
          1.全面推进区域科技创新中心建设。
        http://www.example.cn/uploads/qr.jpg
        扫描二维码查看原文
        相关权利归属源作者
        """)
        #expect(plan.title == "2023年全市科技工作要点")
        #expect(plan.issuers == ["宜昌市科学技术局"])
        #expect(plan.jurisdiction == "宜昌市")
        #expect(plan.issuedDate == "2023-03-01")
        #expect(plan.ids == ["一", "一/1"])
        #expect(plan.node("一/1")?.span.end ?? 0 < (plan.source?.text.count ?? Int.max))
    }

    @Test func dropsBookmarkMarkersAndReadsTheDocNumber() {
        let plan = parse("""
        广政办函〔2022〕8号
        《广水市2022年科技创新工作方案》已经市政府同意，现印发给你们。
        2022年5月5日
        [bookmark: _GoBack]广水市2022年科技创新工作方案
        一、指导思想
        """)
        #expect(plan.title == "广水市2022年科技创新工作方案")
        #expect(plan.docNumber == "广政办函〔2022〕8号")
        #expect(plan.issuers == [])
        #expect(plan.jurisdiction == "广水市")
        #expect(plan.issuedDate == "2022-05-05")
    }

    @Test func readsAPlanWithOnlyATitle() {
        let plan = parse("十堰市2020年科技创新工作要点\n一、聚焦高质量发展\n1.新增高新技术企业20家。")
        #expect(plan.title == "十堰市2020年科技创新工作要点")
        #expect(plan.jurisdiction == "十堰市")
        #expect(plan.year == 2020)
        #expect(plan.issuedDate == nil)
        #expect(plan.issuers == [])
        #expect(plan.targets.first?.year == 2020)
    }

    @Test func readsATitleThatStartsWithGuanyu() {
        let plan = parse("关于加快推进科技成果转化的实施方案\n一、总体要求\n（一）工作目标。到2025年，技术合同成交额突破100亿元。")
        #expect(plan.title == "关于加快推进科技成果转化的实施方案")
        #expect(plan.targets.first?.year == 2025)
    }

    /// Found by the text fuzzer: a quote inside a year-like run in the title.
    @Test func readsATitleWithAQuoteInsideADigitRun() {
        let plan = parse("《广水市20\"2年科技创新工作方案》已经同意。\n广水市20\"2年科技创新工作方案\n一、目标")
        #expect(plan.year == nil)
        #expect(plan.ids == ["一"])
    }
}
