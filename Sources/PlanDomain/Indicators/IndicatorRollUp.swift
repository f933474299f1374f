/// Roll-up of one indicator along the jurisdiction tree (county → city → province).
///
/// Counts and amounts sum over jurisdictions; ratios and growth rates are
/// recomputed from their numerator and denominator, never averaged: a city's
/// R&D intensity is the sum of its counties' R&D spending over the sum of their
/// GDP. At every place the value used upwards is the place's own figure when it
/// has one, else what its children give, so a city that entered its own total
/// passes that total up even when its counties' figures are incomplete.
public enum IndicatorRollUp {
    /// Relative tolerance for a mismatch: 0.5 % of the larger magnitude, at
    /// least 1e-9. Statistics bureaus round published totals and ratios, so a
    /// city's 2.43 % against 2.4312 % computed is not a disagreement.
    public static let tolerance: Double = 0.005

    /// Rows for `root` and everything under it (subtree order). `definitions` by code (for components);
    /// `definition` itself is used for its own code. `lastYear` figures are used only for growth indicators.
    ///
    /// A code missing from `definitions` is taken as it stands at each place
    /// (never summed): summing something of unknown kind could add up percentages.
    public static func rows(for definition: IndicatorDefinition, definitions: [String: IndicatorDefinition],
                            figures: IndicatorFigures, lastYear: IndicatorFigures = .init(),
                            tree: JurisdictionTree, root: String) -> [RollUpRow] {
        var known = definitions
        known[definition.code] = definition
        var engine = RollUpEngine(definitions: known, figures: figures, lastYear: lastYear, tree: tree)
        var rows: [RollUpRow] = []
        for (node, depth) in tree.subtree(of: root) {
            let own = figures[definition.code, node.code]
            let fromChildren = engine.fromChildren(definition.code, at: node.code, lastYear: false)
            let children = tree.children(of: node.code)
            var withValue = 0
            for child in children where engine.effective(definition.code, at: child.code, lastYear: false) != nil {
                withValue += 1
            }
            rows.append(RollUpRow(code: node.code, name: node.name, depth: depth, own: own, fromChildren: fromChildren,
                                  effective: own ?? fromChildren, childrenWithValue: withValue,
                                  childrenCount: children.count, mismatch: mismatch(own: own, fromChildren: fromChildren)))
        }
        return rows
    }

    /// The effective value of one indicator at one place (same rules, recursive, memoised per call).
    public static func effective(_ code: String, at jurisdiction: String, definitions: [String: IndicatorDefinition],
                                 figures: IndicatorFigures, lastYear: IndicatorFigures = .init(),
                                 tree: JurisdictionTree) -> Double? {
        var engine = RollUpEngine(definitions: definitions, figures: figures, lastYear: lastYear, tree: tree)
        return engine.effective(code, at: jurisdiction, lastYear: false)
    }

    /// A mismatch when both values are known and differ by more than `tolerance`
    /// of the larger magnitude (and more than 1e-9).
    public static func mismatch(own: Double?, fromChildren: Double?) -> Mismatch? {
        guard let own, let fromChildren else { return nil }
        let allowed = Swift.max(tolerance * Swift.max(abs(own), abs(fromChildren)), 1e-9)
        return abs(fromChildren - own) > allowed ? Mismatch(own: own, fromChildren: fromChildren) : nil
    }
}

/// The recursion behind `IndicatorRollUp`, memoised per (code, place, year) so a
/// province page computes each value once however many ratios share a part.
struct RollUpEngine {
    let definitions: [String: IndicatorDefinition]
    let figures: IndicatorFigures
    let lastYear: IndicatorFigures
    let tree: JurisdictionTree
    private var memo: [Key: Double?] = [:]
    private var visiting: Set<Key> = []

    private struct Key: Hashable {
        var code: String
        var place: String
        var lastYear: Bool
    }

    init(definitions: [String: IndicatorDefinition], figures: IndicatorFigures, lastYear: IndicatorFigures,
         tree: JurisdictionTree) {
        self.definitions = definitions
        self.figures = figures
        self.lastYear = lastYear
        self.tree = tree
    }

    /// own ?? fromChildren. A definition that refers to itself, directly or
    /// through its parts, or a tree with a parent cycle, stops at the own figure
    /// where the cycle closes.
    mutating func effective(_ code: String, at place: String, lastYear: Bool) -> Double? {
        let key = Key(code: code, place: place, lastYear: lastYear)
        if let known = memo[key] { return known }
        let own = (lastYear ? self.lastYear : figures)[code, place]
        guard visiting.insert(key).inserted else { return own }
        let value = own ?? fromChildren(code, at: place, lastYear: lastYear)
        visiting.remove(key)
        memo[key] = .some(value)
        return value
    }

    /// What the place's children (for sums) or the place's parts (for ratios
    /// and growth) give; nil when nothing does.
    mutating func fromChildren(_ code: String, at place: String, lastYear: Bool) -> Double? {
        guard let definition = definitions[code], definition.kind.isAdditive || definition.isComposite else { return nil }
        switch definition.kind {
        case .count, .amount:
            var sum = 0.0
            var any = false
            for child in tree.children(of: place) {
                if let value = effective(code, at: child.code, lastYear: lastYear) {
                    sum += value
                    any = true
                }
            }
            return any ? sum : nil
        case .ratio:
            guard let numerator = definition.numerator, let denominator = definition.denominator,
                  let top = effective(numerator, at: place, lastYear: lastYear),
                  let bottom = effective(denominator, at: place, lastYear: lastYear), bottom != 0
            else { return nil }
            return finite(top / bottom * definition.scale)
        case .growth:
            // Last year's growth would need the year before; only its own figure counts.
            guard !lastYear, let numerator = definition.numerator,
                  let now = effective(numerator, at: place, lastYear: false),
                  let before = effective(numerator, at: place, lastYear: true), before != 0
            else { return nil }
            return finite((now / before - 1) * 100)
        }
    }

    private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
