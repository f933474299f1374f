import Fluent
import Foundation
import PlanText

extension PlanStore {
    /// Brings a plan's stored structure in line with `plan` (read from a task
    /// breakdown workbook), matching nodes by their number path (`二/（一）/1`)
    /// and targets by node and order, and changing them in place. Reports,
    /// timelines and closures hang on node ids, so a node that stays keeps
    /// them. A node or target that has reports would be lost with it: the
    /// update is refused instead, naming them. Source positions of matched
    /// rows are kept (a workbook has none), so the review page still marks them.
    static func mergeStructure(of planID: UUID, with plan: Plan, jurisdictionCode: String, on db: any Database) async throws {
        let directory = try await UnitDirectory(jurisdictionCode: jurisdictionCode, on: db)
        let existing = try await NodeRecord.query(on: db).filter(\.$plan.$id == planID).all()
        let byKey = Dictionary(existing.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let incoming = Set(plan.nodes.map(\.id))
        let removed = existing.filter { !incoming.contains($0.key) }
        let removedIDs = removed.compactMap(\.id)
        if !removedIDs.isEmpty {
            let reported = Set(try await ProgressReport.query(on: db).filter(\.$node.$id ~~ removedIDs).all().map { $0.$node.id })
            if !reported.isEmpty {
                let keys = removed.filter { $0.id.map(reported.contains) ?? false }.map(\.key).sorted()
                throw AppError.conflict("分解表中缺少以下已有进展报告的任务，为免丢失报告，未做更新：\(keys.joined(separator: "、"))。")
            }
        }

        var idByKey: [String: UUID] = [:]
        for (position, node) in plan.nodes.enumerated() {
            let record: NodeRecord
            if let old = byKey[node.id] {
                record = old
            } else {
                record = NodeRecord()
                record.id = UUID()
                record.$plan.id = planID
                record.spanStart = node.span.start
                record.spanEnd = node.span.end
                record.titleStart = node.titleSpan.start
                record.titleEnd = node.titleSpan.end
            }
            let keepDeadlineSpan = byKey[node.id] != nil && record.deadlineText == node.deadline?.text
            apply(node, to: record, parentID: node.parent.flatMap { idByKey[$0] }, position: position)
            if !keepDeadlineSpan {
                record.deadlineStart = node.deadline?.span.start
                record.deadlineEnd = node.deadline?.span.end
            }
            try await record.save(on: db)
            idByKey[node.id] = try record.requireID()
        }

        try await mergeTargets(of: planID, with: plan, nodeKeys: Dictionary(existing.compactMap { n in n.id.map { ($0, n.key) } }, uniquingKeysWith: { a, _ in a }), idByKey: idByKey, on: db)

        try await Assignment.query(on: db).filter(\.$plan.$id == planID).delete()
        let rows = plan.nodes.flatMap { node in
            idByKey[node.id].map { PlanStore.assignments(of: node, planID: planID, nodeID: $0, directory: directory) } ?? []
        }
        try await createInBatches(rows, on: db)
        if !removedIDs.isEmpty {
            try await NodeRecord.query(on: db).filter(\.$id ~~ removedIDs).delete()
        }
    }

    /// Targets are matched by the node they belong to and their order under it.
    private static func mergeTargets(
        of planID: UUID, with plan: Plan, nodeKeys: [UUID: String], idByKey: [String: UUID], on db: any Database
    ) async throws {
        let existing = try await TargetRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        var oldByNode: [String: [TargetRecord]] = [:]
        for target in existing { oldByNode[target.nodeID.flatMap { nodeKeys[$0] } ?? "", default: []].append(target) }
        var used = Set<UUID>()
        var seen: [String: Int] = [:]
        for (position, target) in plan.targets.enumerated() {
            let nodeKey = target.node ?? ""
            let index = seen[nodeKey, default: 0]
            seen[nodeKey] = index + 1
            let candidates = oldByNode[nodeKey] ?? []
            let record: TargetRecord
            if index < candidates.count {
                record = candidates[index]
            } else {
                record = TargetRecord()
                record.$plan.id = planID
                record.spanStart = target.span.start
                record.spanEnd = target.span.end
            }
            apply(target, to: record, nodeID: target.node.flatMap { idByKey[$0] }, position: position)
            try await record.save(on: db)
            if let id = record.id { used.insert(id) }
        }
        let dropped = existing.compactMap(\.id).filter { !used.contains($0) }
        guard !dropped.isEmpty else { return }
        if try await ReportValue.query(on: db).filter(\.$target.$id ~~ dropped).count() > 0 {
            throw AppError.conflict("分解表删去了已有填报数值的目标，为免丢失数据，未做更新。请保留这些目标，或先在校对页处理。")
        }
        try await TargetRecord.query(on: db).filter(\.$id ~~ dropped).delete()
    }
}
