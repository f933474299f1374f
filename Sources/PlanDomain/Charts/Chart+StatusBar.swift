extension Chart {
    /// Horizontal stacked bar of counts by status (e.g. 已完成/正常/滞后/风险/逾期/暂无数据)
    /// with colours given per segment, legend below; width fixed, height grows with rows.
    ///
    /// Negative counts count as 0. With no segments at all the chart is `noData`;
    /// with only zeros the bar is an empty grey track saying 暂无数据, legend kept.
    public static func statusBar(segments: [Segment], width: Int = 480) -> String {
        let width = SVG.clampSize(width)
        guard !segments.isEmpty else { return noData(width: width) }
        let pad = 8.0, barTop = 8.0, barHeight = 22.0, legendRow = 18.0, legendSize = 11.0
        let right = Double(width) - pad
        let counts = segments.map { max(0, $0.count) }
        let total = counts.reduce(0) { $0 &+ $1 }
        let labels = segments.map { SVG.flatten($0.label) }

        // Legend first: its rows decide the height.
        var legend: [(x: Double, row: Int, text: String, full: String, colour: String)] = []
        var x = pad, row = 0
        for (i, segment) in segments.enumerated() {
            let full = labels[i] + " " + String(counts[i])
            let text = SVG.fit(full, maxWidth: right - pad - 14, size: legendSize)
            let itemWidth = 14 + SVG.width(text, size: legendSize)
            if x > pad, x + itemWidth > right {
                x = pad
                row += 1
            }
            legend.append((x, row, text, full, SVG.colour(segment.colour)))
            x += itemWidth + 12
        }
        let legendTop = barTop + barHeight + 8
        let height = Int(legendTop + Double(row + 1) * legendRow + 2)

        let parts = zip(labels, counts).map { "\($0)\($1)" }.joined(separator: "，")
        var svg = SVG.open(width: width, height: height, label: "状态分布：" + parts + "；合计\(total)")
        if total == 0 {
            svg += SVG.rect(x: pad, y: barTop, width: right - pad, height: barHeight, fill: ChartPalette.track)
            svg += SVG.text("暂无数据", x: Double(width) / 2, y: barTop + 15, anchor: "middle", fill: ChartPalette.muted)
        } else {
            // Edges from running sums, each rounded once, so neighbours meet exactly.
            var before = 0
            func edge(_ count: Int) -> Double {
                Double(SVG.number(pad + (right - pad) * Double(count) / Double(total))) ?? pad
            }
            for (i, segment) in segments.enumerated() where counts[i] > 0 {
                let start = edge(before), end = edge(before + counts[i])
                before += counts[i]
                let share = SVG.number(Double(counts[i]) * 100 / Double(total))
                svg += #"<rect x="\#(SVG.number(start))" y="\#(SVG.number(barTop))" width="\#(SVG.number(end - start))""#
                    + #" height="\#(SVG.number(barHeight))" fill="\#(SVG.colour(segment.colour))">"#
                    + "<title>" + SVG.escape("\(labels[i]) \(counts[i])（\(share)%）") + "</title></rect>"
                let figure = String(counts[i])
                if end - start >= SVG.width(figure, size: 11) + 6 {
                    svg += SVG.text(figure, x: (start + end) / 2, y: barTop + 15, anchor: "middle", size: 11,
                                    fill: ChartPalette.text(on: SVG.colour(segment.colour)))
                }
            }
        }
        for item in legend {
            let y = legendTop + Double(item.row) * legendRow
            svg += SVG.rect(x: item.x, y: y + 2, width: 10, height: 10, fill: item.colour)
            svg += SVG.text(item.text, x: item.x + 14, y: y + 11, size: legendSize, full: item.full)
        }
        return svg + "</svg>"
    }
}
