import Foundation

/// Pieces of SVG written by hand, and the number, text and colour rules every
/// chart shares.
enum SVG {
    static let fontFamily = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
    /// Values beyond this are clamped, so scaled coordinates and integer
    /// conversions stay finite.
    static let largest = 1e15

    /// The root element, with an accessible name both as `aria-label` and as
    /// `<title>` (which browsers also show as a tooltip).
    static func open(width: Int, height: Int, label: String) -> String {
        let name = escape(flatten(label))
        return #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)""#
            + #" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="\#(name)""#
            + #" font-family="\#(fontFamily)" font-size="12"><title>\#(name)</title>"#
    }

    static func clampSize(_ width: Int) -> Int { max(160, min(width, 4000)) }

    /// A number with at most one decimal and no exponent: 3, 12.5, -0.4;
    /// "0" for what is not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -largest), largest) * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }

    /// Axis labels: 12000 → 1.2万, 350000000 → 3.5亿.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e8 { return number(value / 1e8) + "亿" }
        if magnitude >= 1e4 { return number(value / 1e4) + "万" }
        return number(value)
    }

    /// `#rgb` or `#rrggbb`, else grey.
    static func colour(_ text: String) -> String {
        let hex = text.utf8.dropFirst()
        guard text.hasPrefix("#"), hex.count == 3 || hex.count == 6,
              hex.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) })
        else { return ChartPalette.grey }
        return text
    }

    static func escape(_ text: String) -> String { SpreadsheetXML.escape(text) }

    /// Line breaks and tabs as spaces, ends trimmed: labels are one line.
    static func flatten(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Estimated width of `text` at `size`: CJK and other wide characters one
    /// em, ASCII about six tenths.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.6 : 1) } * size
    }

    /// `text` cut to fit `maxWidth`, ending in "…" when cut.
    static func fit(_ text: String, maxWidth: Double, size: Double) -> String {
        let text = flatten(text)
        guard width(text, size: size) > maxWidth else { return text }
        var out = ""
        var used = size  // room for the ellipsis
        for character in text {
            let w = width(String(character), size: size)
            if used + w > maxWidth { break }
            used += w
            out.append(character)
        }
        return out + "…"
    }

    /// A text element; `content` is escaped here. When `full` differs from the
    /// shown text (it was cut), it becomes the element's tooltip.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                     fill: String = ChartPalette.ink, bold: Bool = false, full: String? = nil) -> String {
        let weight = bold ? #" font-weight="bold""# : ""
        let tip = full.map { flatten($0) }.flatMap { $0 == content ? nil : "<title>" + escape($0) + "</title>" } ?? ""
        return #"<text x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)" font-size="\#(number(size))""#
            + #" fill="\#(fill)"\#(weight)>"# + tip + escape(content) + "</text>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") -> String {
        #"<rect x="\#(number(x))" y="\#(number(y))" width="\#(number(max(0, width)))" height="\#(number(max(0, height)))""#
            + #" fill="\#(fill)"\#(extra)/>"#
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, extra: String = "") -> String {
        #"<line x1="\#(number(x1))" y1="\#(number(y1))" x2="\#(number(x2))" y2="\#(number(y2))" stroke="\#(stroke)"\#(extra)/>"#
    }
}
