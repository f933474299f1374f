/// 序号 as node id paths. Our own sheets carry whole paths (`二/（一）/1`);
/// office sheets number each level on its own (一、 then 1 then （1）), so the
/// path is rebuilt from the order in which numbering styles appear, the way a
/// reader of the outline does.
enum OutlinePaths {
    /// A 序号 cell as a label: trimmed, without the 、 or . after it, brackets
    /// full-width as in node ids.
    static func label(_ cell: String) -> String {
        var text = CellText.line(cell)
        while let last = text.last, "、.．,，".contains(last) { text.removeLast() }
        if text.hasPrefix("("), text.hasSuffix(")"), text.count > 2 {
            text = "（" + text.dropFirst().dropLast() + "）"
        }
        return text
    }

    /// Fills in missing numbers, makes office numbering into paths, marks
    /// section rows (those with rows below them) and refuses repeated numbers.
    static func assign(_ rows: inout [BreakdownRow], sheetRows: [Int]) throws {
        for i in rows.indices where rows[i].number.isEmpty { rows[i].number = String(i + 1) }
        if !rows.contains(where: { $0.number.contains("/") }) {
            var stack: [(style: Style, label: String)] = []
            for i in rows.indices {
                let style = Style(rows[i].number)
                if let level = stack.firstIndex(where: { $0.style == style }) { stack.removeSubrange(level...) }
                stack.append((style, rows[i].number))
                rows[i].number = stack.map(\.label).joined(separator: "/")
            }
        }
        var seen: Set<String> = []
        for (i, row) in rows.enumerated() {
            guard seen.insert(row.number).inserted else {
                throw BreakdownError.duplicateNumber(row.number, row: sheetRows[i])
            }
        }
        var parents: Set<String> = []
        for row in rows {
            var path = row.number
            while let slash = path.lastIndex(of: "/") {
                path = String(path[..<slash])
                parents.insert(path)
            }
        }
        for i in rows.indices where parents.contains(rows[i].number) {
            rows[i].isTask = false
        }
    }

    /// Numbering styles, told apart by their first and last characters.
    enum Style: Equatable {
        case chinese, bracketedChinese, arabic, bracketedArabic, circled, other

        init(_ label: String) {
            let bracketed = label.hasPrefix("（") && label.hasSuffix("）")
            let inner = bracketed ? String(label.dropFirst().dropLast()) : label
            let chinese = !inner.isEmpty && inner.allSatisfy { "一二三四五六七八九十百零".contains($0) }
            let arabic = !inner.isEmpty && inner.allSatisfy { $0.isASCII && $0.isNumber }
            switch (bracketed, chinese, arabic) {
            case (false, true, _): self = .chinese
            case (true, true, _): self = .bracketedChinese
            case (false, _, true): self = .arabic
            case (true, _, true): self = .bracketedArabic
            default:
                self = inner.unicodeScalars.allSatisfy { (0x2460...0x2473).contains($0.value) } ? .circled : .other
            }
        }
    }
}
