import Foundation
/// Small SVG charts for dashboards, rendered on the server: no scripts, no
/// external references, presentation attributes rather than CSS, every text
/// escaped. The same input always gives the same string: coordinates and
/// numbers carry at most one decimal.
public enum Chart {
    /// One part of a stacked status bar: 已完成 12, in `colour` ("#2e7d32").
    public struct Segment: Sendable, Equatable {
        public var label: String
        public var count: Int
        /// `#rgb` or `#rrggbb`; anything else is drawn grey.
        public var colour: String

        public init(label: String, count: Int, colour: String) {
            self.label = label
            self.count = count
            self.colour = colour
        }
    }

    /// One labelled bar: a section or a unit and its percent done (0…100).
    public struct ProgressRow: Sendable, Equatable {
        public var label: String
        public var percent: Double
        /// `#rgb` or `#rrggbb`; anything else is drawn grey.
        public var colour: String
        /// Shown small under the bar, and in the row's tooltip.
        public var note: String

        public init(label: String, percent: Double, colour: String = ChartPalette.blue, note: String = "") {
            self.label = label
            self.percent = percent
            self.colour = colour
            self.note = note
        }
    }

    /// A small grey box saying 暂无数据, for a chart with nothing to show.
    public static func noData(width: Int = 480, height: Int = 48) -> String {
        let width = SVG.clampSize(width), height = max(24, min(height, 2000))
        let label = "暂无数据"
        return SVG.open(width: width, height: height, label: label)
            + SVG.rect(x: 0.5, y: 0.5, width: Double(width) - 1, height: Double(height) - 1, fill: ChartPalette.track,
                       extra: #" stroke="\#(ChartPalette.grid)" rx="4""#)
            + SVG.text(label, x: Double(width) / 2, y: Double(height) / 2 + 4, anchor: "middle", size: 12,
                       fill: ChartPalette.muted)
            + "</svg>"
    }
}

/// The colours the charts use themselves; callers pass their own per segment or row.
public enum ChartPalette {
    public static let blue = "#2563eb"
    public static let red = "#dc2626"
    public static let grey = "#9ca3af"
    public static let amber = "#d97706"
    static let track = "#f3f4f6"
    static let grid = "#e5e7eb"
    /// 7.0:1 on the track, 7.6:1 on white (WCAG AA asks 4.5:1; #6b7280 was 4.39:1 on the track).
    static let muted = "#4b5563"
    static let ink = "#111827"

    /// White or ink, whichever reads better on `background` (#rrggbb): white
    /// figures on the amber 滞后 segment were 1.97:1.
    static func text(on background: String) -> String {
        guard let bg = luminance(background) else { return ink }
        let onWhite = 1.05 / (bg + 0.05)
        let onInk = (bg + 0.05) / ((luminance(ink) ?? 0) + 0.05)
        return onWhite >= onInk ? "#ffffff" : ink
    }

    /// WCAG 2.1 relative luminance of #rrggbb; nil for anything else.
    static func luminance(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The contrast ratio of two colours (1…21).
    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
