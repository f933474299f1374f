/// Finds quantities in a sentence: a number (Arabic or Chinese, or a range of
/// two) followed by a measure word, or 全覆盖. Whether a quantity is a target
/// is decided later; this only reads what is printed.
struct Quantity {
    var value: Double
    var max: Double?
    var unit: String
    /// From the first digit to the end of the measure word.
    var range: Range<Int>
    var isChinese: Bool
    var isFullCoverage = false
}

enum QuantityScanner {
    /// Measure words, longest first. Each may be vetoed by what follows it
    /// (个月 is a duration, 名单 a list, 支持 a verb).
    private static let units: [(word: Scalars, unit: String, vetoNext: [Scalars])] = {
        let table: [(String, String, [String])] = [
            ("个百分点", "个百分点", []), ("万人次", "万人次", []), ("人次", "人次", []), ("场次", "场次", []),
            ("个亿元", "亿元", []), ("个亿", "亿元", []), ("亿元", "亿元", []), ("万元", "万元", []), ("千元", "千元", []),
            ("元", "元", []), ("%", "%", []), ("％", "%", []), ("‰", "‰", []),
            ("家", "家", ["庭", "乡", "属", "长", "族", "居", "电"]), ("项", "项", ["目"]),
            ("个", "个", ["月", "工作日", "人", "体", "性", "别", "案"]), ("名", "名", ["单", "称", "义", "牌", "录", "额"]),
            ("人", "人", ["才", "员", "民", "口", "大", "工", "文", "类", "均", "力", "们", "事", "社", "选"]),
            ("所", "所", ["有", "以", "属", "在", "得", "谓"]), ("笔", "笔", []),
            ("场", "场", ["景", "所", "地", "馆", "站", "域"]), ("次", "次", ["全会", "会议", "党代会", "代表大会", "全体"]),
            ("台", "台", ["阶", "账", "湾"]), ("套", "套", ["餐"]), ("件", "件", []), ("篇", "篇", ["章"]),
            ("批", "批", ["准", "复", "示", "次"]), ("条", "条", ["件", "例", "款", "理"]), ("座", "座", ["谈"]),
            ("处", "处", ["理", "置", "于", "罚", "室"]), ("户", "户", ["籍", "口"]),
            ("支", "支", ["持", "出", "付", "撑", "部"]), ("种", "种", ["子", "植", "类", "养"]),
            ("门", "门", ["槛", "户", "类", "店"]), ("位", "位", ["于", "置"]), ("倍", "倍", []), ("亩", "亩", []),
            ("吨", "吨", []), ("万平方米", "万平方米", []), ("平方米", "平方米", []), ("公里", "公里", []), ("千米", "千米", []),
            ("款", "款", ["项"]), ("部", "部", ["门", "署", "分", "委"]), ("期", "期", ["间", "限", "内", "末", "初"]),
        ]
        return table.map { (S($0.0), $0.1, $0.2.map(S)) }.sorted { $0.word.count > $1.word.count }
    }()

    private static let rangeSeparators: ScalarSet = ["到", "至", "-", "－", "~", "～", "—", "–", "〜"]

    /// The quantity whose number starts at `i`, if it is followed by a unit.
    static func quantity(_ t: Scalars, at i: Int, limit: Int) -> Quantity? {
        guard let first = number(t, at: i, limit: limit) else { return nil }
        var j = first.end
        var unit = self.unit(t, at: j, limit: limit)
        var maxValue: Double? = nil
        var end = unit?.end ?? j
        if let u = unit { j = u.end }
        // A range: 1到2名, 1-2个, 5%－10%.
        if j < limit, rangeSeparators.contains(t[j]), let second = number(t, at: j + 1, limit: limit),
            second.chinese == first.chinese
        {
            let u2 = self.unit(t, at: second.end, limit: limit)
            if let u2, unit == nil || unit!.unit == u2.unit {
                unit = u2
                maxValue = second.value * u2.multiplier
                end = u2.end
            }
        }
        guard let u = unit else { return nil }
        let value = first.value * u.multiplier
        guard maxValue == nil || maxValue! > value else { return nil }
        return Quantity(value: value, max: maxValue, unit: u.unit, range: i..<end, isChinese: first.chinese)
    }

    struct Number {
        var value: Double
        var end: Int
        var chinese: Bool
    }

    static func number(_ t: Scalars, at i: Int, limit: Int) -> Number? {
        guard i < limit else { return nil }
        if t[i].isDigit {
            guard let a = Numerals.arabic(t, at: i, limit: limit) else { return nil }
            return Number(value: a.value, end: a.end, chinese: false)
        }
        guard Numerals.isChineseNumeral(t[i]), t[i] != "〇", t[i] != "零" else { return nil }
        var j = i
        while j < limit, j - i < 6, Numerals.isChineseNumeral(t[j]) { j += 1 }
        guard let v = Numerals.chineseValue(t[i..<j]), v > 0 else { return nil }
        return Number(value: Double(v), end: j, chinese: true)
    }

    struct Unit {
        var unit: String
        var multiplier: Double
        var end: Int
    }

    /// The measure word at `j` (after optional blanks and a 万/亿 prefix).
    static func unit(_ t: Scalars, at j: Int, limit: Int) -> Unit? {
        var k = j
        while k < limit, t[k] == " " || t[k] == "\u{00A0}" { k += 1 }
        var multiplier = 1.0
        var bare: String? = nil
        if k < limit, t[k] == "万" || t[k] == "亿" {
            let m = t[k]
            if let u = units.first(where: { t.has($0.word, at: k) }), u.unit == "亿元" || u.unit == "万元" || u.unit == "万人次" || u.unit == "万平方米" {
                return vetoed(t, u, k, limit) ? nil : Unit(unit: u.unit, multiplier: 1, end: k + u.word.count)
            }
            multiplier = m == "万" ? 10_000 : 100_000_000
            bare = m == "亿" ? "亿元" : nil
            k += 1
        }
        if let u = units.first(where: { t.has($0.word, at: k) }), !vetoed(t, u, k, limit) {
            if multiplier == 1e8, u.unit == "元" { return Unit(unit: "亿元", multiplier: 1, end: k + 1) }
            if multiplier == 1e4, u.unit == "元" { return Unit(unit: "万元", multiplier: 1, end: k + 1) }
            if u.unit == "%" || u.unit == "亿元" || u.unit == "万元" { return multiplier == 1 ? Unit(unit: u.unit, multiplier: 1, end: k + u.word.count) : nil }
            // The value stays in the printed unit: 3万家 is 3 万家, as 55亿元 is 55 亿元.
            let prefix = multiplier == 1e4 ? "万" : multiplier == 1e8 ? "亿" : ""
            return Unit(unit: prefix + u.unit, multiplier: 1, end: k + u.word.count)
        }
        // 融资3亿: 亿 alone is money.
        if let b = bare { return Unit(unit: b, multiplier: 1, end: k) }
        return nil
    }

    private static func vetoed(_ t: Scalars, _ u: (word: Scalars, unit: String, vetoNext: [Scalars]), _ k: Int, _ limit: Int) -> Bool {
        let after = k + u.word.count
        return u.vetoNext.contains { t.has($0, at: after) && after + $0.count <= limit }
    }
}
