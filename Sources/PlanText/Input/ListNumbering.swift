/// Word's automatic numbering: the lists of `word/numbering.xml`, the paragraph
/// styles of `word/styles.xml` that carry numbering, and the running counters
/// that turn a numbered paragraph into the label a reader sees ("一、", "（一）").
struct ListNumbering {
    struct Level {
        /// ECMA-376: 0 when `w:start` is absent.
        var start = 0
        var format = "decimal"
        /// `w:lvlText`, e.g. "%1、" or "（%2）", kept pre-split into pieces.
        var text = "" { didSet { pieces = Self.pieces(of: text) } }
        private(set) var pieces: [Piece] = []
        /// `w:lvlRestart`: 0 never, n restart after level n (1-based); nil: after any higher level.
        var restart: Int?
        var styleId: String?
        var isLegal = false

        enum Piece: Equatable {
            case literal(String)
            /// "%n": the counter of level n - 1.
            case number(Int)
        }

        static func pieces(of text: String) -> [Piece] {
            var pieces: [Piece] = []
            var literal = ""
            var scalars = text.unicodeScalars.prefix(ListNumbering.maxLevelText).makeIterator()
            while let scalar = scalars.next() {
                guard scalar == "%" else {
                    literal.unicodeScalars.append(scalar)
                    continue
                }
                guard let next = scalars.next() else { break }
                guard let digit = Int(String(next)), digit >= 1, digit <= ListNumbering.levelCount else {
                    literal.unicodeScalars.append(scalar)
                    literal.unicodeScalars.append(next)
                    continue
                }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.number(digit - 1))
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            return pieces
        }
    }

    struct Instance {
        var abstractId: Int?
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    struct Style {
        var basedOn: String?
        var numId: Int?
        var level: Int?
    }

    static let levelCount = 9
    /// Longest label text kept from `w:lvlText` (real ones are a few characters).
    static let maxLevelText = 32

    var abstracts: [Int: [Int: Level]] = [:]
    var instances: [Int: Instance] = [:]
    var styles: [String: Style] = [:]
    var defaultStyle: String?

    /// Counters per abstract list: Word continues a list across `w:num`s that share it.
    private var counters: [Int: [Int?]] = [:]
    private var usedInstances: Set<Int> = []

    /// The label for a paragraph, advancing the counters; nil when it is not
    /// numbered or shows no number (bullets).
    mutating func label(numId directNumId: Int?, level directLevel: Int?, styleId: String?) -> String? {
        var numId = directNumId
        var level = directLevel
        var listStyle: String?
        var style = styleId ?? defaultStyle
        var hops = 0
        while let id = style, hops < 16, numId == nil || level == nil {
            guard let definition = styles[id] else { break }
            if numId == nil, let styleNumId = definition.numId {
                numId = styleNumId
                listStyle = id
            }
            if level == nil, directNumId == nil, let styleLevel = definition.level { level = styleLevel }
            style = definition.basedOn
            hops += 1
        }
        guard let numId, numId > 0, let instance = instances[numId],
              let abstractId = instance.abstractId, let levels = abstracts[abstractId] else { return nil }
        if level == nil, let listStyle {
            level = levels.first(where: { $0.value.styleId == listStyle })?.key
        }
        let index = max(0, min(Self.levelCount - 1, level ?? 0))
        func definition(_ i: Int) -> Level? { instance.levelOverrides[i] ?? levels[i] }
        func start(_ i: Int) -> Int { instance.startOverrides[i] ?? definition(i)?.start ?? 0 }
        guard let current = definition(index) else { return nil }

        var values = counters[abstractId] ?? [Int?](repeating: nil, count: Self.levelCount)
        if usedInstances.insert(numId).inserted {
            // A w:num that overrides a start restarts its list there when first used.
            let overridden = Set(instance.startOverrides.keys).union(instance.levelOverrides.keys)
            if let lowest = overridden.filter({ $0 >= 0 && $0 < Self.levelCount }).min() {
                for i in lowest..<Self.levelCount { values[i] = nil }
            }
        }
        values[index] = values[index].map { $0 &+ 1 } ?? start(index)
        for deeper in (index + 1)..<Self.levelCount {
            if let restart = definition(deeper)?.restart {
                if restart > 0 && index < restart { values[deeper] = nil }
            } else {
                values[deeper] = nil
            }
        }
        counters[abstractId] = values

        if current.format == "bullet" { return nil }
        var label = ""
        for piece in current.pieces {
            switch piece {
            case .literal(let text):
                label += text
            case .number(let referenced):
                let value = values[referenced] ?? start(referenced)
                let format = current.isLegal && referenced < index ? "decimal" : (definition(referenced)?.format ?? "decimal")
                label += ListNumberFormat.render(value, format: format == "bullet" ? "none" : format)
            }
        }
        return label
    }
}
