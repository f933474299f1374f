import Plot

typealias Body = Node<HTML.BodyContext>

/// Small builders over Plot for the elements the pages use most. Plot escapes
/// text but writes attribute values as given, so every attribute value goes
/// through `escapedAttribute` here: a task titled `"><script>` stays text.
enum H {
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [Body] = []) -> Body {
        .element(named: name, nodes: attributeNodes(attributes) + children)
    }

    static func el(_ name: String, class className: String, _ children: [Body]) -> Body {
        el(name, [("class", className)], children)
    }

    static func void(_ name: String, _ attributes: [(String, String?)]) -> Body {
        .selfClosedElement(named: name, attributes: attributes.compactMap { name, value in
            value.map { Attribute<HTML.BodyContext>.attribute(named: name, value: escapedAttribute($0)) }
        })
    }

    private static func attributeNodes(_ attributes: [(String, String?)]) -> [Body] {
        attributes.compactMap { name, value in
            value.map { Body.attribute(named: name, value: escapedAttribute($0), ignoreIfValueIsEmpty: false) }
        }
    }

    static func text(_ text: String) -> Body { .text(text) }

    static func link(_ href: String, _ text: String, class className: String? = nil) -> Body {
        el("a", [("href", href), ("class", className)], [.text(text)])
    }

    static func heading(_ level: Int, _ text: String) -> Body {
        el("h\(level)", [], [.text(text)])
    }

    static func paragraph(_ text: String, class className: String? = nil) -> Body {
        el("p", [("class", className)], [.text(text)])
    }

    /// A POST form; `multipart` for uploads.
    /// Its first child is the CSRF marker field (see `CSRF.markerField`).
    static func form(_ action: String, class className: String? = nil, multipart: Bool = false, _ children: [Body]) -> Body {
        el("form", [
            ("action", action), ("method", "post"), ("class", className),
            ("enctype", multipart ? "multipart/form-data" : nil),
        ], [CSRF.markerField] + children)
    }

    static func getForm(_ action: String, class className: String? = nil, _ children: [Body]) -> Body {
        el("form", [("action", action), ("method", "get"), ("class", className)], children)
    }

    static func input(
        _ name: String, value: String? = nil, type: String = "text", label: String? = nil,
        placeholder: String? = nil, required: Bool = false, extra: [(String, String?)] = []
    ) -> Body {
        let field = void("input", [
            ("type", type), ("name", name), ("value", value), ("placeholder", placeholder),
            ("required", required ? "required" : nil),
        ] + extra)
        guard let label else { return field }
        return el("label", class: "field", [el("span", [], [.text(label)]), field])
    }

    static func hidden(_ name: String, _ value: String) -> Body {
        void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func select(_ name: String, label: String? = nil, options: [(value: String, title: String)], selected: String?) -> Body {
        let field = el("select", [("name", name)], options.map { option in
            el("option", [("value", option.value), ("selected", option.value == selected ? "selected" : nil)], [.text(option.title)])
        })
        guard let label else { return field }
        return el("label", class: "field", [el("span", [], [.text(label)]), field])
    }

    static func button(_ text: String, class className: String = "button", name: String? = nil, value: String? = nil) -> Body {
        el("button", [("type", "submit"), ("class", className), ("name", name), ("value", value)], [.text(text)])
    }

    static func table(headers: [String], rows: [[Body]], class className: String = "grid") -> Body {
        el("div", class: "table-wrap", [
            el("table", class: className, [
                el("thead", [], [el("tr", [], headers.map { el("th", [], [.text($0)]) })]),
                el("tbody", [], rows.map { cells in el("tr", [], cells.map { el("td", [], [$0]) }) }),
            ]),
        ])
    }

    static func escapedAttribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
