/// One worksheet part (`<sheetData><row><c>`) read into rows of cell text.
///
/// Only cells that hold a value count against the limits: real files carry
/// formatted but empty rows and cells far below and right of the data.
struct SheetReader {
    let sharedStrings: [String]
    let styles: CellStyles
    let limits: SheetLimits
    /// Cells (with gap fillers) the workbook may still produce.
    private(set) var cellsLeft: Int

    init(sharedStrings: [String], styles: CellStyles, limits: SheetLimits, cellsLeft: Int) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.limits = limits
        self.cellsLeft = cellsLeft
    }

    private struct Cell {
        var type = ""
        var style = 0
        var value: [UInt8] = []
        var inline: String?
    }

    mutating func rows(_ bytes: [UInt8]) throws(PlanTextError) -> [[String]] {
        var xml = XMLTokenizer(bytes)
        var rows: [[String]] = []
        var row = -1
        var column = -1
        var cell: Cell?
        var inValue = false
        var inline = TextCollector(item: "is")
        while let event = try xml.next() {
            if cell != nil, inline.isInside || (event == .start && isNamed(xml, "is")) {
                if let text = inline.take(event, &xml) { cell?.inline = text }
                continue
            }
            switch event {
            case .start:
                if isNamed(xml, "row") {
                    row = attribute(xml, "r").flatMap { Int($0) }.map { $0 - 1 } ?? row + 1
                    column = -1
                } else if isNamed(xml, "c") {
                    let reference = attribute(xml, "r").flatMap(CellReference.init)
                    column = reference?.column ?? column + 1
                    if let r = reference?.row { row = r }
                    cell = Cell(type: attribute(xml, "t") ?? "", style: attribute(xml, "s").flatMap { Int($0) } ?? 0)
                } else if cell != nil, isNamed(xml, "v") {
                    inValue = true
                }
            case .end:
                if isNamed(xml, "v") {
                    inValue = false
                } else if isNamed(xml, "c"), let done = cell {
                    cell = nil
                    let text = try self.text(of: done)
                    if !text.isEmpty { try place(text, row: row, column: column, in: &rows) }
                }
            case .text:
                if inValue { xml.appendText(to: &cell!.value) }
            }
        }
        return rows
    }

    private mutating func place(_ text: String, row: Int, column: Int, in rows: inout [[String]]) throws(PlanTextError) {
        guard row >= 0, row < limits.maxRows, column >= 0, column < limits.maxColumns else {
            throw .sheetTooLarge(maxRows: limits.maxRows, maxColumns: limits.maxColumns)
        }
        if row >= rows.count {
            cellsLeft -= row + 1 - rows.count
            rows += Array(repeating: [], count: row + 1 - rows.count)
        }
        if column >= rows[row].count {
            cellsLeft -= column + 1 - rows[row].count
            rows[row] += Array(repeating: "", count: column + 1 - rows[row].count)
        }
        guard cellsLeft >= 0 else { throw .sheetTooLarge(maxRows: limits.maxRows, maxColumns: limits.maxColumns) }
        rows[row][column] = text
    }

    /// The text Excel shows for a cell, format codes aside: integers without
    /// ".0", TRUE/FALSE, dates as yyyy-mm-dd when the cell's style is a date,
    /// percentages with their % sign when it is a percentage.
    private func text(of cell: Cell) throws(PlanTextError) -> String {
        let raw = String(decoding: cell.value, as: UTF8.self)
        switch cell.type {
        case "s":
            guard let index = Int(raw.trimmingSpaces), sharedStrings.indices.contains(index) else {
                throw .corruptWorkbook(reason: "单元格引用的共享字符串不存在")
            }
            return sharedStrings[index]
        case "inlineStr":
            return cell.inline ?? raw
        case "b":
            return raw.trimmingSpaces == "1" ? "TRUE" : raw.trimmingSpaces == "0" ? "FALSE" : raw
        case "n", "":
            guard let number = Double(raw.trimmingSpaces) else { return raw }
            if styles.isDate(cell.style), let date = CellStyles.date(serial: number) { return date }
            // As the cell shows it: 0.024 in a 0.0% cell is "2.4%". Rounded
            // to 9 decimals, so 0.024 × 100 is 2.4, not 2.4000000000000004.
            if styles.isPercent(cell.style), number.isFinite, abs(number) < 1e6 {
                return Self.format((number * 100 * 1e9).rounded() / 1e9) + "%"
            }
            return Self.format(number)
        default:
            // "str" (a formula's text), "e" (#N/A …) and "d" (ISO dates) as stored.
            return raw
        }
    }

    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private func isNamed(_ xml: XMLTokenizer, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { xml.split(xml.name).local.elementsEqual($0) }
    }

    private func attribute(_ xml: XMLTokenizer, _ name: StaticString) -> String? {
        for attribute in xml.attributes {
            let (prefix, local) = xml.split(attribute.name)
            if prefix.isEmpty, name.withUTF8Buffer({ local.elementsEqual($0) }) { return xml.value(attribute) }
        }
        return nil
    }
}

/// `C12` → column 2, row 11 (both from 0). Absolute markers (`$C$12`) are allowed.
struct CellReference {
    var column: Int
    var row: Int?

    init?(_ text: String) {
        var column = 0
        var letters = 0
        var digits = 0
        var row = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A where digits == 0, 0x61...0x7A where digits == 0:
                letters += 1
                // Past three letters (XFD) it is not a reference; stop before overflow.
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(scalar.value & 0x1F)
            case 0x30...0x39 where letters > 0:
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(scalar.value - 0x30)
            default:
                return nil
            }
        }
        guard letters > 0 else { return nil }
        self.column = column - 1
        self.row = digits > 0 && row > 0 ? row - 1 : nil
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.properties.isWhitespace }.map { scalars.index(after: $0) } ?? start
        return Substring(scalars[start..<max(start, end)])
    }
}
