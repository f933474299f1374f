import PlanDomain
import Plot

/// 指标目录: every indicator with its unit, kind and how it aggregates; an
/// office adds its own.
enum CataloguePage {
    struct Model {
        var definitions: [IndicatorDefinition]
        var custom: Set<String>
        var canAdd: Bool
        /// The place whose pages the codes link to.
        var home: String
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "指标目录"),
                H.paragraph("数量、金额按地区相加汇总；比率、增长率由分子分母重新计算，不取平均。基础数据（地区生产总值、企业法人数等）用于综合考评和按人口、经济规模比较。", class: "hint"),
            ]
            let groups: [(String, [IndicatorDefinition])] = [
                ("计划指标", model.definitions.filter { !$0.isBase && !$0.code.hasPrefix("eval.") && !model.custom.contains($0.code) }),
                ("综合考评指标", model.definitions.filter { $0.code.hasPrefix("eval.") }),
                ("基础数据", model.definitions.filter(\.isBase)),
                ("自定义指标", model.definitions.filter { model.custom.contains($0.code) }),
            ]
            for (title, list) in groups where !list.isEmpty {
                body.append(H.heading(2, title))
                body.append(H.table(headers: ["代码", "名称", "单位", "类型", "汇总方式", ""], rows: list.map { d in [
                    H.code([.text(d.code)]), .text(d.name), .text(d.unit), .text(d.kind.title), .text(aggregation(d)),
                    H.link(SitePath.placeIndicatorPage(model.home, d.code).path, "查看"),
                ] }, class: "grid catalogue"))
            }
            if model.canAdd {
                body.append(H.heading(2, "新增指标"))
                body.append(H.form(SitePath.addIndicator.path, class: "indicator-form", [
                    H.input("code", label: "代码（英文，如 custom.patents）", required: true),
                    H.input("name", label: "名称", required: true),
                    H.input("unit", label: "单位"),
                    H.select("kind", label: "类型", options: IndicatorKind.allCases.map { ($0.rawValue, $0.title) }, selected: "count"),
                    H.input("numerator", label: "分子指标代码（比率、增长率可填）"),
                    H.input("denominator", label: "分母指标代码（比率可填）"),
                    H.input("scale", label: "倍数（% 填 100，每万填 10000）"),
                    H.button("新增"),
                ]))
            }
            return Layout.page("指标目录", context, body)
        }

        func aggregation(_ d: IndicatorDefinition) -> String {
            if d.kind.isAdditive { return "相加" }
            if let n = d.numerator, let m = d.denominator { return "\(n) ÷ \(m)" + (d.scale == 1 ? "" : " × \(Format.number(d.scale))") }
            if d.kind == .growth, let n = d.numerator { return "\(n) 同比" }
            return "不汇总"
        }
    }
}
