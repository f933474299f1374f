import Foundation

extension Bulletin {
    /// The numbers of the bulletin's chart, a clustered column chart drawn in
    /// the .docx as a native Word chart: one category per indicator, one series
    /// per measure. Numbers, not display text, because the chart is drawn from
    /// them; values are percent (40 for 40%), nil where unknown.
    public struct ChartData: Sendable, Equatable, Codable {
        public struct Series: Sendable, Equatable, Codable {
            /// The legend entry: 完成率.
            public var name: String
            /// One per category, in percent; nil where unknown. Not-finite
            /// values become nil: JSON cannot keep them and a chart cannot draw them.
            public var values: [Double?]

            public init(name: String, values: [Double?]) {
                self.name = name
                self.values = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
            }
        }

        /// 主要指标完成率.
        public var title: String
        /// The column labels, short: see `label(_:)`.
        public var categories: [String]
        public var series: [Series]

        public init(title: String = ChartData.defaultTitle, categories: [String], series: [Series]) {
            self.title = title
            self.categories = categories
            self.series = series
        }

        public static let defaultTitle = "主要指标完成率"

        /// The chart the bulletin carries: 完成率 and 预计完成率 of each
        /// indicator side by side, in percent.
        public static func completion(categories: [String], completionRates: [Double?],
                                      projectedRates: [Double?]) -> ChartData {
            ChartData(categories: categories, series: [Series(name: "完成率", values: completionRates),
                                                       Series(name: "预计完成率", values: projectedRates)])
        }

        /// A category label short enough to stand under a column: the target's
        /// text cut to 12 characters (with …), or its key when it has no text.
        public static func label(_ row: TargetRow) -> String {
            let text = row.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return row.key }
            return text.count <= 12 ? text : String(text.prefix(11)) + "…"
        }

        /// Whether there is anything to draw: a category and a value for it.
        public var isDrawable: Bool {
            !categories.isEmpty && series.contains { $0.values.prefix(categories.count).contains { $0?.isFinite == true } }
        }
    }
}
