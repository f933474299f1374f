import Foundation

/// Unit groups (单位组): a name a plan prints for many units at once — 各镇办,
/// 各县市区人民政府, 市直各相关部门, 经济开发区 — with the units it stands for,
/// as the office listed them once for its place and reuses across plans. A
/// task naming a group is the task of each member: each reports, each is
/// judged, and the group's figures roll up from them (`GroupProgress`).
public struct UnitGroups: Sendable, Equatable {
    private var membersByKey: [String: [UUID]]

    public init(_ groups: [(name: String, members: [UUID])]) {
        var byKey: [String: [UUID]] = [:]
        for group in groups { byKey[Self.key(group.name)] = group.members }
        membersByKey = byKey
    }

    public static let none = UnitGroups([])

    /// The members of the group a plan names, nil when no group has that
    /// name. Spaces and the width of brackets do not matter: 各县（市、区）
    /// and 各县(市、区) are one group.
    public func members(of name: String) -> [UUID]? {
        membersByKey[Self.key(name)]
    }

    public static func key(_ name: String) -> String {
        String(name.unicodeScalars.compactMap { scalar -> Character? in
            if CharacterSet.whitespacesAndNewlines.contains(scalar) { return nil }
            switch scalar {
            case "(": return "（"
            case ")": return "）"
            default: return Character(scalar)
            }
        })
    }
}

/// How a group stands on a task in a period: how many members handed in,
/// the mean of their percentages (a group is as far as its members on
/// average; the task itself stays as far as its slowest unit), and who has
/// not reported.
public struct GroupProgress: Sendable, Equatable {
    public var members: Int
    public var handedIn: Int
    /// Mean percentage (0…100) of the members that gave one.
    public var meanPercent: Double?
    /// Members with nothing handed in, in the group's order.
    public var silent: [String]

    public init(members: [(name: String, handedIn: Bool, percent: Double?)]) {
        self.members = members.count
        handedIn = members.filter(\.handedIn).count
        let percents = members.compactMap(\.percent)
        meanPercent = percents.isEmpty ? nil : percents.reduce(0, +) / Double(percents.count)
        silent = members.filter { !$0.handedIn }.map(\.name)
    }
}
