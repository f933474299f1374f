/// The notice that wraps a plan (关于印发《…》的通知, 现将《…》印发给你们) and its 文号.
enum NoticeReader {
    /// The first 《…》 in the header that names a plan of the genre.
    static func quotedTitle(_ src: SourceText, _ zone: Range<Int>) -> String? {
        for i in zone where src.isContent(i) {
            let l = src.line(i)
            var k = l.startIndex
            while let open = l[k...].firstIndex(of: "《") {
                var close = l[open...].firstIndex(of: "》")
                var inner = close.map { Array(l[(open + 1)..<$0]) }
                // A title broken over two lines of the notice.
                if close == nil, i + 1 < zone.upperBound, let c2 = src.line(i + 1).firstIndex(of: "》") {
                    inner = Array(l[(open + 1)...]) + Array(src.line(i + 1)[..<c2])
                    close = l.endIndex - 1
                }
                guard let c = close, let body = inner else { break }
                let title = squeezeBlanks(body)
                if TitleReader.endsWithGenre(title), title.count >= 4 { return title.string }
                k = c + 1
            }
        }
        return nil
    }

    /// 文号 such as 广政办函〔2022〕8号 or 随经信发[2025]1号, as printed.
    static func docNumber(_ src: SourceText, _ zone: Range<Int>) -> String? {
        for i in zone where src.isContent(i) {
            if let n = docNumber(in: src.t, src.lines[i]) { return n }
        }
        return nil
    }

    static func docNumber(in t: Scalars, _ range: Range<Int>) -> String? {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = t[i]
            guard c == "〔" || c == "[" || c == "［" || c == "(" || c == "（" || c == "【",
                let (_, afterYear) = DateReader.year(t, i + 1, range.upperBound), afterYear < range.upperBound,
                t[afterYear] == "〕" || t[afterYear] == "]" || t[afterYear] == "］" || t[afterYear] == ")"
                    || t[afterYear] == "）" || t[afterYear] == "】"
            else { i += 1; continue }
            var j = afterYear + 1
            while j < range.upperBound, t[j].isDigit { j += 1 }
            guard j > afterYear + 1, j < range.upperBound, t[j] == "号" else { i += 1; continue }
            var s = i
            while s > range.lowerBound, i - s < 12, t[s - 1].isHan { s -= 1 }
            guard s < i else { i += 1; continue }
            return t[s...j].string
        }
        return nil
    }
}
