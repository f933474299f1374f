extension Bulletin {
    /// 各地对比: how each place (县市区, 开发区 …) stands on the same measures,
    /// ranked, as a 季度通报 shows it right after the indicators. The measures
    /// are the table's own (新增高企, 技术合同成交额 …), so the app decides them;
    /// every cell is display text.
    public struct PlaceTable: Sendable, Equatable, Codable {
        /// A sentence printed above the table: how the places are ranked, the
        /// date of the figures. Empty prints nothing.
        public var note: String
        /// The measures, between 地区 and 综合完成率.
        public var columns: [String]
        public var rows: [PlaceRow]

        public init(note: String = "", columns: [String], rows: [PlaceRow]) {
            self.note = note
            self.columns = columns
            self.rows = rows
        }

        /// The header row: 名次, 地区, the measures, 综合完成率.
        public var header: [String] { Columns.places(columns) }

        /// The rows as printed, one cell per header column: a row with fewer
        /// cells than measures is padded (and one with more cut), so its
        /// 综合完成率 stays under its header.
        public var printedRows: [[String]] {
            rows.map { row in
                let cells = Array(row.cells.prefix(columns.count))
                    + Array(repeating: "", count: max(0, columns.count - row.cells.count))
                return [row.rank.map(String.init) ?? "", row.place] + cells + [row.score]
            }
        }
    }

    public struct PlaceRow: Sendable, Equatable, Codable {
        /// nil for a row that is not ranked, such as 全市 or a place without figures.
        public var rank: Int?
        public var place: String
        /// One per measure of the table, in its order: "85%", "12家", "—".
        public var cells: [String]
        /// 综合完成率: "86.5%".
        public var score: String

        public init(rank: Int?, place: String, cells: [String], score: String) {
            self.rank = rank
            self.place = place
            self.cells = cells
            self.score = score
        }
    }
}
