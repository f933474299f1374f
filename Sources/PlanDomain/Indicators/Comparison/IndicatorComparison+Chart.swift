/// What a comparison chart shows for each place and year.
public enum ComparisonMeasure: String, CaseIterable, Sendable {
    case actual, target, attainment, perGDP, perCapita

    public var title: String {
        switch self {
        case .actual: "实际值"
        case .target: "目标值"
        case .attainment: "完成率"
        case .perGDP: "每亿元GDP"
        case .perCapita: "每万人"
        }
    }
}

extension IndicatorComparison {
    /// Years drawn from the newest back: blue for the newest, paler for earlier ones.
    static let yearColours = [ChartPalette.blue, "#60a5fa", "#93c5fd", "#bfdbfe", ChartPalette.grey]

    /// A grouped bar chart of one measure: a group per place (in the order the
    /// places first appear), a bar per year (oldest first). Actuals carry
    /// their target as a red marker, attainment (in %) a marker at 100 %.
    /// A measure not computed for this indicator draws every bar as unknown.
    public func chart(_ measure: ComparisonMeasure, width: Int = 480) -> String {
        let years = Array(Set(rows.map(\.year))).sorted()
        var places: [(code: String, name: String)] = []
        for row in rows where !places.contains(where: { $0.code == row.placeCode }) {
            places.append((row.placeCode, row.placeName))
        }
        var byKey: [String: [Int: ComparisonRow]] = [:]
        for row in rows { byKey[row.placeCode, default: [:]][row.year] = row }
        let series = years.enumerated().map { index, year in
            let fromNewest = years.count - 1 - index
            return Chart.BarSeries(label: "\(year)年", colour: Self.yearColours[min(fromNewest, Self.yearColours.count - 1)])
        }
        let groups = places.map { place in
            Chart.BarGroup(label: place.name, bars: years.map { year in
                byKey[place.code]?[year].map { bar($0, measure) } ?? Chart.Bar(value: nil)
            })
        }
        return Chart.groupedBars(title: definition.name + " · " + measure.title, unit: unit(measure), series: series,
                                 groups: groups, width: width)
    }

    public func unit(_ measure: ComparisonMeasure) -> String {
        switch measure {
        case .actual, .target: definition.unit
        case .attainment: "%"
        case .perGDP: perGDPUnit
        case .perCapita: perCapitaUnit
        }
    }

    private func bar(_ row: ComparisonRow, _ measure: ComparisonMeasure) -> Chart.Bar {
        switch measure {
        case .actual: Chart.Bar(value: row.actual, marker: row.target)
        case .target: Chart.Bar(value: row.target)
        case .attainment: Chart.Bar(value: row.attainment.value.map { $0 * 100 }, marker: row.attainment.value == nil ? nil : 100)
        case .perGDP: Chart.Bar(value: row.perGDP.value)
        case .perCapita: Chart.Bar(value: row.perCapita.value)
        }
    }
}
