import Foundation

/// `word/document.xml` of a bulletin: title, serial, issuer and date, the
/// summary in words and as a table, then its parts (`Bulletin.parts`):
/// 主要指标完成情况 with the chart, 各地完成情况对比 when there are places,
/// 任务进展情况 (a table per status), 逾期任务, 风险任务, 单位排名, and the
/// closing remarks, on A4.
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
    static let targetWidths = [900, 1706, 900, 900, 700, 800, 900, 800, 700]
    static let targetAlignments: [WordML.Alignment] = [.center, .left] + Array(repeating: .center, count: 7)
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

        for (part, title) in zip(bulletin.parts, bulletin.headings) {
            body += heading(title)
            switch part {
            case .targets:
                body += bulletin.targets.isEmpty ? sentence("本期无可计算的指标。") : targetTable(bulletin.targets)
                if let chart = BulletinChart.drawn(bulletin) { body += BulletinChart.paragraph(chart) }
            case .places:
                if let places = bulletin.places { body += placeSection(places) }
            case .tasks:
                let groups = bulletin.sections.filter { !$0.rows.isEmpty }
                if groups.isEmpty { body += sentence("本期无任务。") }
                for (i, group) in groups.enumerated() {
                    body += WordML.paragraph(Bulletin.groupNumber(i + 1) + group.title, style: "Heading2")
                    body += taskTable(group.rows)
                }
            case .late:
                body += bulletin.late.isEmpty ? sentence("本期无逾期任务。") : taskTable(bulletin.late)
            case .atRisk:
                body += bulletin.atRisk.isEmpty ? sentence("本期无风险任务。") : taskTable(bulletin.atRisk)
            case .decisions:
                body += taskTable(bulletin.decisions ?? [])
            case .ranking:
                body += bulletin.ranking.isEmpty ? sentence("本期无单位排名。") : rankTable(bulletin.ranking)
            }
        }
        for remark in bulletin.remarks where !remark.isEmpty {
            body += WordML.paragraph(remark, indent: true)
        }

        // wp: for the chart's inline drawing; a: and c: are declared where it uses them.
        return SpreadsheetXML.header + #"<w:document xmlns:w="\#(WordML.namespace)""#
            + #" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)" xmlns:wp="\#(BulletinChart.wordDrawingNamespace)">"#
            + "<w:body>" + body + section + "</w:body></w:document>"
    }

    private static func heading(_ text: String) -> String { WordML.paragraph(text, style: "Heading1") }

    private static func sentence(_ text: String) -> String { WordML.paragraph(text, indent: true) }

    static func taskTable(_ rows: [Bulletin.TaskRow]) -> String {
        WordML.table(widths: taskWidths, alignments: taskAlignments, header: taskHeader,
                     rows: rows.map { [$0.key, $0.title, $0.units, $0.status, $0.progress, $0.note] })
    }

    static func targetTable(_ rows: [Bulletin.TargetRow]) -> String {
        WordML.table(widths: targetWidths, alignments: targetAlignments, header: targetHeader, rows: rows.map {
            [$0.key, $0.text, $0.target, $0.actual, $0.trend, $0.completionRate, $0.projected, $0.projectedRate, $0.status]
        })
    }

    /// The note, then the table: 名次 and 地区 fixed, 综合完成率 last, the
    /// measures sharing the rest of the text width.
    static func placeSection(_ places: Bulletin.PlaceTable) -> String {
        let note = places.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let widths = placeWidths(measures: places.columns.count)
        let alignments: [WordML.Alignment] = [.center, .left] + Array(repeating: .center, count: widths.count - 2)
        return (note.isEmpty ? "" : sentence(note))
            + WordML.table(widths: widths, alignments: alignments, header: places.header, rows: places.printedRows)
    }

    /// Widths adding up to the text width (8306 twips); what the measures
    /// cannot share evenly goes to 地区.
    static func placeWidths(measures: Int) -> [Int] {
        let rank = 700, place = 1400, score = 1100, text = 8306
        let each = measures == 0 ? 0 : (text - rank - place - score) / measures
        return [rank, text - rank - score - each * measures] + Array(repeating: each, count: measures) + [score]
    }

    static func rankTable(_ ranking: [Bulletin.UnitRank]) -> String {
        WordML.table(widths: rankWidths, alignments: rankAlignments, header: rankHeader, rows: ranking.map {
            [String($0.rank), $0.unit, String($0.tasks), $0.onTimeRate, $0.completionRate, $0.score]
        })
    }
}
