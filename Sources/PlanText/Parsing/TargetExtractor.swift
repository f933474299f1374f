/// Reads the targets of one paragraph.
///
/// A quantity is a target unless its context shows it is something else: in
/// quotes (a programme name: “2236”), after 第/前 (an ordinal), a rate or cap in
/// a sentence about subsidies, a qualifier of a noun (超10亿元的企业), or the
/// count of a list just named (专汽、应急和稻米油4家研究院). Comparator, due
/// year, metric and indicator come from the words around it in its sentence.
struct TargetExtractor {
    let t: Scalars
    let planYear: Int?

    /// Targets of a paragraph's pieces; a sentence that names no subject of its
    /// own (入库30家以上) may borrow the last one of the sentences before it.
    func extract(_ pieces: [Range<Int>], node: String?) -> [Target] {
        var out: [Target] = []
        var subject: Scalars? = nil
        for piece in pieces {
            for sentence in sentences(piece) {
                let marks = SentenceMarks(t, sentence, planYear: planYear, earlierSubject: subject)
                out += extract(sentence: sentence, node: node, marks: marks)
                subject = marks.subject(before: sentence.upperBound)
            }
        }
        return out
    }

    /// Longest stretch read as one sentence: real sentences are far shorter, and
    /// the bound keeps every look-back constant, so time stays linear in size.
    static let maxSentence = 800
    static let lookBack = 48

    private func sentences(_ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        var lastClause = start
        for i in r {
            let c = t[i]
            if c == "。" || c == "；" || c == ";" || c == "！" || c == "？" {
                if i > start { out.append(start..<i) }
                start = i + 1
                lastClause = start
            } else if isClauseBreak(c) {
                lastClause = i + 1
            } else if i - start >= Self.maxSentence {
                let cut = lastClause > start ? lastClause : i
                out.append(start..<cut)
                start = cut
                lastClause = cut
            }
        }
        if start < r.upperBound { out.append(start..<r.upperBound) }
        return out
    }

    private func extract(sentence s: Range<Int>, node: String?, marks: SentenceMarks) -> [Target] {
        var found: [Target] = []
        var quoteDepth = 0
        var asciiQuote = false
        var lastEnd = s.lowerBound
        var lastComparator: Comparator? = nil
        var i = s.lowerBound
        while i < s.upperBound {
            let c = t[i]
            if c.isOpenQuote { quoteDepth += 1; i += 1; continue }
            if c.isCloseQuote { quoteDepth = Swift.max(0, quoteDepth - 1); i += 1; continue }
            if c == "\"" { asciiQuote.toggle(); i += 1; continue }
            guard quoteDepth == 0, !asciiQuote else { i += 1; continue }

            var q: Quantity? = nil
            if t[i] == "全", t.has(Words.fullCoverage, at: i) {
                q = Quantity(value: 100, max: nil, unit: "%", range: i..<(i + 3), isChinese: false, isFullCoverage: true)
            } else if startsNumber(i, s) {
                q = QuantityScanner.quantity(t, at: i, limit: s.upperBound)
            }
            guard let quantity = q else { i += 1; continue }
            i = quantity.range.upperBound
            let clause = clauseRange(around: quantity.range, in: s)
            guard !isNotTarget(quantity, clause: clause, sentence: s, marks: marks) else { continue }

            let segment = Swift.max(clause.lowerBound, lastEnd)..<quantity.range.lowerBound
            let after = modifierAfter(quantity.range.upperBound, clause.upperBound)
            let shared = t[segment].allSatisfy { $0.isBlank || $0 == "、" || $0 == "和" || $0 == "及" || $0 == "与" }
            let comparator = quantity.max != nil ? .range
                : after.comparator ?? comparatorBefore(segment) ?? (shared && !segment.isEmpty ? lastComparator : nil) ?? .atLeast
            let nounAfter = nounAfterQuantity(after.end, clause.upperBound)
            let metric = MetricReader(t: t, subject: marks.subject(before: segment.lowerBound), segment: segment, nounAfter: nounAfter, unit: quantity.unit,
                                      quantityWords: quantity.isFullCoverage ? Words.fullCoverage : [])
            let textStart = textStart(segment)
            let textEnd = nounAfter?.upperBound ?? after.end
            found.append(Target(
                node: node, text: t[textStart..<textEnd].string, metric: metric.metric,
                indicator: metric.indicator, value: quantity.value, max: quantity.max, unit: quantity.unit,
                comparator: comparator, year: marks.dueYear(before: quantity.range.lowerBound),
                span: SourceSpan(start: textStart, end: textEnd)))
            lastEnd = after.end
            lastComparator = comparator
            i = after.end
        }
        return found
    }

    /// A number starts here, not in the middle of one or of a code (5G, V2.0, 1+4).
    private func startsNumber(_ i: Int, _ s: Range<Int>) -> Bool {
        let c = t[i]
        guard c.isDigit || (Numerals.isChineseNumeral(c) && c != "〇" && c != "零") else { return false }
        guard i > s.lowerBound else { return true }
        let p = t[i - 1]
        if c.isDigit { return !(p.isDigit || p.isLatinLetter || p == "." || p == "+" || p == "/" || p == "-" || p == "×" || p == "_") }
        return !Numerals.isChineseNumeral(p)
    }

