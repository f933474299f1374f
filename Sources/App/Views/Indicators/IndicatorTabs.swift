import Plot

/// The links between the indicator pages of one place.
enum PlaceTabs {
    enum Tab { case overview, baseData, importValues, assessment, evaluation }

    static func tabs(place: String, year: Int, current: Tab?) -> Body {
        let items: [(Tab, String, String)] = [
            (.overview, "指标总览", SiteRoute.placeIndicatorsPage.path(place)),
            (.baseData, "基础数据", SiteRoute.baseDataPage.path(place)),
            (.importValues, "导入实际值", SiteRoute.valuesImportPage.path(place)),
            (.assessment, "年终考核", SiteRoute.assessmentPage.path(place)),
            (.evaluation, "综合考评", SiteRoute.evaluationPage.path(place)),
        ]
        return H.el("nav", class: "tabs", items.map { tab, title, path in
            H.link(path + "?year=\(year)", title, class: tab == current ? "tab current" : "tab")
        } + [H.link(SiteRoute.indicatorsPage.path(), "指标目录", class: "tab")])
    }

    /// 年度 switcher for a page taking `?year=`.
    static func yearForm(_ action: String, year: Int, extra: [Body] = []) -> Body {
        H.getForm(action, class: "inline filters", [
            H.input("year", value: "\(year)", type: "number", label: "年度", extra: [("min", "2000"), ("max", "2100")]),
        ] + extra + [H.button("查看", class: "button secondary small")])
    }
}

enum Figure {
    /// A value with its unit, or a dash.
    static func text(_ value: Double?, _ unit: String = "") -> String {
        guard let value, value.isFinite else { return "—" }
        return Format.number((value * 100).rounded() / 100) + unit
    }
}
