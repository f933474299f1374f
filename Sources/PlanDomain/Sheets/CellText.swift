/// Text as one spreadsheet cell keeps it. Cells are joined and split on fixed
/// marks (units on "、", targets on line breaks), so text that goes into a cell
/// is cleaned first: otherwise a value would come back as two, or not at all.
enum CellText {
    /// Marks a unit or leader list is split on when read from a cell.
    static let nameSeparators: Set<Character> = ["、", "，", ",", "；", ";", "\n", "\r", "\r\n"]

    /// One line: control characters (forbidden in XML 1.0, or line breaks that
    /// would split it) become spaces, runs of blanks one space, ends trimmed.
    static func line(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func optional(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = line(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Names as a list cell gives them back: each split where it holds a
    /// separator, cleaned, empty ones dropped.
    static func names(_ names: [String]) -> [String] {
        names.flatMap(split)
    }

    static func split(_ cell: String) -> [String] {
        cell.split(whereSeparator: { nameSeparators.contains($0) }).map { line(String($0)) }.filter { !$0.isEmpty }
    }

    static func lines(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { line(String($0)) }
            .filter { !$0.isEmpty }
    }
}
