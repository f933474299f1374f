/// A rule's parameters as a scheme sheet writes them in words (封顶120%;
/// 每名次减2分，最低5分; 基准值2.5; 每项加1分，最多5分), read into the rule and
/// written back the same way. Text that does not say one definite thing is
/// refused with the way to write it, never guessed.
enum RuleParameters {
    struct Problem: Error {
        let reason: String
    }

    /// The rule `kind` with the parameters in `text`. `points` (分值, when
    /// given) caps a bonus or deduction item that names no cap; `unit` may
    /// follow a benchmark; `isTask` reads a percentage as the 0…1 ratio task
    /// values are kept in (基准值90% is 0.9).
    static func rule(_ kind: SchemeWords.Rule, _ text: String, points: Double?, unit: String,
                     isTask: Bool) throws(Problem) -> ScoringRule {
        let segments = ParameterSegment.split(text)
        switch kind {
        case .reached:
            return .reached(lowerIsBetter: try lowerIsBetter(segments))
        case .proportional:
            return .proportional(cap: try cap(segments))
        case .growth:
            return .growth(cap: try cap(segments))
        case .rank:
            let (step, floor) = try rankSteps(segments)
            return .rank(step: step, floor: floor)
        case .best:
            guard segments.isEmpty else {
                throw Problem(reason: "“最高值得满分，其余按比例”不需要参数，请清空参数“\(text)”")
            }
            return .best
        case .benchmark:
            return .benchmark(value: try benchmark(segments, unit: unit, isTask: isTask))
        case .bonus:
            let (perUnit, max) = try adjustment(segments, points: points, verb: "加")
            return .bonus(perUnit: perUnit, max: max)
        case .deduction:
            let (perUnit, max) = try adjustment(segments, points: points, verb: "减")
            return .deduction(perUnit: perUnit, max: max)
        }
    }

    /// The parameters as the export writes them; `rule` reads them back equal.
    static func text(_ rule: ScoringRule, isTask: Bool) -> String {
        switch rule {
        case .reached(let lowerIsBetter): lowerIsBetter ? "越低越好" : ""
        case .proportional(let cap), .growth(let cap): "封顶\(DecimalText.percent(cap))%"
        case .rank(let step, let floor):
            "每名次减\(DecimalText.plain(step))分" + (floor > 0 ? "，最低\(DecimalText.plain(floor))分" : "")
        case .best: ""
        case .benchmark(let value): "基准值" + (isTask ? DecimalText.percent(value) + "%" : DecimalText.plain(value))
        case .bonus(let perUnit, let max): "每项加\(DecimalText.plain(perUnit))分，最多\(DecimalText.plain(max))分"
        case .deduction(let perUnit, let max): "每项减\(DecimalText.plain(perUnit))分，最多\(DecimalText.plain(max))分"
        }
    }

    private static let lowerWords: Set<String> = ["越低越好", "越小越好", "逆向指标", "反向指标", "不高于目标", "低于目标", "不超过目标"]
    private static let higherWords: Set<String> = ["越高越好", "越大越好", "正向指标", "不低于目标", "达到目标"]

    private static func lowerIsBetter(_ segments: [ParameterSegment]) throws(Problem) -> Bool {
        var lower = false
        for segment in segments {
            if lowerWords.contains(segment.text) {
                lower = true
            } else if !higherWords.contains(segment.text) {
                throw Problem(reason: "参数“\(segment.text)”无法识别：达标得满分的参数只能是“越低越好”（不高于目标即得满分），或留空")
            }
        }
        return lower
    }

    private static let capWords: Set<String> = ["", "封顶", "上限", "最高", "最多", "不超过", "最高不超过", "封顶比例", "得分封顶",
                                                "超额封顶", "完成比例封顶", "增幅封顶"]

    /// 封顶120% (or 1.2倍, or 120% alone); none is 100%: no credit beyond the target.
    private static func cap(_ segments: [ParameterSegment]) throws(Problem) -> Double {
        guard let segment = segments.first else { return 1 }
        let example = "应写作“封顶120%”（完成超过目标时最多按 120% 计分），或留空（最多按 100% 计分）"
        guard segments.count == 1, segment.numbers.count == 1, capWords.contains(segment.words),
              let number = segment.numbers.first else {
            throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
        }
        if number.percent { return number.ratio }
        guard number.value <= ScoringRule.capRange.upperBound else {
            throw Problem(reason: "参数“\(segment.text)”的封顶比例不明确：\(example)")
        }
        return number.value
    }

    private static func rankSteps(_ segments: [ParameterSegment]) throws(Problem) -> (Double, Double) {
        var step: Double?
        var floor: Double?
        let example = "应写作“每名次减2分，最低5分”"
        for segment in segments {
            guard let number = segment.numbers.last, !number.percent else {
                throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
            }
            if ["最低", "保底", "不低于"].contains(where: segment.words.contains) {
                floor = number.value
            } else if ["名", "位"].contains(where: segment.words.contains),
                      ["减", "扣", "降", "少"].contains(where: segment.words.contains) {
                step = number.value
            } else {
                throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
            }
        }
        guard let step else { throw Problem(reason: "按排名计分须写明每名次减几分：\(example)") }
        return (step, floor ?? 0)
    }

    private static let benchmarkWords: Set<String> = ["", "基准值", "基准", "对标值", "标准值", "基准值为", "对标基准值", "基准线"]

    private static func benchmark(_ segments: [ParameterSegment], unit: String, isTask: Bool) throws(Problem) -> Double {
        let example = "应写作“基准值2.5”（与指标同一单位）" + (isTask ? "，任务完成率写作“基准值90%”" : "")
        guard let segment = segments.first else { throw Problem(reason: "对标基准值须写明基准值：\(example)") }
        var words = segment.words
        if !unit.isEmpty, words.hasSuffix(SchemeWords.key(unit)) { words.removeLast(SchemeWords.key(unit).count) }
        guard segments.count == 1, segment.numbers.count == 1, benchmarkWords.contains(words),
              let number = segment.numbers.first else {
            throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
        }
        // A task's completion is kept as a ratio; for an indicator in % the sign is its unit.
        return isTask && number.percent ? number.ratio : number.value
    }

    private static func adjustment(_ segments: [ParameterSegment], points: Double?,
                                   verb: String) throws(Problem) -> (Double, Double) {
        var perUnit: Double?
        var max: Double?
        let example = "应写作“每项\(verb)1分，最多5分”"
        for segment in segments {
            guard let number = segment.numbers.last, !number.percent else {
                throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
            }
            if ["最多", "最高", "上限", "不超过", "封顶", "累计"].contains(where: segment.words.contains) {
                max = number.value
            } else if segment.words.hasPrefix("每") || ["加", "减", "扣"].contains(where: segment.words.contains) {
                perUnit = number.value
            } else {
                throw Problem(reason: "参数“\(segment.text)”无法识别：\(example)")
            }
        }
        guard let perUnit else { throw Problem(reason: "须写明每项\(verb)几分：\(example)") }
        if let max { return (perUnit, max) }
        guard let points, points > 0 else {
            throw Problem(reason: "须写明\(verb)分上限（如“最多5分”），或在分值中填写上限")
        }
        return (perUnit, points)
    }
}
