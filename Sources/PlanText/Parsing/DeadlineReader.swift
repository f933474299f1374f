/// Reads a stated completion time (2023年6月底前, 年底前, 第三季度, 长期坚持)
/// into the last day it allows.
enum DeadlineReader {
    static func date(_ s: ArraySlice<Unicode.Scalar>, planYear: Int?) -> String? {
        let c = Array(s)
        var year: Int? = nil
        var month: Int? = nil
        var day: Int? = nil
        var i = 0
        while i < c.count {
            if c[i].isDigit {
                var j = i
                var n = 0
                while j < c.count, c[j].isDigit, j - i < 5 {
                    n = n * 10 + c[j].digitValue
                    j += 1
                }
                let unit = j < c.count ? c[j] : " "
                if unit == "年", n >= 1900, n <= 2200, year == nil { year = n }
                else if unit == "月", n >= 1, n <= 12, month == nil { month = n }
                else if unit == "日" || unit == "号", n >= 1, n <= 31, month != nil, day == nil { day = n }
                else if (unit == "-" || unit == "/" || unit == "."), n >= 1900, year == nil { year = n }
                i = j
                continue
            }
            i += 1
        }
        let y = year ?? planYear
        if let m = month, let y {
            let last = lastDay(y, m)
            let d = day.map { Swift.min($0, last) } ?? last
            // 6月中旬 / 上旬 end earlier than the month.
            if day == nil, c.contains(S("上旬")) { return iso(y, m, 10) }
            if day == nil, c.contains(S("中旬")) { return iso(y, m, 20) }
            return iso(y, m, d)
        }
        guard let y else { return nil }
        let quarters: [(String, Int)] = [("第一季度", 3), ("一季度", 3), ("第二季度", 6), ("二季度", 6),
                                         ("第三季度", 9), ("三季度", 9), ("第四季度", 12), ("四季度", 12),
                                         ("上半年", 6), ("下半年", 12)]
        for (w, m) in quarters where c.contains(S(w)) { return iso(y, m, lastDay(y, m)) }
        if year != nil || c.containsAny(["年底", "年末", "年内", "全年", "本年度", "今年"].map(S)) {
            return iso(y, 12, 31)
        }
        return nil
    }

    static func lastDay(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let dd = d < 10 ? "0\(d)" : "\(d)"
        return "\(y)-\(mm)-\(dd)"
    }
}
