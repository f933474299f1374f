import Plot

typealias Body = Node<HTML.BodyContext>

/// Small builders over the elements (`Elements.swift`) for what the pages
/// write most: links, headings, forms and their fields, tables.
enum H {
    static func text(_ text: String) -> Body { .text(text) }

    static func link(_ href: String, _ text: String, class className: String? = nil) -> Body {
        a([.href(href), .class(className)], [.text(text)])
    }

    static func heading(_ level: Int, _ text: String) -> Body {
        switch level {
        case 1: return h1([.text(text)])
        case 2: return h2([.text(text)])
        case 3: return h3([.text(text)])
        default: return h4([.text(text)])
        }
    }

    static func paragraph(_ text: String, class className: String? = nil) -> Body {
        p([.class(className)], [.text(text)])
    }

    /// A POST form; `multipart` for uploads; `id` for controls elsewhere on
    /// the page that belong to it (`form="…"`).
    /// Its first child is the CSRF marker field (see `CSRF.markerField`).
    static func form(_ action: String, class className: String? = nil, id: String? = nil, multipart: Bool = false, _ children: [Body]) -> Body {
        form([
            .id(id), .action(action), .method("post"), .class(className),
            .enctype(multipart ? "multipart/form-data" : nil),
        ], [CSRF.markerField] + children)
    }

    static func getForm(_ action: String, class className: String? = nil, _ children: [Body]) -> Body {
        form([.action(action), .method("get"), .class(className)], children)
    }

    static func input(
        _ name: String, value: String? = nil, type: String = "text", label: String? = nil,
        placeholder: String? = nil, required: Bool = false, extra: [Attr] = []
    ) -> Body {
        let field = input([
            .type(type), .name(name), .value(value), .placeholder(placeholder), .required(required),
        ] + extra)
        guard let label else { return field }
        return self.label(class: "field", [span([.text(label)]), field])
    }

    static func hidden(_ name: String, _ value: String) -> Body {
        input([.type("hidden"), .name(name), .value(value)])
    }

    static func select(_ name: String, label: String? = nil, options: [(value: String, title: String)], selected: String?) -> Body {
        let field = select([.name(name)], options.map { choice in
            option([.value(choice.value), .selected(choice.value == selected)], [.text(choice.title)])
        })
        guard let label else { return field }
        return self.label(class: "field", [span([.text(label)]), field])
    }

    static func button(_ text: String, class className: String = "button", name: String? = nil, value: String? = nil) -> Body {
        button([.type("submit"), .class(className), .name(name), .value(value)], [.text(text)])
    }

    static func table(headers: [String], rows: [[Body]], class className: String = "grid") -> Body {
        div(class: "table-wrap", [
            table(class: className, [
                thead([tr(headers.map { th([.text($0)]) })]),
                tbody(rows.map { cells in tr(cells.map { td([$0]) }) }),
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
