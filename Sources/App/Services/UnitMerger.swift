import Fluent
import Foundation
import PlanDomain

/// Merges one unit into another of the same place (`UnitMerge` decides what
/// would be said twice): in one transaction every row that names the merged
/// unit — assignments, accounts, reports, task events, reminders, 督办单,
/// assessment scores, aliases — is moved to the kept unit, the merged unit's
/// name becomes an alias of the kept one, the merged unit is deleted, and the
/// audit trail gets one `unit.merge` line. Refused whole, in Chinese, when
/// both units reported on the same task and period, or were both scored on
/// the same assessment item.
enum UnitMerger {
    static func merge(_ mergedID: UUID, into keptID: UUID, by account: Account, on db: any Database) async throws -> String {
        guard let kept = try await Unit.find(keptID, on: db), let merged = try await Unit.find(mergedID, on: db) else {
            throw AppError.badRequest("要合并的单位不存在，请刷新页面后再试。")
        }
        if let reason = UnitMerge.refusal(kept: (keptID, kept.jurisdictionCode), merged: (mergedID, merged.jurisdictionCode)) {
            throw AppError.badRequest(reason)
        }
        return try await db.transaction { tx in
            // Reports: one per task, unit and period.
            func keys(_ unit: UUID) async throws -> [UnitMerge.ReportKey] {
                try await ProgressReport.query(on: tx).filter(\.$unit.$id == unit).all().map { .init(node: $0.$node.id, period: $0.period) }
            }
            let clashes = UnitMerge.conflicts(kept: try await keys(keptID), merged: try await keys(mergedID))
            if !clashes.isEmpty {
                var titles: [String] = []
                for clash in clashes.prefix(5) {
                    let node = try await NodeRecord.find(clash.node, on: tx)
                    titles.append("\(node.map { "\($0.key) \($0.title)" } ?? "任务")（\(clash.period)）")
                }
                throw AppError.badRequest(
                    "“\(merged.name)”和“\(kept.name)”在同一任务同一期次都有报告，共 \(clashes.count) 处：\(titles.joined(separator: "；"))"
                    + (clashes.count > 5 ? " 等" : "") + "。请先退回并删除其中一份，再合并。")
            }
            // Assessment scores: one per place, year, unit and item.
            let keptScores = Set(try await AssessmentScoreRecord.query(on: tx).filter(\.$unitID == keptID).all().map { "\($0.jurisdictionCode)|\($0.year)|\($0.itemID)" })
            let mergedScores = try await AssessmentScoreRecord.query(on: tx).filter(\.$unitID == mergedID).all()
            if mergedScores.contains(where: { keptScores.contains("\($0.jurisdictionCode)|\($0.year)|\($0.itemID)") }) {
                throw AppError.badRequest("“\(merged.name)”和“\(kept.name)”在同一年度的年终考核中都有得分，请先删除其中一方的得分，再合并。")
            }
            // Assignments the kept unit already holds go; the rest move.
            let keptRoles = try await Assignment.query(on: tx).filter(\.$unit.$id == keptID).all()
                .map { UnitMerge.AssignmentKey(node: $0.$node.id, role: $0.role.rawValue) }
            let mergedRoles = try await Assignment.query(on: tx).filter(\.$unit.$id == mergedID).all()
                .compactMap { a in a.id.map { (id: $0, key: UnitMerge.AssignmentKey(node: a.$node.id, role: a.role.rawValue)) } }
            let redundant = UnitMerge.redundant(kept: keptRoles, merged: mergedRoles)
            if !redundant.isEmpty { try await Assignment.query(on: tx).filter(\.$id ~~ redundant).delete() }
            try await Assignment.query(on: tx).set(\.$unit.$id, to: keptID).filter(\.$unit.$id == mergedID).update()
            try await Account.query(on: tx).set(\.$unit.$id, to: keptID).filter(\.$unit.$id == mergedID).update()
            try await ProgressReport.query(on: tx).set(\.$unit.$id, to: keptID).filter(\.$unit.$id == mergedID).update()
            try await TaskEvent.query(on: tx).set(\.$unitID, to: keptID).filter(\.$unitID == mergedID).update()
            try await EscalationRecord.query(on: tx).set(\.$unitID, to: keptID).filter(\.$unitID == mergedID).update()
            try await SupervisionNotice.query(on: tx).set(\.$unit.$id, to: keptID).filter(\.$unit.$id == mergedID).update()
            try await AssessmentScoreRecord.query(on: tx).set(\.$unitID, to: keptID).filter(\.$unitID == mergedID).update()
            try await UnitAlias.query(on: tx).set(\.$unit.$id, to: keptID).filter(\.$unit.$id == mergedID).update()
            try await merged.delete(on: tx)
            // The merged name now finds the kept unit in later imports.
            if try await UnitAlias.query(on: tx).filter(\.$jurisdictionCode == kept.jurisdictionCode).filter(\.$alias == merged.name).first() == nil {
                try await UnitAlias(unitID: keptID, alias: merged.name, jurisdictionCode: kept.jurisdictionCode).create(on: tx)
            }
            try await Audit.record(account, "unit.merge", entity: "unit", id: keptID,
                                   before: "\(merged.name)（\(mergedID.uuidString)）", after: "并入 \(kept.name)", on: tx)
            return "已把“\(merged.name)”合并到“\(kept.name)”：其任务、报告和账号都归“\(kept.name)”，原名称记为别名。"
        }
    }
}
