import PlanText

/// The header row of a table typed by hand: somewhere near the top (offices
/// put a title, a subtitle, a date line or two above it), its columns in any
/// order, each named the way that office names it.
enum SheetHeader {
    /// Rows searched for the header.
    static let searchRows = 10

    /// Header text without blanks, line breaks and bracketed notes, so 序 号,
    /// 牵头单位\n（部门）, 数值（家） and 完成时限： still read.
    static func normalized(_ header: String) -> String {
        var out = ""
        var depth = 0
        for c in header {
            switch c {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "：", ":", "*", "＊": continue
            default:
                if depth == 0, !c.isWhitespace { out.append(c) }
            }
        }
        return out
    }

    /// The first row among the first `searchRows` whose named columns satisfy
    /// `isHeader`, with each column's index (the first of two alike).
    /// `column` names the column a header cell stands for, nil for none.
    static func find<Column: Hashable>(
        in sheet: Sheet, column: (String) -> Column?, isHeader: ([Column: Int]) -> Bool
    ) -> (row: Int, columns: [Column: Int])? {
        for (index, cells) in sheet.rows.prefix(searchRows).enumerated() {
            var columns: [Column: Int] = [:]
            for (k, text) in cells.enumerated() {
                if let named = column(text), columns[named] == nil { columns[named] = k }
            }
            if isHeader(columns) { return (index, columns) }
        }
        return nil
    }
}
