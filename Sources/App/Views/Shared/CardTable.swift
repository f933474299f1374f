import Plot

extension H {
    /// A table that turns into cards at phone width: each cell carries its
    /// column's header (`data-label`), which the stylesheet prints before the
    /// value once the columns no longer fit (≤ 640 px), so a 390 px screen shows
    /// whole rows as cards instead of columns one character wide. Empty cells
    /// are left out of the card.
    static func cardTable(headers: [String], rows: [[Body]], class className: String = "grid") -> Body {
        div(class: "table-wrap cards-wrap", [
            table(class: className + " cards", [
                thead([tr(headers.map { th([.scope("col")], [.text($0)]) })]),
                tbody(rows.map { cells in
                    tr(zip(headers, cells).map { header, cell in
                        td([.data("label", header.isEmpty ? nil : header)], [cell])
                    })
                }),
            ]),
        ])
    }
}
