/// What a target counts, in a few words, and its indicator code.
///
/// The words are those of its own clause before the number (and the noun after
/// it when the number comes first); a clause that names nothing (年底力争突破40家)
/// borrows the last subject of its sentence (高新技术企业).
struct MetricReader {
    var metric: String
    var indicator: String?

    init(t: Scalars, subject: Scalars?, segment: Range<Int>, nounAfter: Range<Int>?, unit: String, quantityWords: Scalars = []) {
        let own = Array(t[segment]) + quantityWords + (nounAfter.map { Array(t[$0]) } ?? [])
        var code = IndicatorCatalogue.code(for: own, unit: unit)
        var context = own
        if code == nil || !IndicatorCatalogue.subjects.contains(where: { own.contains($0) }) {
            if let subject {
                let borrowed = subject + own
                if let c = IndicatorCatalogue.code(for: borrowed, unit: unit) {
                    code = c
                    context = borrowed
                }
            }
        }
        indicator = code
        let words = MetricReader.strip(Array(t[segment])) + (nounAfter.map { MetricReader.clip(Array(t[$0])) } ?? [])
        if words.count >= 2, context == own {
            metric = words.string
        } else if let c = code, let name = IndicatorCatalogue.name(of: c) {
            metric = name
        } else {
            metric = words.isEmpty ? context.string : words.string
        }
    }

    private static let prepositions = ["到", "至", "在"].map(S)

    /// Drops leading fillers and years and the comparator before the number.
    static func strip(_ w: Scalars) -> Scalars {
        var a = 0, b = w.count
        var moved = true
        while moved, a < b {
            moved = false
            if w[a].isBlank || w[a].isClausePunctuation || w[a] == "、" || w[a] == "—" { a += 1; moved = true; continue }
            if let f = TargetWords.fillers.first(where: { w.has($0, at: a) }) { a += f.count; moved = true; continue }
            if let (_, after) = DateReader.year(w, a, b), after < b, w[after] == "年" { a = after + 1; moved = true; continue }
            for p in Self.prepositions where w.has(p, at: a) && a + 1 < b && w[a + 1].isDigit { a += 1; moved = true }
        }
        moved = true
        while moved, b > a {
            moved = false
            for (word, _) in TargetWords.before where b - word.count >= a && w.has(word, at: b - word.count) {
                b -= word.count
                moved = true
                break
            }
            if b > a, w[b - 1].isBlank || w[b - 1] == "为" { b -= 1; moved = true }
        }
        return Array(w[a..<b])
    }

    /// A noun after the number, cut to a readable length.
    static func clip(_ w: Scalars) -> Scalars { Array(w.prefix(24)) }
}
