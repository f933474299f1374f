import PlanDomain
import Plot

enum BaseDataPage {
    struct Model {
        var place: Jurisdiction
        var year: Int
        /// The place first, then the places directly under it.
        var places: [JurisdictionNode]
        var definitions: [IndicatorDefinition]
        var figures: IndicatorFigureSet
        var canEdit: Bool
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let place = model.place.id ?? ""
            var body: [Body] = [
                H.heading(1, "\(model.place.name)基础数据"),
                PlaceTabs.tabs(place: place, year: model.year, current: .baseData, context: context),
                PlaceTabs.yearForm(SitePath.baseDataPage(place).path, year: model.year),
                H.paragraph("\(model.year)年末数（或年度数）。每次保存都留有记录，原来的数不会被覆盖；同一项有多个来源时以办公室录入为准。", class: "hint"),
            ]
            let headers = ["指标", "单位"] + model.places.map(\.name)
            let rows: [[Body]] = model.definitions.map { d in
                [.text(d.name), .text(d.unit)] + model.places.map { p -> Body in
                    let current = model.figures.chosen(d.code, p.code, upTo: 12)?.value
                    guard model.canEdit else { return .text(Figure.text(current)) }
                    return H.input([.type("text"), .inputmode("decimal"), .name("v|\(d.code)|\(p.code)"),
                                            .value(current.map(Format.number) ?? ""), .ariaLabel("\(p.name) \(d.name)"), .size(8)])
                }
            }
            let table = H.table(headers: headers, rows: rows, class: "grid base-data")
            if model.canEdit {
                body.append(H.form(SitePath.saveBaseData(place).path, class: "base-data-form", [H.hidden("year", "\(model.year)"), table, H.button("保存基础数据")]))
            } else {
                body.append(table)
            }
            return Layout.page("\(model.place.name)基础数据", context, body)
        }
    }
}
