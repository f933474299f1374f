import PlanDomain
import Plot

/// The links between the indicator pages of one place.
enum PlaceTabs {
    enum Tab { case overview, baseData, importValues, assessment, evaluation }

    /// 导入实际值 only for whom may change the place's figures (a leader reads, and would get 403).
    static func tabs(place: String, year: Int, current: Tab?, context: PageContext) -> Body {
        let canEdit = context.account.map { Access.coversPlace($0, place, editing: true) } ?? false
        let all: [(Tab, String, String)] = [
            (.overview, "指标总览", SitePath.placeIndicatorsPage(place).path),
            (.baseData, "基础数据", SitePath.baseDataPage(place).path),
            (.importValues, "导入实际值", SitePath.valuesImportPage(place).path),
            (.assessment, "年终考核", SitePath.assessmentPage(place).path),
            (.evaluation, "综合考评", SitePath.evaluationPage(place).path),
        ]
        let items = all.filter { $0.0 != .importValues || canEdit }
        return H.nav(class: "tabs", items.map { tab, title, path in
            H.link(path + "?year=\(year)", title, class: tab == current ? "tab current" : "tab")
        } + [H.link(SitePath.indicatorsPage.path, "指标目录", class: "tab")])
    }

    /// 年度 switcher for a page taking `?year=`.
    static func yearForm(_ action: String, year: Int, extra: [Body] = []) -> Body {
        H.getForm(action, class: "inline filters", [
            H.input("year", value: "\(year)", type: "number", label: "年度", extra: [.min(2000), .max(2100)]),
        ] + extra + [H.button("查看", class: "button secondary small")])
    }
}

enum Figure {
    /// A value with its unit, or a dash; counts (家, 项 …) as whole numbers.
    static func text(_ value: Double?, _ unit: String = "") -> String {
        amount(value, of: unit) + (value?.isFinite == true ? unit : "")
    }

    /// The number alone, formatted for a figure in `unit`.
    static func amount(_ value: Double?, of unit: String) -> String {
        guard let value, value.isFinite else { return "—" }
        return Format.number((CountUnit.shown(value, unit: unit) * 100).rounded() / 100)
    }
}
