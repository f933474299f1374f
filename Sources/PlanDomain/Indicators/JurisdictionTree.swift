/// One administrative division (行政区划) in a roll-up: a province, city or county.
public struct JurisdictionNode: Sendable, Equatable {
    /// GB/T 2260 code, e.g. 421300 随州市, 421381 广水市.
    public var code: String
    public var name: String
    /// The code of the division above; nil for the top of the tree.
    public var parent: String?

    public init(code: String, name: String, parent: String? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
    }
}

/// Jurisdictions as a tree (province → cities → counties), built once so
/// a roll-up page asks for children without scanning every division.
///
/// The tree is built from whatever divisions an office has: a parent that
/// is not in the list (the province above a city-only install) makes the
/// node a root rather than dropping it. A code given twice keeps its first
/// node. A parent cycle is cut where a walk would revisit a node.
public struct JurisdictionTree: Sendable {
    private let nodesByCode: [String: JurisdictionNode]
    private let childrenByCode: [String: [JurisdictionNode]]
    /// The nodes without a known parent, in code order.
    public let roots: [JurisdictionNode]

    /// Unknown parents are treated as roots.
    public init(_ nodes: [JurisdictionNode]) {
        var byCode: [String: JurisdictionNode] = [:]
        var ordered: [JurisdictionNode] = []
        for node in nodes where byCode[node.code] == nil {
            byCode[node.code] = node
            ordered.append(node)
        }
        var children: [String: [JurisdictionNode]] = [:]
        var roots: [JurisdictionNode] = []
        for node in ordered {
            if let parent = node.parent, parent != node.code, byCode[parent] != nil {
                children[parent, default: []].append(node)
            } else {
                roots.append(node)
            }
        }
        nodesByCode = byCode
        childrenByCode = children.mapValues { $0.sorted { $0.code < $1.code } }
        self.roots = roots.sorted { $0.code < $1.code }
    }

    public func node(_ code: String) -> JurisdictionNode? { nodesByCode[code] }

    /// The divisions directly under `code`, in code order.
    public func children(of code: String) -> [JurisdictionNode] { childrenByCode[code] ?? [] }

    /// The code and everything under it, depth-first, parents before children, with depth (0 for `code`).
    /// Empty when `code` is not in the tree.
    public func subtree(of code: String) -> [(node: JurisdictionNode, depth: Int)] {
        guard let root = nodesByCode[code] else { return [] }
        var out: [(node: JurisdictionNode, depth: Int)] = []
        var seen: Set<String> = []
        var stack = [(node: root, depth: 0)]
        while let next = stack.popLast() {
            guard seen.insert(next.node.code).inserted else { continue }
            out.append(next)
            for child in children(of: next.node.code).reversed() { stack.append((child, next.depth + 1)) }
        }
        return out
    }
}
