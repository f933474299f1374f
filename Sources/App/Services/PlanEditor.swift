import Fluent
import Foundation
import PlanText

/// Every change to a plan goes through here: in one transaction, and, once the
/// plan is published, as a new version recording who, when and what.
enum PlanEditor {
    static func edit(
        _ plan: PlanRecord, by account: Account, summary: String, on db: any Database,
        _ change: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        try await db.writeTransaction { tx in
            try await change(tx)
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
        let snapshot = String(decoding: PlanStore.plan(of: loaded).jsonData(), as: UTF8.self)
        try await PlanVersion(
            planID: try plan.requireID(), version: plan.version, accountID: account.id,
            accountName: account.displayName, summary: summary, snapshot: snapshot
        ).create(on: db)
    }

    /// Puts positions, path keys, levels and task flags back in step with the
    /// tree after a node was added, removed or moved.
    static func renumber(planID: UUID, on db: any Database) async throws {
        let nodes = try await NodeRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        var childrenOf: [UUID?: [NodeRecord]] = [:]
        for node in nodes { childrenOf[node.parentID, default: []].append(node) }
        var position = 0
        func walk(_ parent: UUID?, prefix: String, level: Int) {
            for node in childrenOf[parent] ?? [] {
                node.position = position
                position += 1
                node.key = prefix.isEmpty ? node.label : prefix + "/" + node.label
                node.level = level
                node.isTask = (childrenOf[node.id] ?? []).isEmpty
                walk(node.id, prefix: node.key, level: level + 1)
            }
        }
        walk(nil, prefix: "", level: 1)
        for node in nodes where node.hasChanges {
            try await node.save(on: db)
        }
    }
}
