import Foundation

/// `word/document.xml` of a bulletin: title, serial, issuer and date, the
/// summary in words and as a table, then 一、主要指标完成情况, 二、任务进展情况
/// (a table per status), 三、逾期任务, 四、风险任务, 五、单位排名 and the closing
/// remarks, on A4.
enum BulletinBody {
    /// A4 with Word's default Chinese margins (2.54 cm top and bottom,
    /// 3.17 cm left and right): 8306 twips of text width, which the
    /// column widths below add up to.
    static let section = #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>"#
        + #"<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>"#
        + #"<w:cols w:space="425"/></w:sectPr>"#

    static let taskHeader = Bulletin.Columns.tasks
    static let taskWidths = [1200, 2700, 1600, 800, 800, 1206]
    static let taskAlignments: [WordML.Alignment] = [.center, .left, .left, .center, .center, .left]
    static let rankHeader = Bulletin.Columns.ranking
    static let rankWidths = [800, 2706, 1000, 1300, 1200, 1300]
    static let rankAlignments: [WordML.Alignment] = [.center, .left, .center, .center, .center, .center]
    static let targetHeader = Bulletin.Columns.targets
    static let targetWidths = [900, 2406, 900, 900, 800, 900, 800, 700]
    static let targetAlignments: [WordML.Alignment] = [.center, .left, .center, .center, .center, .center, .center, .center]
    static let summaryHeader = Bulletin.Columns.summary
    static let summaryWidths = [3000, 2400]

    static func document(_ bulletin: Bulletin) -> String {
        var body = WordML.paragraph(BulletinText.title(bulletin), style: "Title")
        if let number = bulletin.number?.trimmingCharacters(in: .whitespacesAndNewlines), !number.isEmpty {
            body += WordML.paragraph(number, alignment: .center)
        }
        let byline = [bulletin.issuer, BulletinText.printedDate(bulletin.issuedOn)].filter { !$0.isEmpty }
        if !byline.isEmpty { body += WordML.paragraph(byline.joined(separator: "　　"), alignment: .center) }
        body += WordML.paragraph(BulletinText.summarySentence(bulletin), indent: true)
        if !bulletin.summary.isEmpty {
            body += WordML.table(widths: summaryWidths, alignments: [.left, .center], header: summaryHeader,
                                 rows: bulletin.summary.map { [$0.label, $0.value] })
        }

        body += heading(Bulletin.Part.targets.rawValue)
        body += bulletin.targets.isEmpty ? sentence("本期无可计算的指标。") : targetTable(bulletin.targets)
        body += heading(Bulletin.Part.tasks.rawValue)
        let groups = bulletin.sections.filter { !$0.rows.isEmpty }
        if groups.isEmpty { body += sentence("本期无任务。") }
        for (i, group) in groups.enumerated() {
            body += WordML.paragraph(Bulletin.groupNumber(i + 1) + group.title, style: "Heading2")
            body += taskTable(group.rows)
        }
        body += heading(Bulletin.Part.late.rawValue)
        body += bulletin.late.isEmpty ? sentence("本期无逾期任务。") : taskTable(bulletin.late)
        body += heading(Bulletin.Part.atRisk.rawValue)
        body += bulletin.atRisk.isEmpty ? sentence("本期无风险任务。") : taskTable(bulletin.atRisk)
        body += heading(Bulletin.Part.ranking.rawValue)
        body += bulletin.ranking.isEmpty ? sentence("本期无单位排名。") : rankTable(bulletin.ranking)
        for remark in bulletin.remarks where !remark.isEmpty {
            body += WordML.paragraph(remark, indent: true)
        }

        return SpreadsheetXML.header + #"<w:document xmlns:w="\#(WordML.namespace)""#
            + #" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)"><w:body>"# + body + section
            + "</w:body></w:document>"
    }

    private static func heading(_ text: String) -> String { WordML.paragraph(text, style: "Heading1") }

    private static func sentence(_ text: String) -> String { WordML.paragraph(text, indent: true) }

    static func taskTable(_ rows: [Bulletin.TaskRow]) -> String {
        WordML.table(widths: taskWidths, alignments: taskAlignments, header: taskHeader,
                     rows: rows.map { [$0.key, $0.title, $0.units, $0.status, $0.progress, $0.note] })
    }

    static func targetTable(_ rows: [Bulletin.TargetRow]) -> String {
        WordML.table(widths: targetWidths, alignments: targetAlignments, header: targetHeader, rows: rows.map {
            [$0.key, $0.text, $0.target, $0.actual, $0.completionRate, $0.projected, $0.projectedRate, $0.status]
        })
    }

    static func rankTable(_ ranking: [Bulletin.UnitRank]) -> String {
        WordML.table(widths: rankWidths, alignments: rankAlignments, header: rankHeader, rows: ranking.map {
            [String($0.rank), $0.unit, String($0.tasks), $0.onTimeRate, $0.completionRate, $0.score]
        })
    }
}
