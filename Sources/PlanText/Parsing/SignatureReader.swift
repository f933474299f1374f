/// The signature of a document: issuing bodies on the lines above a line that
/// holds only the date (随州市科技局 / 2023年2月9日), at the head of the
/// notice or at the end of the text.
enum SignatureReader {
    struct DateLine {
        var line: Int
        var iso: String
    }

    /// The last line in `zone` that is a date alone (possibly bracketed).
    static func dateLine(_ src: SourceText, _ zone: Range<Int>) -> DateLine? {
        var found: DateLine? = nil
        for i in zone where src.isContent(i) {
            if let iso = dateOnly(src, i) { found = DateLine(line: i, iso: iso) }
        }
        return found
    }

    static func dateOnly(_ src: SourceText, _ i: Int) -> String? {
        let s = squeezeBlanks(src.line(i)).filter { !$0.isOpenBracket && !$0.isCloseBracket }
        guard s.count <= 24, let d = DateReader.first(s, 0..<s.count), d.range.lowerBound == 0 else { return nil }
        let rest = s[d.range.upperBound...]
        return rest.isEmpty ? d.iso : nil
    }

    /// Organisation lines directly above `line`, in printed order.
    static func issuers(_ src: SourceText, above line: Int, from lo: Int) -> [String] {
        var out: [[String]] = []
        var i = line - 1
        while i >= lo {
            if src.isEmpty(i) { i -= 1; continue }
            guard let orgs = organisations(src.line(i)) else { break }
            out.append(orgs)
            i -= 1
            if out.count >= 4 { break }
        }
        return out.reversed().flatMap { $0 }
    }

    /// A trailing signature: issuers and date at the end of the text, or the
    /// printing line (XX办公室 2023年2月9日印发), whose date is the issue date.
    static func trailing(_ src: SourceText) -> (issuers: [String], date: String?) {
        var seen = 0
        var i = src.lines.count - 1
        while i >= 0, seen < 6 {
            defer { i -= 1 }
            guard src.isContent(i) else { continue }
            seen += 1
            if let iso = dateOnly(src, i) {
                return (issuers(src, above: i, from: Swift.max(0, i - 6)), iso)
            }
            let l = squeezeBlanks(src.line(i))
            if l.count <= 40, l.contains(S("印发")) || l.contains(S("印")),
                let d = DateReader.first(l, 0..<l.count)
            {
                return ([], d.iso)
            }
        }
        return ([], nil)
    }

    static let orgSuffixes: [Scalars] = [
        "委员会", "办公室", "领导小组", "管理委员会", "管委会", "人民政府", "政府", "办公厅", "局", "委", "办", "厅", "院",
        "中心", "部", "会", "社", "所", "处", "科", "室", "组", "集团", "公司", "协会", "分行", "支行",
    ].map(S)

    static func isOrganisation(_ s: Scalars) -> Bool {
        (3...30).contains(s.count) && s.allSatisfy { $0.isHan || $0.isOpenBracket || $0.isCloseBracket }
            && orgSuffixes.contains { s.count > $0.count && s.has($0, at: s.count - $0.count) }
    }

    /// The organisations on one line, or nil if the line is not only those.
    /// Letter-spaced names (随 州 市 科 技 局) are joined back.
    static func organisations(_ line: ArraySlice<Unicode.Scalar>) -> [String]? {
        var tokens: [Scalars] = []
        var current: Scalars = []
        for c in line {
            if c.isBlank {
                if !current.isEmpty { tokens.append(current); current = [] }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        // Runs of single characters are one letter-spaced name.
        var merged: [Scalars] = []
        var previousSingle = false
        for tok in tokens {
            if tok.count == 1, previousSingle {
                merged[merged.count - 1] += tok
            } else {
                merged.append(tok)
            }
            previousSingle = tok.count == 1
        }
        var names: [Scalars] = []
        var pending: Scalars = []
        for tok in merged {
            pending += tok
            if isOrganisation(pending) {
                names.append(pending)
                pending = []
            }
        }
        if !pending.isEmpty { return nil }
        guard !names.isEmpty, names.allSatisfy(isOrganisation) else { return nil }
        return names.map(\.string)
    }
}
