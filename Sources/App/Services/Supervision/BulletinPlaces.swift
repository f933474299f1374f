import Fluent
import Foundation
import PlanDomain

/// 各地完成情况对比 of a bulletin: the places directly under the plan's place
/// on the indicators its targets are coded with, each place's actual by the
/// bulletin's month against its own target (rolled up as its indicator page
/// shows them), ranked by `PlaceCompletion` — on the first `maxMeasures` of
/// the plan's indicators that some place has a figure of. Nil when the plan's place has
/// no places under it, its targets carry no indicator code, or no place has
/// a figure — the bulletin then leaves the part out.
enum BulletinPlaces {
    /// A bulletin page is 15 cm wide: more measures would not be legible.
    static let maxMeasures = 5

    static func table(for inputs: StandingInputs, year: Int, month: Int, on db: any Database) async throws -> Bulletin.PlaceTable? {
        let plan = inputs.loaded.record
        var seen = Set<String>()
        let codes = inputs.loaded.targets.compactMap(\.indicator).filter { seen.insert($0).inserted }
        guard !codes.isEmpty else { return nil }
        let tree = try await IndicatorStore.tree(under: plan.jurisdictionCode, on: db)
        let children = tree.children(of: plan.jurisdictionCode)
        guard !children.isEmpty else { return nil }
        let childCodes = Set(children.map(\.code))
        var measures: [(name: String, unit: String, byPlace: [String: PlaceCompletion.Figures])] = []
        // The plan's indicators in plan order that some place has a figure of:
        // a column of dashes compares nothing.
        for code in codes where measures.count < maxMeasures {
            let analysis: IndicatorAnalysis
            do {
                analysis = try await IndicatorAnalysis.make(code: code, place: plan.jurisdictionCode, year: year, month: month, seasonal: false, on: db)
            } catch let error as AppError where error.status == .notFound {
                continue   // a code no longer in the catalogue
            }
            var byPlace: [String: PlaceCompletion.Figures] = [:]
            for row in analysis.rows where childCodes.contains(row.actual.code) {
                byPlace[row.actual.code] = PlaceCompletion.Figures(actual: row.actual.effective, target: row.target.effective)
            }
            guard byPlace.values.contains(where: { $0.actual != nil }) else { continue }
            measures.append((analysis.definition.name, analysis.definition.unit, byPlace))
        }
        guard !measures.isEmpty else { return nil }
        let entries = PlaceCompletion.rank(children.map { child in
            (code: child.code, name: child.name, figures: measures.map { $0.byPlace[child.code] ?? .init(actual: nil, target: nil) })
        })
        let rows = entries.map { entry in
            let cells = zip(measures, entry.ratios).map { measure, ratio -> String in
                let actual = measure.byPlace[entry.code]?.actual
                guard actual != nil else { return "—" }
                return Figure.text(actual, measure.unit) + (ratio.map { "（\(Format.percent($0))）" } ?? "")
            }
            return Bulletin.PlaceRow(rank: entry.rank, place: entry.name, cells: cells, score: entry.mean.map(Format.percent) ?? "—")
        }
        return Bulletin.PlaceTable(
            note: "截至\(year)年\(month)月，各地实际完成值（括号内为完成率：实际 ÷ 本地目标），按各项完成率的平均数排名。",
            columns: measures.map { "\($0.name)（\($0.unit)）" }, rows: rows)
    }
}
