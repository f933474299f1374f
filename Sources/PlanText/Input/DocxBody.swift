/// `word/document.xml` → text: one line per paragraph in document order, one
/// line per table row (cells joined by a tab, paragraphs in a cell by a space),
/// automatic numbering rendered in front of the paragraph text.
///
/// Deleted and moved-away text, superseded properties of tracked changes, field
/// codes, hidden runs and the fallback copy of markup-compatibility content are
/// skipped. Text boxes inside a paragraph come out as lines of their own.
struct DocxBody {
    /// Tables nested deeper than this are read as part of the enclosing cell,
    /// which keeps the work linear on hostile nesting.
    static let maxTableDepth = 8

    private static let skipped: Set<String> = [
        "del", "moveFrom", "delText", "instrText", "delInstrText", "rt", "sdtPr", "sectPr",
        "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
        "tcPrChange", "tblGridChange", "numberingChange", "mc:Fallback",
    ]

    private enum Kind { case paragraph, run, text, runProperties, paragraphProperties, numbering, table, row, cell, other }

    private struct Paragraph {
        var text: [UInt8] = []
        var numId: Int?
        var level: Int?
        var styleId: String?
    }

    private struct Table {
        var rowOpen = false
        var cells: [[UInt8]] = []
        var cell: [UInt8]?
    }

    private var numbering: ListNumbering
    private let maxBytes: Int
    private var output: [UInt8] = []
    private var lines = 0
    /// Bytes written to lines and cells so far (rows count twice); bounded by
    /// `maxBytes`, since labels and nested tables can multiply the input.
    private var produced = 0
    private var stack: [Kind] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    private var skipDepth = 0
    /// Stack index of the outermost hidden (`w:vanish`) run we are in.
    private var hiddenRun: Int?

    static func text(_ xml: [UInt8], numbering: ListNumbering, maxBytes: Int) throws(PlanTextError) -> [UInt8] {
        var body = DocxBody(numbering: numbering, maxBytes: maxBytes)
        var tokenizer = XMLTokenizer(xml)
        var names = WordNames()
        while let event = try tokenizer.next() {
            switch event {
            case .start:
                names.noteDeclarations(tokenizer)
                try body.start(names.element(tokenizer), xml: tokenizer, names: names)
            case .end:
                try body.end()
            case .text:
                if body.stack.last == .text, body.hiddenRun == nil, !body.paragraphs.isEmpty {
                    tokenizer.appendText(to: &body.paragraphs[body.paragraphs.count - 1].text)
                }
            }
        }
        return body.output
    }

    private init(numbering: ListNumbering, maxBytes: Int) {
        self.numbering = numbering
        self.maxBytes = maxBytes
    }

    private mutating func start(_ name: String?, xml: XMLTokenizer, names: WordNames) throws(PlanTextError) {
        if skipDepth > 0 {
            skipDepth += 1
            stack.append(.other)
            return
        }
        guard let name else {
            stack.append(.other)
            return
        }
        let top = stack.last
        var kind = Kind.other
        switch name {
        case "p":
            paragraphs.append(Paragraph())
            kind = .paragraph
        case "r":
            kind = .run
        case "rPr" where top == .run:
            kind = .runProperties
        case "vanish" where top == .runProperties:
            if hiddenRun == nil, names.isOn(xml) { hiddenRun = stack.count - 2 }
        case "t" where top == .run:
            kind = .text
        case "tab" where top == .run:
            appendToParagraph(UInt8(ascii: "\t"))
        case "br" where top == .run, "cr" where top == .run:
            appendToParagraph(UInt8(ascii: "\n"))
        case "noBreakHyphen" where top == .run:
            appendToParagraph(UInt8(ascii: "-"))
        case "pPr" where top == .paragraph:
            kind = .paragraphProperties
        case "pStyle" where top == .paragraphProperties:
            paragraphs[paragraphs.count - 1].styleId = names.attribute("val", of: xml)
        case "numPr" where top == .paragraphProperties:
            kind = .numbering
        case "numId" where top == .numbering:
            paragraphs[paragraphs.count - 1].numId = names.integer("val", of: xml)
        case "ilvl" where top == .numbering:
            paragraphs[paragraphs.count - 1].level = names.integer("val", of: xml)
        case "tbl" where tables.count < Self.maxTableDepth:
            tables.append(Table())
            kind = .table
        case "tr" where tables.last?.rowOpen == false:
            tables[tables.count - 1].rowOpen = true
            kind = .row
        case "tc" where tables.last?.rowOpen == true && tables.last?.cell == nil:
            tables[tables.count - 1].cell = []
            kind = .cell
        default:
            if Self.skipped.contains(name) { skipDepth = 1 }
        }
        stack.append(kind)
    }

    private mutating func end() throws(PlanTextError) {
        guard let kind = stack.popLast() else { return }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if let hidden = hiddenRun, stack.count <= hidden { hiddenRun = nil }
        switch kind {
        case .paragraph:
            guard let paragraph = paragraphs.popLast() else { return }
            var line: [UInt8] = []
            if let label = numbering.label(numId: paragraph.numId, level: paragraph.level, styleId: paragraph.styleId) {
                line.append(contentsOf: label.utf8)
            }
            line.append(contentsOf: paragraph.text)
            if let last = tables.indices.last, tables[last].cell != nil {
                try appendToCell(of: last, line)
            } else {
                try emit(line)
            }
        case .cell:
            let last = tables.count - 1
            tables[last].cells.append(tables[last].cell ?? [])
            tables[last].cell = nil
        case .row:
            let last = tables.count - 1
            let cells = tables[last].cells
            tables[last].cells = []
            tables[last].rowOpen = false
            var line: [UInt8] = []
            if cells.contains(where: { !$0.isEmpty }) {
                let separator = UInt8(ascii: last > 0 ? " " : "\t")
                for (index, cell) in cells.enumerated() {
                    if index > 0 { line.append(separator) }
                    line.append(contentsOf: cell)
                }
            }
            if last > 0 {
                try appendToCell(of: last - 1, line)
            } else {
                try emit(line)
            }
        case .table:
            tables.removeLast()
        default:
            break
        }
    }

    private mutating func appendToParagraph(_ byte: UInt8) {
        guard hiddenRun == nil, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text.append(byte)
    }

    /// A cell is one field of a one-line row: its paragraphs are joined by a
    /// space and tabs or line breaks inside become spaces.
    private mutating func appendToCell(of table: Int, _ text: [UInt8]) throws(PlanTextError) {
        guard !text.isEmpty, tables[table].cell != nil else { return }
        try account(text.count + 1)
        if tables[table].cell?.isEmpty == false { tables[table].cell?.append(UInt8(ascii: " ")) }
        for byte in text {
            let flat = byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
            tables[table].cell?.append(flat)
        }
    }

    private mutating func account(_ count: Int) throws(PlanTextError) {
        produced += count
        guard produced <= maxBytes else { throw .docxTooLarge(limitBytes: maxBytes) }
    }

    private mutating func emit(_ line: [UInt8]) throws(PlanTextError) {
        try account(line.count + 1)
        if lines > 0 { output.append(UInt8(ascii: "\n")) }
        output.append(contentsOf: line)
        lines += 1
    }
}
