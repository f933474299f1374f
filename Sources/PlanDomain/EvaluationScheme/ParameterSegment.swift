/// One clause of a parameter cell (封顶120%; 每名次减2分 | 最低5分): its text
/// without blanks, full-width forms made ASCII, the numbers in it, and the
/// words around them that say what the numbers are.
struct ParameterSegment {
    struct Number {
        /// As typed, without its % sign (120, 2.5).
        var literal: String
        var value: Double
        /// Followed by %.
        var percent: Bool

        /// The value ÷ 100 with one rounding (120% → 1.2 exactly as 1.2 is kept).
        var ratio: Double { DecimalText.ratio(literal) ?? value / 100 }
    }

    var text: String
    var numbers: [Number]
    /// The text without its numbers, % signs, 分 and 倍: 封顶, 每名次减, 最低.
    var words: String

    /// Clauses are split on ，；、。 (a decimal point is not one).
    static func split(_ cell: String) -> [ParameterSegment] {
        let text = String(FigureText.ascii(cell).filter { !$0.isWhitespace })
        return text.split(whereSeparator: { [",", ";", "、", "。"].contains($0) }).map { ParameterSegment(String($0)) }
    }

    init(_ text: String) {
        self.text = text
        numbers = []
        words = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                var end = i
                while end < chars.count, chars[end].isASCII, chars[end].isNumber || chars[end] == "." { end += 1 }
                let literal = String(chars[i..<end])
                let percent = end < chars.count && chars[end] == "%"
                if let value = FigureText.decimal(Substring(literal)) {
                    numbers.append(Number(literal: literal, value: value, percent: percent))
                } else {
                    // 1.2.3 is no number; kept as words, it makes the clause unrecognised.
                    words += literal
                }
                i = percent ? end + 1 : end
                continue
            }
            if c != "分", c != "倍", c != "%" { words.append(c) }
            i += 1
        }
    }
}
