import Foundation

/// A plan's outline as its edits see it: which node sits under which, in
/// document order. Adding, removing and moving nodes are decided here; the
/// app stores what comes out.
public struct Outline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        public var parent: UUID?
        public var position: Int
        /// The node's own number (一, （一）, 3); its key is the path of labels.
        public var label: String

        public init(id: UUID, parent: UUID?, position: Int, label: String) {
            self.id = id
            self.parent = parent
            self.position = position
            self.label = label
        }
    }

    /// Where a node stands once the outline is numbered again.
    public struct Numbering: Sendable, Equatable {
        public var position: Int
        /// Labels from the top joined by "/": "二/（一）/3".
        public var key: String
        /// 1 for the top level.
        public var level: Int
        /// A node with nothing under it is a task.
        public var isTask: Bool

        public init(position: Int, key: String, level: Int, isTask: Bool) {
            self.position = position
            self.key = key
            self.level = level
            self.isTask = isTask
        }
    }

    /// In document order.
    public private(set) var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.position < $1.position }
    }

    public func contains(_ id: UUID) -> Bool { entries.contains { $0.id == id } }

    /// A node and everything below it, in document order (children by
    /// position, depth first).
    public func block(of id: UUID) -> [UUID] {
        guard contains(id) else { return [] }
        var childrenOf: [UUID: [UUID]] = [:]
        for entry in entries { if let parent = entry.parent { childrenOf[parent, default: []].append(entry.id) } }
        var result: [UUID] = []
        var seen: Set<UUID> = []
        func walk(_ id: UUID) {
            guard seen.insert(id).inserted else { return }   // a cycle in stored data stops here
            result.append(id)
            for child in childrenOf[id] ?? [] { walk(child) }
        }
        walk(id)
        return result
    }

    /// The position a new last child of `parent` takes (the whole outline's
    /// end for a new top-level node); the nodes at or after it move down one.
    public func insertionPosition(under parent: UUID?) throws -> Int {
        guard let parent else { return (entries.map(\.position).max() ?? -1) + 1 }
        guard contains(parent) else { throw OutlineError.unknownParent }
        let inBlock = Set(block(of: parent))
        return (entries.filter { inBlock.contains($0.id) }.map(\.position).max() ?? -1) + 1
    }

    /// Swaps a node, with everything under it, with its previous (`up`) or
    /// next sibling. Returns the new position of every node that moves.
    public func move(_ id: UUID, up: Bool) throws -> [UUID: Int] {
        guard let node = entries.first(where: { $0.id == id }) else { throw OutlineError.unknownNode }
        let siblings = entries.filter { $0.parent == node.parent }
        guard let index = siblings.firstIndex(where: { $0.id == id }) else { throw OutlineError.unknownNode }
        let otherIndex = up ? index - 1 : index + 1
        guard siblings.indices.contains(otherIndex) else { throw up ? OutlineError.alreadyFirst : OutlineError.alreadyLast }
        let (first, second) = up ? (siblings[otherIndex], node) : (node, siblings[otherIndex])
        let firstBlock = block(of: first.id), secondBlock = block(of: second.id)
        let position = Dictionary(entries.map { ($0.id, $0.position) }, uniquingKeysWith: { a, _ in a })
        let start = firstBlock.compactMap { position[$0] }.min() ?? 0
        var moved: [UUID: Int] = [:]
        for (offset, id) in (secondBlock + firstBlock).enumerated() { moved[id] = start + offset }
        return moved
    }

    /// Dense pre-order positions, path keys, levels and task flags, so the
    /// stored outline stays in step with the tree after any edit. A node
    /// whose parent is missing is left out (the caller removed it with its
    /// parent).
    public func numbered() -> [UUID: Numbering] {
        var childrenOf: [UUID?: [Entry]] = [:]
        for entry in entries { childrenOf[entry.parent, default: []].append(entry) }
        var result: [UUID: Numbering] = [:]
        var position = 0
        func walk(_ parent: UUID?, prefix: String, level: Int) {
            for entry in childrenOf[parent] ?? [] where result[entry.id] == nil {
                let key = prefix.isEmpty ? entry.label : prefix + "/" + entry.label
                result[entry.id] = Numbering(position: position, key: key, level: level,
                                             isTask: (childrenOf[entry.id] ?? []).isEmpty)
                position += 1
                walk(entry.id, prefix: key, level: level + 1)
            }
        }
        walk(nil, prefix: "", level: 1)
        return result
    }

    /// Checks a new node's number and title as typed.
    public static func checkNew(label: String, title: String) throws {
        let label = label.trimmingCharacters(in: .whitespaces), title = title.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, !label.contains("/"), !title.isEmpty else { throw OutlineError.newNodeNeedsLabelAndTitle }
        guard title.count <= titleLimit, label.count <= labelLimit else { throw OutlineError.newNodeTooLong }
    }

    /// Longest title a node may have: the seed plans' longest is 126
    /// characters; a task written as a whole paragraph stays well under this,
    /// a 990,000-character "title" (seen in the attack run) does not.
    public static let titleLimit = 2_000
    public static let labelLimit = 40
}

/// Why an outline edit was refused, as the office reads it.
public enum OutlineError: Error, Equatable, CustomStringConvertible {
    case unknownParent, unknownNode, alreadyFirst, alreadyLast, newNodeNeedsLabelAndTitle, newNodeTooLong

    public var description: String {
        switch self {
        case .unknownParent: return "上级条目不存在。"
        case .unknownNode: return "条目不存在。"
        case .alreadyFirst: return "已经是同级第一条。"
        case .alreadyLast: return "已经是同级最后一条。"
        case .newNodeNeedsLabelAndTitle: return "新条目需要编号和标题（编号不能含“/”）。"
        case .newNodeTooLong: return "新条目的标题不能超过 \(Outline.titleLimit) 字，编号不能超过 \(Outline.labelLimit) 字。"
        }
    }
}
