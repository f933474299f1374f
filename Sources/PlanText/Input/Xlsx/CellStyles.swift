/// Which cell styles show a number as a date or a percentage. Offices type
/// 完成时限 as a date (2023/6/30), which the file stores as a day count; read
/// as a plain number it would become 45107. A cell showing 2.4% stores
/// 0.024; read as a plain number a ratio indicator would be 100 times too small.
struct CellStyles {
    /// Number format id of each cell style (`<cellXfs><xf numFmtId>`), by index.
    private var formats: [Int] = []
    private var dateFormats: Set<Int> = CellStyles.builtInDates
    /// Built-in 9 (0%) and 10 (0.00%), and custom codes with a % sign.
    private var percentFormats: Set<Int> = [9, 10]

    /// Built-in formats that show dates: 14–17 and 22, and the East Asian ones
    /// (27–36, 50–58: yyyy"年"m"月"d"日" and the like).
    private static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22]).union(27...36).union(50...58)

    init() {}

    init(_ bytes: [UInt8]) throws(PlanTextError) {
        var xml = XMLTokenizer(bytes)
        var inCellFormats = false
        while let event = try xml.next() {
            let local = xml.split(xml.name).local
            if event == .end, local.elementsEqual("cellXfs".utf8) { inCellFormats = false }
            guard event == .start else { continue }
            if local.elementsEqual("cellXfs".utf8) {
                inCellFormats = true
            } else if local.elementsEqual("numFmt".utf8) {
                if let id = value(xml, "numFmtId").flatMap({ Int($0) }), let code = value(xml, "formatCode") {
                    if Self.isDate(code: code) { dateFormats.insert(id) } else { dateFormats.remove(id) }
                    if Self.isPercent(code: code) { percentFormats.insert(id) } else { percentFormats.remove(id) }
                }
            } else if inCellFormats, local.elementsEqual("xf".utf8) {
                formats.append(value(xml, "numFmtId").flatMap { Int($0) } ?? 0)
            }
        }
    }

    func isDate(_ style: Int) -> Bool {
        formats.indices.contains(style) && dateFormats.contains(formats[style])
    }

    func isPercent(_ style: Int) -> Bool {
        formats.indices.contains(style) && percentFormats.contains(formats[style])
    }

    /// A format code multiplies by 100 when it has a % outside quoted text,
    /// escapes and [bracketed] parts (Excel's rule for the percent sign).
    static func isPercent(code: String) -> Bool {
        symbols(of: code).contains("%")
    }

    /// A format code shows a date when, outside quoted text, escapes and
    /// [bracketed] parts (colours, locales, elapsed time), it has y or d.
    static func isDate(code: String) -> Bool {
        symbols(of: code.lowercased()).contains { $0 == "y" || $0 == "d" }
    }

    /// The characters of a format code that are format symbols: not inside
    /// "quoted text", not escaped by a backslash, not in [brackets].
    static func symbols(of code: String) -> [Character] {
        var quoted = false
        var bracket = false
        var escaped = false
        var out: [Character] = []
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { out.append(c) }
            }
        }
        return out
    }

    /// yyyy-mm-dd of an Excel day count (1900 date system; day 60 is the
    /// 1900-02-29 that never was). Nil outside years 1900–9999.
    static func date(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if days == 60 { return "1900-02-29" }
        if days < 60 { days += 1 }
        // Days from 1970-01-01, then the civil calendar (Howard Hinnant's algorithm).
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private func value(_ xml: XMLTokenizer, _ name: String) -> String? {
        xml.attributes.first { xml.split($0.name).local.elementsEqual(name.utf8) }.map { xml.value($0) }
    }
}
