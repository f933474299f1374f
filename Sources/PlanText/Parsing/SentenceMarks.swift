/// What one pass over a sentence learns for all its quantities: where a due
/// year is stated (到2027年, 三年内, 有效期内, 每年), where it speaks of a past
/// year (so its numbers are results, not targets), which subjects it names
/// and where it talks about subsidies. Reading these once keeps target reading
/// linear however many numbers a sentence holds.
struct SentenceMarks {
    /// Due-year statements, by the position where they end; nil = no fixed year.
    private var years: [(end: Int, year: Int?)] = []
    private var firstPast: Int? = nil
    private var subjects: [(end: Int, word: Scalars)] = []
    private var funding: [Int] = []
    private let planYear: Int?
    private let earlierSubject: Scalars?

    private static let validity = S("有效期")
    private static let within = S("内")
    private static let planPeriodEnds = ["末", "期间", "时期", "”末", "”期间", "”时期"].map(S)
    private static let subjectStarts = ScalarSet(IndicatorCatalogue.subjects.map { $0[0] })
    private static let fundingStarts = ScalarSet(TargetWords.funding.map { $0[0] })
    private static let interesting: ScalarSet = {
        var set = ScalarSet(IndicatorCatalogue.subjects.map { $0[0] } + TargetWords.funding.map { $0[0] })
        for c in "0123456789０１２３４５６７８９有每当今十〇零○一壹二两贰兩三叁四肆五伍六陆陸七柒八捌九玖".unicodeScalars { set.insert(c) }
        return set
    }()
    /// Characters that can open a due-year statement: digits, Chinese digits, 有效期, 每年 …
    private static let yearStarts: ScalarSet = {
        var set = ScalarSet("0123456789０１２３４５６７８９有每当今十".unicodeScalars)
        for c in "〇零○一壹二两贰兩三叁四肆五伍六陆陸七柒八捌九玖".unicodeScalars { set.insert(c) }
        return set
    }()

    init(_ t: Scalars, _ s: Range<Int>, planYear: Int?, earlierSubject: Scalars? = nil) {
        self.planYear = planYear
        self.earlierSubject = earlierSubject
        var i = s.lowerBound
        let end = s.upperBound
        while i < end {
            let c = t[i]
            guard Self.interesting.contains(c) else { i += 1; continue }
            if Self.subjectStarts.contains(c), let w = IndicatorCatalogue.subjects.first(where: { t.has($0, at: i) }) {
                subjects.append((i + w.count, w))
            }
            if Self.fundingStarts.contains(c), TargetWords.funding.contains(where: { t.has($0, at: i) }) {
                funding.append(i)
            }
            if Self.yearStarts.contains(c), let (next, year) = yearStatement(t, i, end) {
                if let y = year, let plan = planYear, y < plan {
                    let isBase = TargetWords.baseMarkers.contains { w in t.contains(w, from: Swift.max(s.lowerBound, i - 4), to: i) }
                    if !isBase, firstPast == nil { firstPast = next }
                } else {
                    years.append((next, year))
                }
                i = next
                continue
            }
            i += 1
        }
    }

    /// A due-year statement starting at `i`: where it ends and the year it fixes.
    private func yearStatement(_ t: Scalars, _ i: Int, _ end: Int) -> (Int, Int?)? {
        let c = t[i]
        if c == "有", t.has(Self.validity, at: i) {
            let close = t.firstIndex(of: Self.within, from: i, to: Swift.min(end, i + 10))
            return ((close ?? i + 2) + 1, nil)
        }
        if c == "每" || c == "当" || c == "今", i + 1 < end, t[i + 1] == "年" { return (i + 2, planYear) }
        if c == "十", let (word, y) = TargetWords.fiveYearPlans.first(where: { t.has($0.0, at: i) }),
           planYear.map({ y >= $0 }) ?? true,
           Self.planPeriodEnds.contains(where: { t.has($0, at: i + word.count) })
        {
            return (i + word.count, y)
        }
        if c.isDigit || Numerals.chineseDigit(c) != nil {
            if let (y, after) = DateReader.year(t, i, end), after < end, t[after] == "年" { return (after + 1, y) }
            if let n = QuantityScanner.number(t, at: i, limit: end), n.end + 1 < end, t[n.end] == "年", n.value < 20,
               t[n.end + 1] == "内" || t[n.end + 1] == "间" || t[n.end + 1] == "里", let plan = planYear
            {
                return (n.end + 2, plan + Int(n.value) - 1)
            }
        }
        return nil
    }

    func dueYear(before pos: Int) -> Int? {
        guard let last = years.last(where: { $0.end <= pos }) else { return planYear }
        return last.year
    }

    func reportsThePast(before pos: Int) -> Bool { firstPast.map { $0 <= pos } ?? false }

    func subject(before pos: Int) -> Scalars? { subjects.last(where: { $0.end <= pos })?.word ?? earlierSubject }

    func funds(in r: Range<Int>) -> Bool { funding.contains { r.contains($0) } }
}
