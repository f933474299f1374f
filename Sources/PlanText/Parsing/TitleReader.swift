/// Finds the plan's own title line(s): a heading without 。 that ends with a
/// word of the genre (工作要点, 工作方案 …), possibly letter-spaced or split
/// over two lines (随州市推动…协同发展 / 工 作 方 案).
enum TitleReader {
    static let genreWords: [Scalars] = [
        "要点", "方案", "计划", "意见", "安排", "清单", "规划", "细则", "办法", "措施", "任务分解表", "分解表", "任务书",
    ].map(S)

    private static let noticeWords = ["印发", "通知", "转发"].map(S)

    static func endsWithGenre(_ s: Scalars) -> Bool {
        var end = s.count
        // A trailing （试行） or （2023—2025年） does not hide the genre word.
        if end > 0, s[end - 1].isCloseBracket, let open = s.lastIndex(where: { $0.isOpenBracket }), open > 0 {
            end = open
        }
        return genreWords.contains { w in end >= w.count && s.has(w, at: end - w.count) }
    }

    static func titleLines(_ src: SourceText, _ zone: Range<Int>, matching wanted: String?) -> Range<Int>? {
        let target = wanted.map { squeezeBlanks(S($0)) }
        for i in zone where src.isContent(i) {
            let one = squeezeBlanks(src.line(i))
            let next = nextContent(src, after: i, in: zone)
            let two = next.map { one + squeezeBlanks(src.line($0)) }
            if let target {
                if one == target { return i..<(i + 1) }
                if let two, let n = next, two == target { return i..<(n + 1) }
                continue
            }
            // 关于印发《…》的通知 wraps a plan; 关于推进…的实施方案 is one.
            guard isHeadingLike(one), !one.containsAny(noticeWords) else { continue }
            if endsWithGenre(one) { return i..<(i + 1) }
            if let two, let n = next, squeezeBlanks(src.line(n)).count <= 12, isHeadingLike(two), endsWithGenre(two) {
                return i..<(n + 1)
            }
        }
        return nil
    }

    static func text(_ src: SourceText, _ lines: Range<Int>) -> String {
        lines.filter { src.isContent($0) }.map { squeezeBlanks(src.line($0)).string }.joined()
    }

    private static func isHeadingLike(_ s: Scalars) -> Bool {
        (4...80).contains(s.count) && !s.contains { $0 == "。" || $0 == "：" || $0 == ":" || $0 == "|" || $0 == "，" }
            && DateReader.first(s, 0..<s.count) == nil
    }

    private static func nextContent(_ src: SourceText, after i: Int, in zone: Range<Int>) -> Int? {
        var j = i + 1
        while j < zone.upperBound {
            if src.isContent(j) { return j }
            j += 1
        }
        return nil
    }
}
