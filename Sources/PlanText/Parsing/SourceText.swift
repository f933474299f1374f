/// The decoded text as scalars, cut into trimmed lines, with web-page debris
/// marked so that no node, unit or target is read from it.
struct SourceText {
    let t: Scalars
    /// Trimmed line ranges; empty lines are kept (as empty ranges) so that
    /// paragraph breaks stay visible.
    let lines: [Range<Int>]
    /// Lines that are page debris: a repeated first paragraph, QR-code and
    /// copyright notices at the end.
    private(set) var debris: [Bool]
    /// Lines that are rows of a task table, with the meaning of their columns.
    private(set) var tableRows: [Int: TableColumns] = [:]

    init(_ text: String) {
        var t = scalars(of: text)
        SourceText.blankBookmarks(&t)
        self.t = t
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i <= t.count {
            if i == t.count || t[i] == "\n" || t[i] == "\r" || t[i] == "\u{2028}" || t[i] == "\u{2029}" {
                lines.append(trimmedRange(t, start, i))
                start = i + 1
            }
            i += 1
        }
        self.lines = lines
        self.debris = Array(repeating: false, count: lines.count)
        markDebris()
        tableRows = TableLayout.rows(self)
    }

    func line(_ i: Int) -> ArraySlice<Unicode.Scalar> { t[lines[i]] }
    func isEmpty(_ i: Int) -> Bool { lines[i].isEmpty }
    func isContent(_ i: Int) -> Bool { !lines[i].isEmpty && !debris[i] }

    /// `[bookmark: _GoBack]` markers left by converters become blanks, so offsets
    /// stay true to the decoded text.
    private static func blankBookmarks(_ t: inout Scalars) {
        let marker = S("[bookmark:")
        var i = 0
        while let at = t.firstIndex(of: marker, from: i) {
            var j = at
            while j < t.count, t[j] != "]", t[j] != "\n" { j += 1 }
            let end = j < t.count && t[j] == "]" ? j + 1 : j
            for k in at..<end { t[k] = " " }
            i = end
        }
    }

    /// Whether `whole` begins with `part`, blanks aside, without copying either.
    private func startsWithIgnoringBlanks(_ whole: ArraySlice<Unicode.Scalar>, _ part: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = whole.startIndex, j = part.startIndex
        while j < part.endIndex {
            if part[j].isBlank { j += 1; continue }
            while i < whole.endIndex, whole[i].isBlank { i += 1 }
            guard i < whole.endIndex, whole[i] == part[j] else { return false }
            i += 1
            j += 1
        }
        return true
    }

    private static let tailDebrisWords: [Scalars] = [
        "二维码", "扫一扫", "版权所有", "相关权利归属", "收集整理", "联系客服", "免责声明", "打印本页",
        "关闭窗口", "【打印】", "【关闭】", "分享到", "责任编辑", "网站地图", "ICP备", "公网安备",
    ].map(S)

    private mutating func markDebris() {
        // A trailing block of notices and bare links belongs to the web page.
        var i = lines.count - 1
        while i >= 0 {
            if lines[i].isEmpty { i -= 1; continue }
            let l = line(i)
            let isLink = l.has(S("http"), at: l.startIndex) || l.has(S("www."), at: l.startIndex)
            guard isLink || (l.count < 80 && l.containsAny(Self.tailDebrisWords)) else { break }
            debris[i] = true
            i -= 1
        }
        // A paragraph that the next paragraph repeats in full is a page artefact
        // (a teaser shown before the article).
        var previous: Int? = nil
        for k in lines.indices where !lines[k].isEmpty {
            if let p = previous, lines[p].count >= 20, startsWithIgnoringBlanks(line(k), line(p)) {
                debris[p] = true
            }
            previous = k
        }
    }
}
