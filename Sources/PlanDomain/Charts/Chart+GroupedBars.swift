extension Chart {
    /// Vertical bars by group (places along x) and series (a bar per year in
    /// each group), a legend of the series below; `width` given, height 222 plus
    /// 18 per extra legend row.
    ///
    /// The scale runs from 0 (or below, when a value is negative: a growth rate
    /// can fall) to the next round number above the largest value or marker.
    /// Values that are not finite are unknown. Every bar has a tooltip with its
    /// group, series, value and marker. No groups or no series: `noData`.
    public static func groupedBars(title: String, unit: String, series: [BarSeries], groups: [BarGroup],
                                   width: Int = 480) -> String {
        let width = SVG.clampSize(width)
        guard !series.isEmpty, !groups.isEmpty else { return noData(width: width) }
        typealias F = GroupedBarsFrame
        let right = Double(width) - F.pad
        let unitText = SVG.flatten(unit)
        let seriesLabels = series.map { SVG.flatten($0.label) }
        let bars = groups.map { group in
            (0..<series.count).map { i in
                i < group.bars.count
                    ? Bar(value: group.bars[i].value.flatMap(finite), marker: group.bars[i].marker.flatMap(finite))
                    : Bar(value: nil)
            }
        }
        let values = bars.flatMap { $0.flatMap { [$0.value, $0.marker].compactMap { $0 } } }
        let scale = F.Scale(values)

        // The legend first: its rows decide the height.
        var legend: [(x: Double, row: Int, text: String, full: String, colour: String)] = []
        var x = F.pad, row = 0
        for (i, item) in series.enumerated() {
            let text = SVG.fit(seriesLabels[i], maxWidth: right - F.pad - 14, size: 11)
            let itemWidth = 14 + SVG.width(text, size: 11)
            if x > F.pad, x + itemWidth > right {
                x = F.pad
                row += 1
            }
            legend.append((x, row, text, seriesLabels[i], SVG.colour(item.colour)))
            x += itemWidth + 12
        }
        let height = Int(F.legendTop + Double(row + 1) * 18 + 2)

        let heading = SVG.flatten(title) + (unitText.isEmpty ? "" : "（" + unitText + "）")
        var svg = SVG.open(width: width, height: height,
                           label: description(heading, seriesLabels, groups: groups, bars: bars))
        svg += SVG.text(SVG.fit(heading, maxWidth: Double(width) - 2 * F.pad, size: 12), x: F.pad, y: 15, bold: true,
                        full: heading)
        for tick in scale.ticks {
            let y = scale.y(tick)
            svg += SVG.line(x1: F.left, y1: y, x2: right, y2: y, stroke: tick == 0 ? ChartPalette.muted : ChartPalette.grid)
            svg += SVG.text(tickText(tick), x: F.left - 4, y: y + 3, anchor: "end", size: 11, fill: ChartPalette.muted)
        }
        if values.isEmpty {
            svg += SVG.text("暂无数据", x: (F.left + right) / 2, y: (F.top + F.bottom) / 2 + 4, anchor: "middle",
                            fill: ChartPalette.muted)
        }
        let groupWidth = (right - F.left) / Double(groups.count)
        let barWidth = min(F.widestBar, groupWidth * 0.8 / Double(series.count))
        for (g, group) in groups.enumerated() {
            let label = SVG.flatten(group.label)
            let first = F.left + groupWidth * Double(g) + (groupWidth - barWidth * Double(series.count)) / 2
            svg += "<g>"
            for (i, bar) in bars[g].enumerated() {
                let x = first + barWidth * Double(i)
                let tip = label + " " + seriesLabels[i] + "：" + valueText(bar.value, unitText)
                    + (bar.marker.map { "（目标 " + valueText($0, unitText) + "）" } ?? "")
                guard let value = bar.value else {
                    svg += SVG.text("—", x: x + barWidth / 2, y: scale.y(0) - 3, anchor: "middle", size: 11,
                                    fill: ChartPalette.muted)
                    continue
                }
                let top = scale.y(max(value, 0)), bottom = scale.y(min(value, 0))
                svg += #"<rect x="\#(SVG.number(x))" y="\#(SVG.number(top))" width="\#(SVG.number(barWidth))""#
                    + #" height="\#(SVG.number(bottom - top))" fill="\#(SVG.colour(series[i].colour))">"#
                    + "<title>" + SVG.escape(tip) + "</title></rect>"
                if let marker = bar.marker {
                    svg += SVG.line(x1: x, y1: scale.y(marker), x2: x + barWidth, y2: scale.y(marker),
                                    stroke: ChartPalette.red, extra: #" stroke-width="1.5""#)
                }
            }
            svg += SVG.text(SVG.fit(label, maxWidth: groupWidth - 4, size: 11), x: F.left + groupWidth * (Double(g) + 0.5),
                            y: F.bottom + 14, anchor: "middle", size: 11, full: label)
            svg += "</g>"
        }
        for item in legend {
            let y = F.legendTop + Double(item.row) * 18
            svg += SVG.rect(x: item.x, y: y + 2, width: 10, height: 10, fill: item.colour)
            svg += SVG.text(item.text, x: item.x + 14, y: y + 11, size: 11, full: item.full)
        }
        return svg + "</svg>"
    }

    /// The plot area of `groupedBars`: value axis labels left of x 48, bars
    /// from y 28 to 180, group labels under it, the legend from y 202.
    enum GroupedBarsFrame {
        static let pad = 8.0, left = 48.0, top = 28.0, bottom = 180.0, legendTop = 202.0
        static let widestBar = 32.0

        /// From `low` (0, or a round number below the lowest value) to `high`.
        struct Scale {
            var low: Double
            var high: Double

            init(_ values: [Double]) {
                let largest = values.max() ?? 0, smallest = values.min() ?? 0
                low = smallest < 0 ? -niceCeiling(-smallest) : 0
                high = largest > 0 ? niceCeiling(largest) : (low < 0 ? 0 : 1)
            }

            func y(_ value: Double) -> Double {
                bottom - (bottom - top) * (min(max(value, low), high) - low) / (high - low)
            }

            /// The ends, 0, and half way up when nothing is below 0.
            var ticks: [Double] {
                guard low < 0 else { return [0, high / 2, high] }
                return high > 0 ? [low, 0, high] : [low, 0]
            }
        }
    }

    private static func finite(_ value: Double) -> Double? {
        value.isFinite ? min(max(value, -SVG.largest), SVG.largest) : nil
    }

    /// Axis labels: 1.2万 for large values, up to four decimals for small ones (0.025).
    private static func tickText(_ value: Double) -> String {
        abs(value) >= 1e4 ? SVG.compact(value) : IndicatorNumber.text(value)
    }

    private static func valueText(_ value: Double?, _ unit: String) -> String {
        value.map { IndicatorNumber.text($0) + unit } ?? "无数据"
    }

    /// 每万人高新技术企业数（家/万人）：广水市 2024年1.2、2025年1.5；随县 2024年无数据、2025年0.9.
    private static func description(_ heading: String, _ series: [String], groups: [BarGroup],
                                    bars: [[Bar]]) -> String {
        let parts = zip(groups, bars).map { group, bars in
            SVG.flatten(group.label) + " " + zip(series, bars).map { label, bar in
                label + valueText(bar.value, "")
            }.joined(separator: "、")
        }
        return heading + "：" + parts.joined(separator: "；")
    }
}
