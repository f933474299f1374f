/// Reads `word/numbering.xml` and `word/styles.xml` into `ListNumbering`.
enum NumberingParser {
    static func parse(numbering: [UInt8]?, styles: [UInt8]?) throws(PlanTextError) -> ListNumbering {
        var result = ListNumbering()
        if let numbering { try readNumbering(numbering, into: &result) }
        if let styles { try readStyles(styles, into: &result) }
        return result
    }

    /// Element stack of WordprocessingML local names ("" for other elements);
    /// `parent` looks through markup-compatibility wrappers (mc:Choice …) in
    /// constant time, each entry remembering its nearest non-wrapper ancestor.
    private struct Stack {
        private var names: [String] = []
        private var parents: [Int] = []

        mutating func push(_ name: String) {
            if let last = names.indices.last {
                parents.append(names[last].hasPrefix("mc:") ? parents[last] : last)
            } else {
                parents.append(-1)
            }
            names.append(name)
        }

        mutating func pop() -> String? {
            _ = parents.popLast()
            return names.popLast()
        }

        func parent(_ depth: Int = 1) -> String? {
            guard var at = parents.indices.last else { return nil }
            for _ in 0..<depth {
                at = parents[at]
                guard at >= 0 else { return nil }
            }
            return names[at]
        }
    }

    private static func readNumbering(_ bytes: [UInt8], into result: inout ListNumbering) throws(PlanTextError) {
        var xml = XMLTokenizer(bytes)
        var names = WordNames()
        var stack = Stack()
        var abstractId: Int?
        var numId: Int?
        var overrideLevel: Int?
        var level = ListNumbering.Level()
        var levelIndex: Int?
        while let event = try xml.next() {
            switch event {
            case .text:
                continue
            case .end:
                let name = stack.pop() ?? ""
                switch name {
                case "lvl":
                    guard let index = levelIndex, index >= 0, index < ListNumbering.levelCount else { break }
                    if let numId, let overrideLevel, overrideLevel == index {
                        result.instances[numId]?.levelOverrides[index] = level
                    } else if let abstractId, numId == nil {
                        result.abstracts[abstractId, default: [:]][index] = level
                    }
                    levelIndex = nil
                case "abstractNum": abstractId = nil
                case "num": numId = nil
                case "lvlOverride": overrideLevel = nil
                default: break
                }
            case .start:
                names.noteDeclarations(xml)
                let name = names.element(xml) ?? ""
                stack.push(name)
                let parent = stack.parent()
                switch name {
                case "abstractNum":
                    abstractId = names.integer("abstractNumId", of: xml)
                    if let abstractId, result.abstracts[abstractId] == nil { result.abstracts[abstractId] = [:] }
                case "num":
                    numId = names.integer("numId", of: xml)
                    if let numId { result.instances[numId] = ListNumbering.Instance() }
                case "abstractNumId" where parent == "num":
                    if let numId { result.instances[numId]?.abstractId = names.integer("val", of: xml) }
                case "lvlOverride" where parent == "num":
                    overrideLevel = names.integer("ilvl", of: xml)
                case "startOverride" where parent == "lvlOverride":
                    if let numId, let overrideLevel, let start = names.integer("val", of: xml) {
                        result.instances[numId]?.startOverrides[overrideLevel] = start
                    }
                case "lvl" where parent == "abstractNum" || parent == "lvlOverride":
                    level = ListNumbering.Level()
                    levelIndex = names.integer("ilvl", of: xml) ?? overrideLevel
                case "start" where parent == "lvl":
                    level.start = names.integer("val", of: xml) ?? 0
                case "numFmt" where parent == "lvl":
                    let value = names.attribute("val", of: xml) ?? "decimal"
                    if value != "custom" {
                        level.format = value
                    } else if let custom = customFormat(names.attribute("format", of: xml)) {
                        level.format = custom
                    }
                case "lvlText" where parent == "lvl":
                    level.text = String((names.attribute("val", of: xml) ?? "").prefix(ListNumbering.maxLevelText))
                case "lvlRestart" where parent == "lvl":
                    level.restart = names.integer("val", of: xml)
                case "pStyle" where parent == "lvl":
                    level.styleId = names.attribute("val", of: xml)
                case "isLgl" where parent == "lvl":
                    level.isLegal = names.isOn(xml)
                default:
                    break
                }
            }
        }
    }

    /// `w:numFmt w:val="custom" w:format="01, 02, 03, ..."` (Word 2010+), mapped
    /// to a known format when it is one in disguise; else the fallback wins.
    private static func customFormat(_ format: String?) -> String? {
        guard let first = format?.trimmedWhitespace.first else { return nil }
        switch first {
        case "0": return "decimalZero"
        case "1": return "decimal"
        case "一": return "chineseCounting"
        case "壹": return "chineseLegalSimplified"
        case "①": return "decimalEnclosedCircle"
        case "甲": return "ideographTraditional"
        default: return nil
        }
    }

    private static func readStyles(_ bytes: [UInt8], into result: inout ListNumbering) throws(PlanTextError) {
        var xml = XMLTokenizer(bytes)
        var names = WordNames()
        var stack = Stack()
        var styleId: String?
        while let event = try xml.next() {
            switch event {
            case .text:
                continue
            case .end:
                if stack.pop() == "style" { styleId = nil }
            case .start:
                names.noteDeclarations(xml)
                let name = names.element(xml) ?? ""
                stack.push(name)
                switch name {
                case "style":
                    let type = names.attribute("type", of: xml) ?? "paragraph"
                    styleId = type == "paragraph" ? names.attribute("styleId", of: xml) : nil
                    if let styleId {
                        result.styles[styleId] = ListNumbering.Style()
                        if names.attribute("default", of: xml).map({ $0 == "1" || $0 == "true" }) == true {
                            result.defaultStyle = styleId
                        }
                    }
                case "basedOn" where stack.parent() == "style":
                    if let styleId { result.styles[styleId]?.basedOn = names.attribute("val", of: xml) }
                case "numId" where stack.parent() == "numPr" && stack.parent(2) == "pPr" && stack.parent(3) == "style":
                    if let styleId { result.styles[styleId]?.numId = names.integer("val", of: xml) }
                case "ilvl" where stack.parent() == "numPr" && stack.parent(2) == "pPr" && stack.parent(3) == "style":
                    if let styleId { result.styles[styleId]?.level = names.integer("val", of: xml) }
                default:
                    break
                }
            }
        }
    }
}
