/// Pieces of WordprocessingML written by hand: runs, paragraphs and bordered
/// tables. Text goes through `SpreadsheetXML.escape`, so markup is literal and
/// the control characters XML forbids are dropped.
enum WordML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    enum Alignment: String {
        case left, center, both
    }

    /// The inside of a run: line breaks become `<w:br/>` and tabs `<w:tab/>`,
    /// since Word shows a raw newline inside `<w:t>` as a space.
    static func runContent(_ text: String) -> String {
        var out = ""
        var piece = ""
        func flush() {
            if !piece.isEmpty { out += #"<w:t xml:space="preserve">"# + SpreadsheetXML.escape(piece) + "</w:t>" }
            piece = ""
        }
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where afterCR: afterCR = false
            case "\r", "\n", "\u{2028}", "\u{2029}":
                flush()
                out += "<w:br/>"
                afterCR = scalar == "\r"
            case "\t":
                flush()
                out += "<w:tab/>"
                afterCR = false
            default:
                piece.unicodeScalars.append(scalar)
                afterCR = false
            }
        }
        flush()
        return out
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        return "<w:r>" + (bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "") + runContent(text) + "</w:r>"
    }

    /// A paragraph of one run. `indent` indents the first line by two characters,
    /// as body paragraphs of Chinese official documents are.
    static func paragraph(_ text: String, style: String? = nil, alignment: Alignment? = nil, bold: Bool = false,
                          indent: Bool = false) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if indent { properties += #"<w:ind w:firstLineChars="200" w:firstLine="640"/>"# }
        if let alignment { properties += #"<w:jc w:val="\#(alignment.rawValue)"/>"# }
        let head = properties.isEmpty ? "<w:p>" : "<w:p><w:pPr>" + properties + "</w:pPr>"
        return head + run(text, bold: bold) + "</w:p>"
    }

    /// A table with single borders all round and between cells, a bold shaded
    /// header row repeated on every page, fixed column widths in twips, and
    /// each column aligned as `alignments` says (left when not given).
    static func table(widths: [Int], alignments: [Alignment] = [], header: [String], rows: [[String]]) -> String {
        let total = widths.reduce(0, +)
        var out = "<w:tbl><w:tblPr>" + #"<w:tblStyle w:val="\#(BulletinPackageParts.tableStyle)"/>"#
            + #"<w:tblW w:w="\#(total)" w:type="dxa"/><w:jc w:val="center"/>"# + borders
            + #"<w:tblLayout w:type="fixed"/>"#
            + #"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#
            + "</w:tblPr><w:tblGrid>"
        for width in widths { out += #"<w:gridCol w:w="\#(width)"/>"# }
        out += "</w:tblGrid>"
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (i, width) in widths.enumerated() {
            let text = i < header.count ? header[i] : ""
            out += cell(text, width: width, alignment: .center, header: true)
        }
        out += "</w:tr>"
        for row in rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (i, width) in widths.enumerated() {
                let alignment = i < alignments.count ? alignments[i] : .left
                out += cell(i < row.count ? row[i] : "", width: width, alignment: alignment, header: false)
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    private static func cell(_ text: String, width: Int, alignment: Alignment, header: Bool) -> String {
        let shading = header ? #"<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>"# : ""
        return #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>"# + shading + #"<w:vAlign w:val="center"/></w:tcPr>"#
            + paragraph(text, style: BulletinPackageParts.tableTextStyle, alignment: alignment, bold: header)
            + "</w:tc>"
    }

    /// Explicit as well as in the table style: a reader that ignores table
    /// styles still draws the grid.
    private static let borders = "<w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"]
        .map { #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"# }.joined()
        + "</w:tblBorders>"
}
