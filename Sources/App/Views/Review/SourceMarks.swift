import Foundation
import Plot

/// The document text with what was recognised marked where it was printed:
/// node titles, unit names and targets, each with an anchor the structure
/// side links to.
enum SourceMarks {
    struct Mark {
        var start: Int
        var end: Int
        var kind: String
        var anchor: String?
    }

    static func render(text: String, marks: [Mark]) -> [Body] {
        let scalars = Array(text.unicodeScalars)
        var owner = [Int](repeating: -1, count: scalars.count)
        // Later kinds win where marks overlap: a target inside a title shows as a target.
        let order = ["node", "unit", "target"]
        let sorted = marks.enumerated().sorted { (order.firstIndex(of: $0.element.kind) ?? 0) < (order.firstIndex(of: $1.element.kind) ?? 0) }
        for (index, mark) in sorted {
            let start = max(0, min(mark.start, scalars.count)), end = max(start, min(mark.end, scalars.count))
            for i in start..<end { owner[i] = index }
        }
        var nodes: [Body] = []
        var anchored = Set<Int>()
        var i = 0
        while i < scalars.count {
            let current = owner[i]
            var j = i
            while j < scalars.count && owner[j] == current { j += 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[i..<j])
            let text = String(piece)
            if current < 0 {
                nodes.append(.text(text))
            } else {
                let mark = marks[current]
                let anchor = anchored.insert(current).inserted ? mark.anchor : nil
                nodes.append(H.mark([.class("hl-\(mark.kind)"), .id(anchor)], [.text(text)]))
            }
            i = j
        }
        return nodes
    }

    /// Every place a unit name of a node is printed inside that node's text.
    static func unitMarks(name: String, in scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Mark] {
        let needle = Array(name.unicodeScalars)
        guard !needle.isEmpty, start >= 0, end <= scalars.count, end - start >= needle.count else { return [] }
        var found: [Mark] = []
        var i = start
        while i + needle.count <= end {
            if scalars[i] == needle[0] && Array(scalars[i..<(i + needle.count)]) == needle {
                found.append(Mark(start: i, end: i + needle.count, kind: "unit", anchor: nil))
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }
}
