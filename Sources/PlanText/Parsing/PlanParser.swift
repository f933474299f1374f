/// Decoded plan text → plan structure: document fields from the header, the
/// node tree from numbered lines, units from annotations, targets from prose.
public enum PlanParser {
    public static func parse(_ text: String, file: String) -> Plan {
        let src = SourceText(text)
        let header = HeaderReader.read(src)
        let outline = OutlineBuilder.build(src, lines: header.bodyStart..<src.lines.count)
        let extractor = TargetExtractor(t: src.t, planYear: header.year)
        var plan = Plan(
            file: file, title: header.title, issuers: header.issuers, jurisdiction: header.jurisdiction,
            year: header.year, docNumber: header.docNumber, issuedDate: header.issuedDate)

        let firstNodeLine = outline.first?.firstLine ?? src.lines.count
        for i in header.bodyStart..<firstNodeLine where src.isContent(i) && !header.metadataLines.contains(i) {
            plan.targets += extractor.extract([src.lines[i]], node: nil)
        }
        var everyTask: [String] = []
        for node in outline {
            let read = NodeReader(src: src, node: node, planYear: header.year)
            plan.nodes.append(read.node)
            plan.targets += extractor.extract(read.prose, node: node.id)
            for u in read.everyTask where !everyTask.contains(u) { everyTask.append(u) }
        }
        plan.allTasksAlso = everyTask
        return plan
    }
}

/// One outline node's lines read into a `PlanNode`: title, units, deadline, and
/// the prose left for target reading once annotations are taken out.
struct NodeReader {
    var node: PlanNode
    var prose: [Range<Int>] = []
    var everyTask: [String] = []

    init(src: SourceText, node o: OutlineNode, planYear: Int?) {
        let t = src.t
        var units: [Role: [String]] = [:]
        var deadline: Deadline? = nil
        var annotated: [Range<Int>] = []
        var everyTask: [String] = []
        var prose: [Range<Int>] = []

        func take(_ items: [Annotation]) {
            for a in items {
                if a.role == .deadline {
                    if deadline == nil {
                        deadline = Deadline(text: t[a.value].string, date: DeadlineReader.date(t[a.value], planYear: planYear),
                                            span: SourceSpan(start: a.value.lowerBound, end: a.value.upperBound))
                    }
                    continue
                }
                let split = UnitList.split(t, a.value)
                for u in split.units where !(units[a.role] ?? []).contains(u) { units[a.role, default: []].append(u) }
                everyTask += split.everyTask
            }
        }

        var heading = o.label.contentStart..<src.lines[o.firstLine].upperBound
        for i in o.firstLine...o.lastLine where src.isContent(i) {
            if let columns = src.tableRows[i] {
                // A table row: role columns are annotations, text columns prose.
                let cells = TableLayout.cells(t, src.lines[i])
                for (k, cell) in cells.enumerated() where !cell.isEmpty && k != columns.number {
                    if let role = columns.roles[k] {
                        take([Annotation(role: role, value: cell)])
                    } else if columns.prose.isEmpty || columns.prose.contains(k) {
                        prose.append(cell)
                    }
                }
                if i == o.firstLine, let task = columns.task, task < cells.count { heading = cells[task] }
                continue
            }
            var line = src.lines[i]
            if i == o.firstLine { line = o.label.contentStart..<line.upperBound }
            if i != o.firstLine, let items = AnnotationReader.line(t, line) {
                take(items)
                continue
            }
            var start = line.lowerBound
            for (bracket, items) in AnnotationReader.brackets(t, line) {
                take(items)
                annotated.append(bracket)
                if bracket.lowerBound > start { prose.append(start..<bracket.lowerBound) }
                start = bracket.upperBound
            }
            if start < line.upperBound { prose.append(start..<line.upperBound) }
        }

        let (titleRange, title) = NodeReader.title(t, heading, skipping: annotated)
        let span = SourceSpan(start: src.lines[o.firstLine].lowerBound, end: src.lines[o.lastLine].upperBound)
        let parentId = o.id.contains("/") ? String(o.id[..<o.id.lastIndex(of: "/")!]) : nil
        node = PlanNode(
            id: o.id, title: title, leadUnits: units[.lead] ?? [], responsibleUnits: units[.responsible] ?? [],
            cooperatingUnits: units[.cooperating] ?? [], leaders: units[.leader] ?? [], label: o.label.text,
            level: o.level, parent: parentId, isTask: !o.hasChildren, span: span,
            titleSpan: SourceSpan(start: titleRange?.lowerBound ?? heading.lowerBound, end: titleRange?.upperBound ?? heading.lowerBound),
            deadline: deadline)
        self.prose = prose
        self.everyTask = everyTask
    }

    private static let trailing: ScalarSet = ["，", ",", "；", ";", "：", ":", "。", "、", ".", "．", "！"]

    /// The heading text up to the first 。 (or the end of the line), without
    /// annotations and trailing punctuation. `annotated` is in text order.
    static func title(_ t: Scalars, _ heading: Range<Int>, skipping annotated: [Range<Int>]) -> (Range<Int>?, String) {
        var kept: [Range<Int>] = []
        var i = heading.lowerBound
        var start = i
        var k = annotated.firstIndex { $0.upperBound > i } ?? annotated.count
        while i < heading.upperBound, t[i] != "。" {
            if k < annotated.count, annotated[k].lowerBound == i {
                if start < i { kept.append(start..<i) }
                i = annotated[k].upperBound
                start = i
                k += 1
                continue
            }
            i += 1
        }
        if start < i { kept.append(start..<i) }
        while let last = kept.last {
            var b = last.upperBound
            while b > last.lowerBound, t[b - 1].isBlank || Self.trailing.contains(t[b - 1]) { b -= 1 }
            kept[kept.count - 1] = last.lowerBound..<b
            if b > last.lowerBound { break }
            kept.removeLast()
        }
        guard let first = kept.first, let last = kept.last else { return (nil, "") }
        var text = String.UnicodeScalarView()
        for r in kept { text.append(contentsOf: t[r]) }
        return (first.lowerBound..<last.upperBound, String(text))
    }
}
