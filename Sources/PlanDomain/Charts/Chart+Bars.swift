/// The inputs of `Chart.groupedBars`.
extension Chart {
    /// One series of a grouped bar chart: a year, drawn in `colour` in every group.
    public struct BarSeries: Sendable, Equatable {
        public var label: String
        /// `#rgb` or `#rrggbb`; anything else is drawn grey.
        public var colour: String

        public init(label: String, colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    /// One bar: its value (nil when unknown: a dash, no bar) and an optional
    /// marker drawn across it in red (the target, or 100 % for attainment).
    public struct Bar: Sendable, Equatable {
        public var value: Double?
        public var marker: Double?

        public init(value: Double?, marker: Double? = nil) {
            self.value = value
            self.marker = marker
        }
    }

    /// One group of bars: a place, with one bar per series in series order (missing ones count as unknown).
    public struct BarGroup: Sendable, Equatable {
        public var label: String
        public var bars: [Bar]

        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }
}
