import Foundation

extension Chart {
    /// The plot area of `targetLine` in a 320×160 box: month 1 at x 34, a
    /// month every 25 units, value 0 at y 136 and the top of the scale at y 24.
    enum TargetLineFrame {
        static let width = 320, height = 160
        static let left = 34.0, right = 309.0, top = 24.0, bottom = 136.0

        static func x(_ month: Int) -> Double { left + (right - left) * Double(month) / 11 }

        static func y(_ value: Double, max: Double) -> Double { bottom - (bottom - top) * value / max }
    }

    /// Actual against expected for one numeric target across the year: x = months 1…12,
    /// y = value; a dashed line for the expected path (expected[i] per month end), a solid
    /// line with dots for actuals known so far, a horizontal line for the year target,
    /// axis labels (1月…12月), a <title> for accessibility, width×height fixed (320×160).
    ///
    /// `projected`, when given, is the year-end value forecast after each month
    /// (an indicator's pace), drawn dotted in amber.
    ///
    /// Values that are not finite are left out, negative ones drawn at 0; months
    /// beyond the twelfth are ignored and missing ones are gaps.
    public static func targetLine(title: String, unit: String, target: Double, expected: [Double],
                                  actual: [Double?], projected: [Double?] = []) -> String {
        typealias F = TargetLineFrame
        let expected = (0..<12).map { $0 < expected.count ? clean(expected[$0]) : nil }
        let actual = (0..<12).map { $0 < actual.count ? actual[$0].flatMap(clean) : nil }
        let projected = (0..<12).map { $0 < projected.count ? projected[$0].flatMap(clean) : nil }
        let target = clean(target)
        let values = expected.compactMap { $0 } + actual.compactMap { $0 } + projected.compactMap { $0 } + [target].compactMap { $0 }
        let top = niceCeiling(values.max() ?? 0)
        func point(_ month: Int, _ value: Double) -> (Double, Double) { (F.x(month), F.y(value, max: top)) }
        func points(_ values: [Double?]) -> [(Double, Double)?] {
            values.enumerated().map { month, value in value.map { point(month, $0) } }
        }

        var svg = SVG.open(width: F.width, height: F.height, label: description(title, unit, target, expected, actual, projected))
        let heading = SVG.flatten(title) + (SVG.flatten(unit).isEmpty ? "" : "（" + SVG.flatten(unit) + "）")
        svg += SVG.text(SVG.fit(heading, maxWidth: Double(F.width) - 16, size: 12), x: 8, y: 15, bold: true,
                        full: heading)
        for tick in [0, 0.5, 1.0] {
            let y = F.y(top * tick, max: top)
            svg += SVG.line(x1: F.left, y1: y, x2: F.right, y2: y, stroke: tick == 0 ? ChartPalette.muted : ChartPalette.grid)
            svg += SVG.text(SVG.compact(top * tick), x: F.left - 4, y: y + 3, anchor: "end", size: 11,
                            fill: ChartPalette.muted)
        }
        for month in 0..<12 {
            svg += SVG.text("\(month + 1)月", x: F.x(month), y: F.bottom + 14, anchor: "middle", size: 11,
                            fill: ChartPalette.muted)
        }
        if values.isEmpty {
            svg += SVG.text("暂无数据", x: (F.left + F.right) / 2, y: (F.top + F.bottom) / 2 + 4, anchor: "middle",
                            fill: ChartPalette.muted)
        }
        if let target {
            let y = F.y(target, max: top)
            svg += SVG.line(x1: F.left, y1: y, x2: F.right, y2: y, stroke: ChartPalette.red, extra: #" stroke-width="1""#)
            svg += SVG.text("目标 " + SVG.compact(target), x: F.right, y: y - 3, anchor: "end", size: 11,
                            fill: ChartPalette.red)
        }
        if let d = path(points(expected)) {
            svg += #"<path d="\#(d)" fill="none" stroke="\#(ChartPalette.grey)" stroke-width="1.5" stroke-dasharray="4 3"/>"#
        }
        if let d = path(points(projected)) {
            svg += #"<path d="\#(d)" fill="none" stroke="\#(ChartPalette.amber)" stroke-width="1.5" stroke-dasharray="1 3" data-series="projected"/>"#
        }
        if let d = path(points(actual)) {
            svg += #"<path d="\#(d)" fill="none" stroke="\#(ChartPalette.blue)" stroke-width="2"/>"#
        }
        for (month, value) in actual.enumerated() {
            guard let value else { continue }
            let (x, y) = point(month, value)
            svg += #"<circle cx="\#(SVG.number(x))" cy="\#(SVG.number(y))" r="2.5" fill="\#(ChartPalette.blue)">"#
                + "<title>\(month + 1)月 " + SVG.escape(SVG.number(value) + SVG.flatten(unit)) + "</title></circle>"
        }
        return svg + "</svg>"
    }

    /// A value to draw: finite, at least 0, at most `SVG.largest`.
    static func clean(_ value: Double) -> Double? {
        value.isFinite ? min(max(value, 0), SVG.largest) : nil
    }

    /// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ not below
    /// `value`; 1 for nothing above 0.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let base = pow(10, floor(log10(value)))
        for step in [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * base >= value * (1 - 1e-9) {
            return step * base
        }
        return 10 * base
    }

    /// Path data through the points; a missing point breaks the line, and a
    /// stretch of a single point draws nothing (the dots show it). Nil when
    /// nothing would be drawn.
    static func path(_ points: [(Double, Double)?]) -> String? {
        var d = "", run: [(Double, Double)] = []
        func flush() {
            if run.count > 1 {
                d += run.enumerated().map { ($0 == 0 ? "M" : "L") + SVG.number($1.0) + " " + SVG.number($1.1) }.joined()
            }
            run = []
        }
        for point in points {
            if let point { run.append(point) } else { flush() }
        }
        flush()
        return d.isEmpty ? nil : d
    }

    /// 新增高新技术企业（家）：年度目标20；3月实际8，序时进度5.
    private static func description(_ title: String, _ unit: String, _ target: Double?, _ expected: [Double?],
                                    _ actual: [Double?], _ projected: [Double?]) -> String {
        let unit = SVG.flatten(unit)
        var out = SVG.flatten(title) + "："
        out += target.map { "年度目标" + SVG.number($0) + unit } ?? "无年度目标"
        if let month = actual.lastIndex(where: { $0 != nil }), let value = actual[month] {
            out += "；\(month + 1)月实际" + SVG.number(value) + unit
            if let plan = expected[month] { out += "，序时进度" + SVG.number(plan) + unit }
        } else {
            out += "；暂无实际数据"
        }
        if let last = projected.last(where: { $0 != nil }), let value = last {
            out += "；按目前进度预计全年" + SVG.number(value) + unit
        }
        return out
    }
}
