/// A numbered heading found in the text and the lines it owns.
struct OutlineNode {
    var id: String
    var label: OutlineLabel
    var level: Int
    var parent: Int?
    /// The heading line and, after it, the unnumbered lines up to the next node.
    var firstLine: Int
    var lastLine: Int
    var hasChildren = false
}

/// Builds the node tree from line labels.
///
/// Levels come from the order in which styles open, as a reader sees them: a
/// style already open closes everything below it; a new style nests under the
/// current node unless convention puts it higher (（一） after 1. closes 1.).
/// A label is accepted only when its number continues a sequence, either under
/// its parent or through the whole document (numbering that runs on), so a
/// line of prose that happens to start with "3、" does not become a node.
enum OutlineBuilder {
    static func build(_ src: SourceText, lines range: Range<Int>) -> [OutlineNode] {
        var nodes: [OutlineNode] = []
        var stack: [Int] = []  // indices into nodes, top = innermost open node
        var lastUnderParent: [ParentStyle: Int] = [:]
        var lastAnywhere: [LabelStyle: Int] = [:]

        for i in range where src.isContent(i) {
            let row = src.tableRows[i]
            guard let label = row.map({ TableLayout.label(src.t, src.lines[i], $0) }) ?? LabelReader.read(src.t, src.lines[i]) else {
                if let top = stack.last { nodes[top].lastLine = i }
                continue
            }
            // Where would this label sit? Pop to the open node of the same style,
            // or to the first node that convention allows as its parent.
            var depth = stack.count
            if let k = stack.firstIndex(where: { nodes[$0].label.style == label.style }) {
                depth = k
            } else {
                while depth > 0, nodes[stack[depth - 1]].label.style.rank >= label.style.rank { depth -= 1 }
            }
            let parent = depth > 0 ? stack[depth - 1] : nil
            let key = ParentStyle(parent: parent ?? -1, style: label.style)
            // A document that starts at 二、 (an excerpt) still has an outline.
            let opensDocument = nodes.isEmpty && label.style.rank <= LabelStyle.hanComma.rank
            let continues =
                label.number == 1 || opensDocument
                || isNext(label.number, after: lastUnderParent[key])
                || isNext(label.number, after: lastAnywhere[label.style])
            guard continues else {
                if let top = stack.last { nodes[top].lastLine = i }
                continue
            }
            lastUnderParent[key] = label.number
            lastAnywhere[label.style] = label.number
            stack.removeSubrange(depth...)
            let id = parent.map { nodes[$0].id + "/" + label.text } ?? label.text
            if let p = parent { nodes[p].hasChildren = true }
            nodes.append(OutlineNode(id: id, label: label, level: depth + 1, parent: parent, firstLine: i, lastLine: i))
            stack.append(nodes.count - 1)
        }
        return nodes
    }

    /// The next number, or one skipped (a typo in the printed numbering).
    private static func isNext(_ n: Int, after last: Int?) -> Bool {
        guard let last else { return false }
        return n == last + 1 || n == last + 2
    }

    private struct ParentStyle: Hashable {
        var parent: Int
        var style: LabelStyle
    }
}
