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

    func extract(_ pieces: [Range<Int>], node: String?) -> [Target] {
        var out: [Target] = []
        for piece in pieces {
            for sentence in sentences(piece) { out += extract(sentence: sentence, node: node) }
        }
        return out
    }

    private func sentences(_ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        for i in r where t[i] == "。" || t[i] == "；" || t[i] == ";" || t[i] == "！" || t[i] == "？" {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if start < r.upperBound { out.append(start..<r.upperBound) }
        return out
    }

    private func extract(sentence s: Range<Int>, node: String?) -> [Target] {
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
            if t.has(S("全覆盖"), at: i) {
                q = Quantity(value: 100, max: nil, unit: "%", range: i..<(i + 3), isChinese: false, isFullCoverage: true)
            } else if startsNumber(i, s) {
                q = QuantityScanner.quantity(t, at: i, limit: s.upperBound)
            }
            guard let quantity = q else { i += 1; continue }
            i = quantity.range.upperBound
            let clause = clauseRange(around: quantity.range, in: s)
            guard !isNotTarget(quantity, clause: clause, sentence: s) else { continue }

            let segment = Swift.max(clause.lowerBound, lastEnd)..<quantity.range.lowerBound
            let after = modifierAfter(quantity.range.upperBound, clause.upperBound)
            let shared = t[segment].allSatisfy { $0.isBlank || $0 == "、" || $0 == "和" || $0 == "及" || $0 == "与" }
            let comparator = quantity.max != nil ? .range
                : after.comparator ?? comparatorBefore(segment) ?? (shared && !segment.isEmpty ? lastComparator : nil) ?? .atLeast
            let nounAfter = nounAfterQuantity(after.end, clause.upperBound)
            let metric = MetricReader(t: t, sentence: s, segment: segment, nounAfter: nounAfter, unit: quantity.unit,
                                      quantityWords: quantity.isFullCoverage ? S("全覆盖") : [])
            let textStart = textStart(segment)
            let textEnd = nounAfter?.upperBound ?? after.end
            found.append(Target(
                node: node, text: t[textStart..<textEnd].string, metric: metric.metric,
                indicator: metric.indicator, value: quantity.value, max: quantity.max, unit: quantity.unit,
                comparator: comparator, year: dueYear(before: quantity.range.lowerBound, in: s),
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
        while a > s.lowerBound, !isClauseBreak(t[a - 1]) { a -= 1 }
        var b = q.upperBound
        while b < s.upperBound, !isClauseBreak(t[b]) { b += 1 }
        return a..<b
    }

    private func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
        c == "，" || c == "," || c == "：" || c == ":" || c == "—"
    }

    private func isNotTarget(_ q: Quantity, clause: Range<Int>, sentence s: Range<Int>) -> Bool {
        if q.isFullCoverage { return false }
        let start = q.range.lowerBound
        let prev: Unicode.Scalar = start > s.lowerBound ? t[start - 1] : " "
        if prev == "第" || prev == "前" || prev == "每" || prev == "+" || prev == "＋" { return true }
        if q.value <= 0 { return true }
        if reportsThePast(before: start, clause: clause, sentence: s) { return true }
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
            if t.containsAny(TargetWords.funding, from: clause.lowerBound, to: clause.upperBound) { return true }
            let capped = t.containsAny(TargetWords.capBefore, from: clause.lowerBound, to: start)
                || t.containsAny(["不超过", "不高于"].map(S), from: clause.lowerBound, to: start)
            if capped, t.containsAny(TargetWords.funding, from: s.lowerBound, to: s.upperBound) { return true }
            if q.unit == "%", t.contains(S("按"), from: clause.lowerBound, to: start) { return true }
        }
        // The count of a list just named: 专汽、应急、香菇和稻米油4家研究院.
        if let comma = t.lastIndex(of: S("、"), before: start, from: clause.lowerBound) {
            let tail = Array(t[(comma + 1)..<start])
            let listEnds = tail.contains("和") || tail.contains("及") || tail.last == "等"
            if listEnds, comparatorBefore((comma + 1)..<start) == nil, after < clause.upperBound, t[after].isHan { return true }
        }
        return false
    }

    /// A statement of what is, not what is to be: 2022年，全市新增高企50家;
    /// 现有高新技术企业200家.
    private func reportsThePast(before start: Int, clause: Range<Int>, sentence s: Range<Int>) -> Bool {
        if t.containsAny(TargetWords.status, from: clause.lowerBound, to: start) { return true }
        guard let plan = planYear else { return false }
        var i = s.lowerBound
        while i < start {
            if let (y, after) = DateReader.year(t, i, start), after < start, t[after] == "年", y < plan,
               !TargetWords.baseMarkers.contains(where: { w in t.contains(w, from: Swift.max(s.lowerBound, i - 4), to: i) })
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// 以上 / 左右 / 以内 right after the unit.
    private func modifierAfter(_ j: Int, _ end: Int) -> (comparator: Comparator?, end: Int) {
        for (w, c) in TargetWords.after where t.has(w, at: j) && j + w.count <= end { return (c, j + w.count) }
        return (nil, j)
    }

    private func comparatorBefore(_ segment: Range<Int>) -> Comparator? {
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
            if let f = [S("力争"), S("争取"), S("确保"), S("全年"), S("今年")].first(where: { t.has($0, at: a) }) {
                a += f.count
                continue
            }
            break
        }
        return a
    }

    /// The year a target is due: the last year stated before it in its
    /// sentence (到2027年, 2025年力争, 三年内), null for 有效期内, else the plan's.
    func dueYear(before end: Int, in s: Range<Int>) -> Int? {
        var year: Int?? = nil
        var i = s.lowerBound
        while i < end {
            if t.has(S("有效期"), at: i) {
                year = .some(nil)
                if let close = t.firstIndex(of: S("内"), from: i, to: Swift.min(end, i + 10)) { i = close + 1; continue }
                i += 3
                continue
            }
            if let (plan, y) = TargetWords.fiveYearPlans.first(where: { t.has($0.0, at: i) }), planYear == nil || y >= planYear!,
               ["末", "期间", "时期", "”末", "”期间", "”时期"].map(S).contains(where: { t.has($0, at: i + $0.count - $0.count + 3) })
            {
                year = .some(y)
                i += plan.count
                continue
            }
            if t.has(S("每年"), at: i) || t.has(S("当年"), at: i) || t.has(S("今年"), at: i) {
                year = .some(planYear)
                i += 2
                continue
            }
            if let (y, after) = DateReader.year(t, i, end), after < end, t[after] == "年",
                !TargetWords.baseMarkers.contains(where: { w in i >= w.count && t.has(w, at: i - w.count) }),
                planYear == nil || y >= planYear!
            {
                year = .some(y)
                i = after + 1
                continue
            }
            if let n = QuantityScanner.number(t, at: i, limit: end), n.end < end, t[n.end] == "年", n.value < 20,
                n.end + 1 < end, t[n.end + 1] == "内" || t[n.end + 1] == "间" || t[n.end + 1] == "里",
                let py = planYear
            {
                year = .some(py + Int(n.value) - 1)
                i = n.end + 2
                continue
            }
            i += 1
        }
        return year ?? planYear
    }
}