    private func clauseRange(around q: Range<Int>, in s: Range<Int>) -> Range<Int> {
        var a = q.lowerBound
        let lo = Swift.max(s.lowerBound, q.lowerBound - 4 * Self.lookBack)
        while a > lo, !isClauseBreak(t[a - 1]) { a -= 1 }
        var b = q.upperBound
        let hi = Swift.min(s.upperBound, q.upperBound + 4 * Self.lookBack)
        while b < hi, !isClauseBreak(t[b]) { b += 1 }
        return a..<b
    }

    private func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
        c == "，" || c == "," || c == "：" || c == ":" || c == "—"
    }

    private func isNotTarget(_ q: Quantity, clause: Range<Int>, sentence s: Range<Int>, marks: SentenceMarks) -> Bool {
        if q.isFullCoverage { return false }
        let start = q.range.lowerBound
        let prev: Unicode.Scalar = start > s.lowerBound ? t[start - 1] : " "
        if prev == "第" || prev == "前" || prev == "每" || prev == "+" || prev == "＋" { return true }
        if q.value <= 0 { return true }
        let near = Swift.max(clause.lowerBound, start - Self.lookBack)
        // A statement of what is, not what is to be: 2022年，全市新增高企50家; 现有高企200家.
        if marks.reportsThePast(before: start) || t.containsAny(TargetWords.status, from: near, to: start) { return true }
        if q.isChinese {
            if q.unit == "次" || q.unit == "批" && q.value == 1 { return true }
            // 一个, 八项规定, 四个意识: rhetoric and set phrases, unless a verb
            // or bound puts the number to work (与两所高校, 至少一个, 新增三家).
            let after = modifierAfter(q.range.upperBound, clause.upperBound).end
            let nounFollows = after < clause.upperBound && t[after].isHan
            if q.value == 1 || nounFollows {
                let governed = TargetWords.verbsBeforeCount.contains { w in
                    start >= w.count && t.has(w, at: start - w.count)
                }
                if !governed { return true }
            }
        }
        // A qualifier: 超10亿元的企业, 5000万元以上的项目.
        let after = modifierAfter(q.range.upperBound, clause.upperBound).end
        if after < clause.upperBound, t[after] == "的" { return true }
        // Policy: rates and caps of subsidies (按研发成本的15%给予奖补, 最高不超过1000万元).
        let money: Set<String> = ["%", "万元", "元", "亿元", "千元"]
        if money.contains(q.unit) {
            if marks.funds(in: clause) { return true }
            let capped = t.containsAny(TargetWords.capBefore, from: near, to: start)
                || t.containsAny(Words.caps, from: near, to: start)
            if capped, marks.funds(in: s) { return true }
            if q.unit == "%", t.contains(Words.by, from: near, to: start) { return true }
        }
        // The count of a list just named: 专汽、应急、香菇和稻米油4家研究院.
        if let comma = t.lastIndex(of: Words.listComma, before: start, from: near) {
            let tail = Array(t[(comma + 1)..<start])
            let listEnds = tail.contains("和") || tail.contains("及") || tail.last == "等"
            if listEnds, comparatorBefore((comma + 1)..<start) == nil, after < clause.upperBound, t[after].isHan { return true }
        }
        return false
    }

    /// 以上 / 左右 / 以内 right after the unit.
    private func modifierAfter(_ j: Int, _ end: Int) -> (comparator: Comparator?, end: Int) {
        for (w, c) in TargetWords.after where t.has(w, at: j) && j + w.count <= end { return (c, j + w.count) }
        return (nil, j)
    }

    private func comparatorBefore(_ whole: Range<Int>) -> Comparator? {
        let segment = Swift.max(whole.lowerBound, whole.upperBound - Self.lookBack)..<whole.upperBound
        var best: (pos: Int, c: Comparator)? = nil
        for (w, c) in TargetWords.before {
            guard let at = t.lastIndex(of: w, before: segment.upperBound, from: segment.lowerBound) else { continue }
            // Single-character words count only right before the number.
            if w.count == 1, at + 1 < segment.upperBound, !t[(at + 1)..<segment.upperBound].allSatisfy(\.isBlank) { continue }
            if best == nil || at + w.count > best!.pos { best = (at + w.count, c) }
        }
        return best?.c
    }

    /// The noun a quantity counts when it is printed after it
    /// (推荐不少于3个具有自主知识产权的本地创新产品).
    private func nounAfterQuantity(_ j: Int, _ end: Int) -> Range<Int>? {
        guard j < end, t[j].isHan || t[j] == "“" || t[j].isOpenBracket else { return nil }
        return j..<end
    }

    private func textStart(_ segment: Range<Int>) -> Int {
        var a = segment.lowerBound
        while a < segment.upperBound {
            if t[a].isBlank || t[a].isClausePunctuation || t[a] == "、" || t[a] == "—" { a += 1; continue }
            if let f = Words.textOpeners.first(where: { t.has($0, at: a) }) {
                a += f.count
                continue
            }
            break
        }
        return a
    }
}

/// Words the extractor looks for, made once.
private enum Words {
    static let fullCoverage = S("全覆盖")
    static let by = S("按")
    static let listComma = S("、")
    static let textOpeners = ["力争", "争取", "确保", "全年", "今年"].map(S)
    static let caps = ["不超过", "不高于"].map(S)
}
