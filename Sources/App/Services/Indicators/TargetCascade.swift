import Fluent
import Foundation
import PlanDomain

/// A plan target handed to the places under the plan's place (目标任务分解到
/// 县市区): each place's share is its own target figure of the target's
/// indicator for the plan's year — what its indicator pages, the roll-up and
/// the bulletins' 各地对比 already read — and its actual is read back beside it.
enum TargetCascade {
    struct View {
        var target: TargetRecord
        var code: String
        var places: [(code: String, name: String)]
        var standing: TargetSplit.Standing
    }

    /// The split of each coded target of `targets`, as of `month`; empty when
    /// the plan's place has no places under it.
    static func views(of targets: [TargetRecord], plan: PlanRecord, year: Int, month: Int, on db: any Database) async throws -> [View] {
        let coded = targets.filter { $0.indicator != nil }
        guard !coded.isEmpty else { return [] }
        let tree = try await IndicatorStore.tree(under: plan.jurisdictionCode, on: db)
        let children = tree.children(of: plan.jurisdictionCode)
        guard !children.isEmpty else { return [] }
        let definitions = Dictionary(try await IndicatorStore.definitions(on: db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = Set(coded.compactMap(\.indicator)).reduce(into: Set<String>()) { $0.formUnion(IndicatorStore.components(of: $1, in: definitions)) }
        let figures = try await IndicatorStore.figures(codes: codes, year: year, places: Set(tree.subtree(of: plan.jurisdictionCode).map(\.node.code)), on: db)
        let actuals = figures.actuals.figures(upTo: month)
        return coded.compactMap { target in
            guard let code = target.indicator else { return nil }
            let places = children.map { child in
                (place: child.code, name: child.name, share: figures.targets.chosen(code, child.code, upTo: 12)?.value,
                 actual: IndicatorRollUp.effective(code, at: child.code, definitions: definitions, figures: actuals, tree: tree))
            }
            return View(target: target, code: code, places: children.map { ($0.code, $0.name) },
                        standing: TargetSplit.standing(target: target.value, places: places))
        }
    }

    /// Writes the shares as the places' target figures (appended: earlier
    /// figures stay on record), with one audit line.
    static func split(_ target: TargetRecord, plan: PlanRecord, year: Int, fields: [String: String], by account: Account,
                      at date: Date, on db: any Database) async throws -> [TargetSplit.Share] {
        guard let code = target.indicator else {
            throw AppError.badRequest("这项目标没有对应的指标，不能分解到地区：请先在审核页为它选定指标。")
        }
        let children = try await IndicatorStore.tree(under: plan.jurisdictionCode, on: db).children(of: plan.jurisdictionCode)
        guard !children.isEmpty else { throw AppError.badRequest("本计划所属地区没有下级地区，不能分解。") }
        var shares: [TargetSplit.Share] = []
        for child in children {
            let number: Double?
            do { number = try FormNumber.read(fields["s|\(child.code)"], field: "\(child.name)的分解数") } catch {
                throw AppError.badRequest(error.description)
            }
            if let number { shares.append(TargetSplit.Share(place: child.code, name: child.name, value: number)) }
        }
        let checked: [TargetSplit.Share]
        do {
            checked = try TargetSplit.check(target: target.value, shares: shares, confirmDifference: fields["confirm"] != nil)
        } catch {
            throw AppError.badRequest(error.description)
        }
        try await db.writeTransaction { tx in
            for share in checked {
                try await IndicatorValue(code: code, jurisdiction: share.place, year: year, month: 12, measure: .target, value: share.value,
                                         source: .plan, note: "分解自《\(plan.displayTitle)》", account: account, at: date).create(on: tx)
            }
            try await Audit.record(account, "target.split", entity: "plan", id: try plan.requireID(),
                                   after: "\(target.text.prefix(60))（\(code)，\(year)年）：" + checked.map { "\($0.name) \(Format.number($0.value))" }.joined(separator: "、"),
                                   on: tx)
        }
        return checked
    }
}
