/// Dates as official documents print them: 2023年2月9日, 二〇二三年二月九日,
/// 2023-03-01, 2023/3/1, 2023.03.01.
enum DateReader {
    struct Found {
        var iso: String
        var range: Range<Int>
    }

    /// The first date in `range` of `t`.
    static func first(_ t: Scalars, _ range: Range<Int>) -> Found? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let f = at(t, i, range.upperBound) { return f }
            i += 1
        }
        return nil
    }

    static func at(_ t: Scalars, _ i: Int, _ limit: Int) -> Found? {
        guard let (y, afterYear) = year(t, i, limit), afterYear < limit else { return nil }
        let sep = t[afterYear]
        if sep == "年" {
            guard let (m, afterMonth) = small(t, afterYear + 1, limit), afterMonth < limit, t[afterMonth] == "月",
                let (d, afterDay) = small(t, afterMonth + 1, limit), afterDay < limit,
                t[afterDay] == "日" || t[afterDay] == "号"
            else { return nil }
            return make(y, m, d, i..<(afterDay + 1))
        }
        guard sep == "-" || sep == "/" || sep == "." || sep == "－",
            let (m, afterMonth) = small(t, afterYear + 1, limit), afterMonth < limit, t[afterMonth] == sep,
            let (d, afterDay) = small(t, afterMonth + 1, limit)
        else { return nil }
        return make(y, m, d, i..<afterDay)
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int, _ r: Range<Int>) -> Found? {
        guard (1...12).contains(m), d >= 1, d <= DeadlineReader.lastDay(y, m) else { return nil }
        return Found(iso: DeadlineReader.iso(y, m, d), range: r)
    }

    /// Four Arabic or Chinese digits (2023, 二〇二三).
    static func year(_ t: Scalars, _ i: Int, _ limit: Int) -> (Int, Int)? {
        guard i + 4 <= limit, i == 0 || !(t[i - 1].isDigit) else { return nil }
        var n = 0
        for k in i..<(i + 4) {
            if t[k].isDigit { n = n * 10 + t[k].digitValue } else if let d = Numerals.chineseDigit(t[k]), t[k] != "两" {
                n = n * 10 + d
            } else { return nil }
        }
        guard n >= 1949, n <= 2200 else { return nil }
        return (n, i + 4)
    }

    /// A month or day: 1–2 Arabic digits or Chinese numerals up to 三十一.
    private static func small(_ t: Scalars, _ i: Int, _ limit: Int) -> (Int, Int)? {
        var j = i
        while j < limit, t[j].isBlank { j += 1 }
        let start = j
        if j < limit, t[j].isDigit {
            var n = 0
            while j < limit, t[j].isDigit, j - start < 2 { n = n * 10 + t[j].digitValue; j += 1 }
            return (n, j)
        }
        while j < limit, j - start < 3, Numerals.isChineseNumeral(t[j]) { j += 1 }
        guard j > start, let n = Numerals.chineseValue(t[start..<j]) else { return nil }
        return (n, j)
    }
}
