/// Pieces of SpreadsheetML written by hand: escaped text, cell references and
/// inline-string cells. Inline strings keep each cell's text next to its
/// position, so the sheet part needs no shared string table kept in step.
enum SpreadsheetXML {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Text escaped for element content or a double-quoted attribute. Characters
    /// XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped: one of
    /// them would make Excel refuse the whole file.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // A raw CR would be read back as LF; a reference keeps it.
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Column letters from a 0-based index: 0 → A, 7 → H, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// `A1`-style reference of a 0-based column and 1-based row.
    static func reference(column index: Int, row: Int) -> String { column(index) + String(row) }

    /// A cell holding `text` as an inline string in `style`; a styled empty cell
    /// when the text is empty (so borders and fills still show).
    static func cell(_ text: String, column: Int, row: Int, style: CellStyle) -> String {
        let ref = reference(column: column, row: row)
        guard !text.isEmpty else { return #"<c r="\#(ref)" s="\#(style.rawValue)"/>"# }
        return #"<c r="\#(ref)" s="\#(style.rawValue)" t="inlineStr"><is><t xml:space="preserve">"#
            + escape(text) + "</t></is></c>"
    }

    static func row(_ number: Int, cells: [String], height: Int? = nil) -> String {
        let size = height.map { #" ht="\#($0)" customHeight="1""# } ?? ""
        return #"<row r="\#(number)"\#(size)>"# + cells.joined() + "</row>"
    }

    /// `<cols>` for the given widths in characters.
    static func columns(_ widths: [Double]) -> String {
        var out = "<cols>"
        for (i, width) in widths.enumerated() {
            out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
        }
        return out + "</cols>"
    }
}

/// Cell formats (`cellXfs` indices) of `WorkbookParts.styles`.
enum CellStyle: Int {
    case plain = 0
    case title = 1
    case header = 2
    case data = 3
    case group = 4
}
