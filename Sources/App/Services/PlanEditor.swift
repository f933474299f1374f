import Fluent
import Foundation
import PlanDomain
import PlanText

/// Every change to a plan goes through here: in one transaction, and, once the
/// plan is published, as a new version recording who, when and what.
enum PlanEditor {
    static func edit(
        _ plan: PlanRecord, by account: Account, summary: String, on db: any Database,
        _ change: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        try await editSaying(plan, by: account, summary: summary, on: db) { tx -> [String] in
            try await change(tx)
            return []
        }
    }

    /// As above, for a change that says what it changed (编号、权重 …): the
    /// audit line and the version summary name it after the summary.
    static func editSaying(
        _ plan: PlanRecord, by account: Account, summary: String, on db: any Database,
        _ change: @escaping @Sendable (any Database) async throws -> [String]
    ) async throws {
        try await db.writeTransaction { tx in
            let said = try await change(tx)
            let summary = said.isEmpty ? summary : summary + "：" + said.joined(separator: "；")
            // Drafts are audited too: 等保 asks for every change, not only published ones.
            try await Audit.record(account, "plan.edit", entity: "plan", id: try plan.requireID(),
                                   after: "\(plan.displayTitle)：\(summary)", on: tx)
            if plan.status == .draft {
                try await plan.save(on: tx)
            } else {
                plan.version += 1
                try await plan.save(on: tx)
                try await recordVersion(of: plan, by: account, summary: summary, on: tx)
            }
        }
    }

    static func recordVersion(of plan: PlanRecord, by account: Account, summary: String, on db: any Database) async throws {
        let loaded = try await PlanStore.load(plan, on: db)
        let snapshot = try versionSnapshot(loaded)
        try await PlanVersion(
            planID: try plan.requireID(), version: plan.version, accountID: account.id,
            accountName: account.displayName, summary: summary, snapshot: snapshot
        ).create(on: db)
    }

    /// A version as kept: the plan in the corpus schema (`Plan.jsonData`),
    /// plus `weights`, the office's weights by node path, which that schema
    /// has no place for (absent when every weight is the default).
    static func versionSnapshot(_ loaded: PlanStore.Loaded) throws -> String {
        let planJSON = PlanStore.plan(of: loaded).jsonData()
        let weights = Dictionary(loaded.nodes.compactMap { node in node.weight.map { (node.key, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !weights.isEmpty, var object = try JSONSerialization.jsonObject(with: planJSON) as? [String: Any] else {
            return String(decoding: planJSON, as: UTF8.self)
        }
        object["weights"] = weights
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Puts positions, path keys, levels and task flags back in step with the
    /// tree after a node was added, removed or moved.
    static func renumber(planID: UUID, on db: any Database) async throws {
        let nodes = try await NodeRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        let numbered = nodes.outline.numbered()
        for node in nodes {
            guard let id = node.id, let n = numbered[id] else { continue }
            if node.position != n.position { node.position = n.position }
            if node.key != n.key { node.key = n.key }
            if node.level != n.level { node.level = n.level }
            if node.isTask != n.isTask { node.isTask = n.isTask }
        }
        for node in nodes where node.hasChanges {
            try await node.save(on: db)
        }
    }
}

extension Array where Element == NodeRecord {
    /// The nodes as PlanDomain's `Outline` reads them.
    var outline: Outline {
        Outline(compactMap { node in node.id.map { Outline.Entry(id: $0, parent: node.parentID, position: node.position, label: node.label) } })
    }
}
