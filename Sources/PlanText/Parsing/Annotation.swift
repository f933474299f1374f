/// Who does a task, as plans annotate it: in brackets at the end of a paragraph
/// (（牵头单位：…；责任单位：…）) or on lines of their own after an item
/// (责任领导：… / 牵头科室（单位）：… / 完成时限：…).
enum Role: CaseIterable {
    case lead, responsible, cooperating, leader, deadline
}

struct Annotation {
    var role: Role
    /// Scalar range of the value after the colon.
    var value: Range<Int>
}

enum AnnotationReader {
    /// Role words, longest first so that 牵头单位 wins over 牵头.
    static let roleWords: [(word: Scalars, role: Role)] = {
        let table: [(String, Role)] = [
            ("牵头责任单位", .lead), ("牵头单位", .lead), ("牵头部门", .lead), ("牵头科室", .lead),
            ("牵头处室", .lead), ("主办单位", .lead), ("主责单位", .lead), ("牵头", .lead),
            ("主体责任单位", .responsible), ("责任单位", .responsible), ("责任部门", .responsible),
            ("责任科室", .responsible), ("责任处室", .responsible), ("承办单位", .responsible),
            ("实施单位", .responsible), ("责任主体", .responsible),
            ("配合单位", .cooperating), ("配合部门", .cooperating), ("配合科室", .cooperating),
            ("协办单位", .cooperating), ("协办部门", .cooperating), ("参与单位", .cooperating),
            ("参与部门", .cooperating), ("协同单位", .cooperating), ("协作单位", .cooperating),
            ("分管局领导", .leader), ("局分管领导", .leader), ("牵头局领导", .leader), ("分管领导", .leader),
            ("责任领导", .leader), ("牵头领导", .leader), ("联系领导", .leader), ("包保领导", .leader),
            ("负责领导", .leader), ("分管负责人", .leader), ("责任人", .leader),
            ("完成时限", .deadline), ("完成时间", .deadline), ("时间节点", .deadline),
            ("时限要求", .deadline), ("办结时限", .deadline), ("完成期限", .deadline), ("时限", .deadline),
        ]
        return table.map { (S($0.0), $0.1) }.sorted { $0.word.count > $1.word.count }
    }()

    private static let roleStarts = ScalarSet(roleWords.map { $0.word[0] })

    /// A role word at `i` followed by an optional short bracket (（单位）) and a
    /// colon: the role and the index after the colon.
    static func roleLabel(_ t: Scalars, at i: Int, limit: Int) -> (role: Role, valueStart: Int)? {
        guard i < limit, roleStarts.contains(t[i]), let entry = roleWords.first(where: { t.has($0.word, at: i) }) else {
            return nil
        }
        var j = i + entry.word.count
        if j < limit, t[j].isOpenBracket {
            var k = j + 1
            while k < limit, k - j <= 8, !t[k].isCloseBracket { k += 1 }
            guard k < limit, t[k].isCloseBracket else { return nil }
            j = k + 1
        }
        while j < limit, t[j].isBlank { j += 1 }
        guard j < limit, t[j] == "：" || t[j] == ":" else { return nil }
        return (entry.role, j + 1)
    }

    /// All role: value pairs in `range`, which starts with a role label.
    static func pairs(_ t: Scalars, _ range: Range<Int>) -> [Annotation] {
        var found: [(role: Role, labelStart: Int, valueStart: Int)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (role, start) = roleLabel(t, at: i, limit: range.upperBound) {
                found.append((role, i, start))
                i = start
            } else {
                i += 1
            }
        }
        return found.indices.map { k in
            let end = k + 1 < found.count ? found[k + 1].labelStart : range.upperBound
            return Annotation(role: found[k].role, value: trimSeparators(t, found[k].valueStart, end))
        }
    }

    /// Bracket groups in `range` that hold role annotations: the whole bracket
    /// (to keep out of titles and targets) and what it says.
    static func brackets(_ t: Scalars, _ range: Range<Int>) -> [(bracket: Range<Int>, items: [Annotation])] {
        var out: [(Range<Int>, [Annotation])] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard t[i].isOpenBracket, let close = matchingClose(t, i, range.upperBound) else {
                i += 1
                continue
            }
            var start = i + 1
            while start < close, t[start].isBlank { start += 1 }
            if roleLabel(t, at: start, limit: close) != nil {
                out.append((i..<(close + 1), pairs(t, start..<close)))
                i = close + 1
            } else if let items = verbRoles(t, start..<close) {
                out.append((i..<(close + 1), items))
                i = close + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Verbs that end a clause naming units: （市科技局牵头，市财政局、市税务局配合）.
    static let roleVerbs: [(word: Scalars, role: Role)] = {
        let table: [(String, Role)] = [
            ("按职责分工负责", .responsible), ("按职能分工负责", .responsible), ("按职责分工落实", .responsible),
            ("分别负责", .responsible), ("共同负责", .responsible), ("负责", .responsible), ("落实", .responsible),
            ("牵头", .lead), ("配合", .cooperating), ("协同", .cooperating), ("协助", .cooperating),
            ("参与", .cooperating), ("协办", .cooperating),
        ]
        return table.map { (S($0.0), $0.1) }.sorted { $0.word.count > $1.word.count }
    }()

    /// A bracket whose every clause is units followed by a role verb.
    static func verbRoles(_ t: Scalars, _ range: Range<Int>) -> [Annotation]? {
        var items: [Annotation] = []
        for clause in UnitList.pieces(t, range, separators: UnitList.clauseSeparators) {
            guard let (word, role) = roleVerbs.first(where: { v in
                clause.count > v.word.count && t.has(v.word, at: clause.upperBound - v.word.count)
            }) else { return nil }
            let units = trimSeparators(t, clause.lowerBound, clause.upperBound - word.count)
            guard !units.isEmpty, units.count <= 80,
                  !t[units].contains(where: { $0.isDigit || $0 == "。" || $0 == "“" })
            else { return nil }
            items.append(Annotation(role: role, value: units))
        }
        return items.isEmpty ? nil : items
    }

    /// A line that is itself an annotation (责任领导：张三).
    static func line(_ t: Scalars, _ range: Range<Int>) -> [Annotation]? {
        guard roleLabel(t, at: range.lowerBound, limit: range.upperBound) != nil else { return nil }
        return pairs(t, range)
    }

    static func matchingClose(_ t: Scalars, _ open: Int, _ limit: Int) -> Int? {
        var depth = 0
        var i = open
        while i < limit {
            if t[i].isOpenBracket { depth += 1 } else if t[i].isCloseBracket {
                depth -= 1
                if depth == 0 { return i }
            } else if t[i] == "\n" {
                return nil
            }
            i += 1
        }
        return nil
    }

    static func trimSeparators(_ t: Scalars, _ lo: Int, _ hi: Int) -> Range<Int> {
        var a = lo, b = hi
        func isSep(_ c: Unicode.Scalar) -> Bool {
            c.isBlank || c == "；" || c == ";" || c == "，" || c == "," || c == "。" || c == "、" || c == "."
        }
        while a < b, isSep(t[a]) { a += 1 }
        while b > a, isSep(t[b - 1]) { b -= 1 }
        return a..<b
    }
}
