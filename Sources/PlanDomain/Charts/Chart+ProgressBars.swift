extension Chart {
    /// Rows of labelled progress bars (section or unit → percent 0…100, optional colour per row).
    ///
    /// Percents are clamped to 0…100; a NaN percent shows "—" and no bar. Rows
    /// with a note are taller, the note small under the bar. No rows: `noData`.
    public static func progressBars(rows: [ProgressRow], width: Int = 480) -> String {
        let width = SVG.clampSize(width)
        guard !rows.isEmpty else { return noData(width: width) }
        let pad = 8.0
        let labelWidth = min(160, Double(width) * 0.3), valueWidth = 48.0
        let barLeft = pad + labelWidth, barRight = Double(width) - pad - valueWidth
        let barWidth = barRight - barLeft
        let hasNotes = rows.contains { !SVG.flatten($0.note).isEmpty }
        let rowHeight = hasNotes ? 36.0 : 24.0
        let height = Int(2 * pad + rowHeight * Double(rows.count))

        let summary = rows.map { SVG.flatten($0.label) + shown($0.percent) }.joined(separator: "，")
        var svg = SVG.open(width: width, height: height, label: "完成进度：" + summary)
        for (i, row) in rows.enumerated() {
            let top = pad + rowHeight * Double(i)
            let label = SVG.flatten(row.label), note = SVG.flatten(row.note)
            let value = shown(row.percent)
            svg += "<g><title>" + SVG.escape(label + " " + value + (note.isEmpty ? "" : "：" + note)) + "</title>"
            svg += SVG.text(SVG.fit(label, maxWidth: labelWidth - 8, size: 12), x: pad, y: top + 14, full: label)
            svg += SVG.rect(x: barLeft, y: top + 5, width: barWidth, height: 12, fill: ChartPalette.track,
                            extra: #" rx="2""#)
            if let percent = clamped(row.percent), percent > 0 {
                svg += SVG.rect(x: barLeft, y: top + 5, width: barWidth * percent / 100, height: 12,
                                fill: SVG.colour(row.colour), extra: #" rx="2""#)
            }
            svg += SVG.text(value, x: Double(width) - pad, y: top + 15, anchor: "end", size: 12)
            if !note.isEmpty {
                svg += SVG.text(SVG.fit(note, maxWidth: barRight - barLeft + valueWidth, size: 11), x: barLeft,
                                y: top + 29, size: 11, fill: ChartPalette.muted, full: note)
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// 0…100, nil for NaN.
    static func clamped(_ percent: Double) -> Double? {
        percent.isNaN ? nil : min(max(percent, 0), 100)
    }

    /// "62.5%", or "—" for NaN.
    private static func shown(_ percent: Double) -> String {
        clamped(percent).map { SVG.number($0) + "%" } ?? "—"
    }
}
