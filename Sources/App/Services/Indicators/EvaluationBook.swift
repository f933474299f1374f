import Fluent
import Foundation
import PlanDomain

/// 综合考评 of the places directly under a place, by the place's own scheme
/// (or the built-in one): loads each item's figures for each place — an
/// indicator's value, target and last year's value as the indicator pages
/// roll them up, a task group's completion from the place's own plan of the
/// year, a manual item's figure the office entered — and hands them to
/// `EvaluationScheme.score`, which explains every point.
enum EvaluationBook {
    struct Result: Sendable {
        var place: Jurisdiction
        var year: Int
        var scheme: EvaluationScheme
        /// The place has its own scheme (imported), not the built-in one.
        var isOwn: Bool
        var places: [PlaceScore]
        /// What each place's items were scored on, by place code and item key.
        var inputs: [String: [String: ItemInput]]
        var definitions: [String: IndicatorDefinition]
    }

    /// The place's own scheme, or the built-in 随州 2025 §三(三) one.
    static func scheme(for place: String, on db: any Database) async throws -> (EvaluationScheme, isOwn: Bool) {
        if let record = try await EvaluationSchemeRecord.query(on: db).filter(\.$placeCode == place).first(), let scheme = record.decoded {
            return (scheme, true)
        }
        return (EvaluationScheme.suizhou2025, false)
    }

    static func evaluate(_ place: Jurisdiction, year: Int, on db: any Database) async throws -> Result {
        let code = try place.requireID()
        let (scheme, isOwn) = try await scheme(for: code, on: db)
        let definitions = Dictionary(try await IndicatorStore.definitions(on: db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = try await IndicatorStore.tree(under: code, on: db)
        let children = tree.children(of: code)
        let places = Set(tree.subtree(of: code).map(\.node.code))
        var codes = Set<String>()
        for item in scheme.items {
            if case .indicator(let indicator) = item.source { codes.formUnion(IndicatorStore.components(of: indicator, in: definitions)) }
        }
        let thisYear = try await IndicatorStore.figures(codes: codes, year: year, places: places, on: db)
        let lastYear = try await IndicatorStore.figures(codes: codes, year: year - 1, places: places, on: db)
        let actuals = thisYear.actuals.figures(upTo: 12), targets = thisYear.targets.figures(upTo: 12)
        let previous = lastYear.actuals.figures(upTo: 12)
        let manual = try await EvaluationInputRecord.query(on: db).filter(\.$placeCode == code).filter(\.$year == year).all()
        let groups = try await taskGroups(scheme, places: children.map(\.code), year: year, on: db)

        var inputs: [String: [String: ItemInput]] = [:]
        for child in children {
            var mine: [String: ItemInput] = [:]
            for item in scheme.items {
                switch item.source {
                case .indicator(let indicator):
                    func at(_ figures: IndicatorFigures, before: IndicatorFigures) -> Double? {
                        IndicatorRollUp.effective(indicator, at: child.code, definitions: definitions, figures: figures, lastYear: before, tree: tree)
                    }
                    mine[item.key] = ItemInput(value: at(actuals, before: previous), target: at(targets, before: previous),
                                               lastYear: at(previous, before: IndicatorFigures()))
                case .taskGroup:
                    mine[item.key] = ItemInput(value: groups[child.code]?[item.key])
                case .manual:
                    let entry = manual.first { $0.itemKey == item.key && $0.subjectCode == child.code }
                    mine[item.key] = ItemInput(value: entry?.value, target: entry?.target)
                }
            }
            inputs[child.code] = mine
        }
        let scored = scheme.score(children.map { PlaceInputs(code: $0.code, name: $0.name, inputs: inputs[$0.code] ?? [:]) })
        return Result(place: place, year: year, scheme: scheme, isOwn: isOwn, places: scored, inputs: inputs, definitions: definitions)
    }

    /// A task group's value for a place: the progress (0…1) of the section
    /// with the item's outline key in the place's own published plan of the
    /// year; nil when it has none.
    static func taskGroups(_ scheme: EvaluationScheme, places: [String], year: Int, on db: any Database) async throws -> [String: [String: Double]] {
        let keys = scheme.items.compactMap { item -> (String, String)? in
            if case .taskGroup(let key) = item.source { return (item.key, key) }
            return nil
        }
        guard !keys.isEmpty, !places.isEmpty else { return [:] }
        var result: [String: [String: Double]] = [:]
        let plans = try await PlanRecord.query(on: db).filter(\.$jurisdictionCode ~~ places).filter(\.$status == .published)
            .filter(\.$year == year).all()
        for plan in plans {
            let inputs = try await StandingInputs.load(plan, on: db)
            let yearEnd = CivilDate(year: year, month: 12, day: 31)
            let standing = try PlanStanding(inputs, today: yearEnd, now: yearEnd.startOfDay(in: .shanghai))
            for (itemKey, sectionKey) in keys {
                guard let node = inputs.loaded.nodes.first(where: { $0.key == sectionKey }), let id = node.id,
                      let progress = standing.rollUps[id.uuidString]?.progress else { continue }
                result[plan.jurisdictionCode, default: [:]][itemKey] = progress
            }
        }
        return result
    }
}
