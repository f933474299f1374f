import Plot

/// The pages' markup: one function per element, built on Plot's nodes.
/// Plot's own typed nodes write attribute values as given, so every page
/// goes through these, which escape each value (`Attr`): a task titled
/// `"><script>` stays text. Children are Plot nodes, whose text Plot escapes.
extension H {
    /// The one place an element is named by a string; private, so pages
    /// name elements through the functions below.
    private static func element(_ name: String, _ attributes: [Attr], _ children: [Body]) -> Body {
        .element(named: name, nodes: attributeNodes(attributes) + children)
    }

    private static func voidElement(_ name: String, _ attributes: [Attr]) -> Body {
        .selfClosedElement(named: name, attributes: attributes.compactMap { attribute in
            attribute.value.map { Attribute<HTML.BodyContext>.attribute(named: attribute.name, value: escapedAttribute($0)) }
        })
    }

    private static func attributeNodes(_ attributes: [Attr]) -> [Body] {
        attributes.compactMap { attribute in
            attribute.value.map { Body.attribute(named: attribute.name, value: escapedAttribute($0), ignoreIfValueIsEmpty: false) }
        }
    }

    static func a(_ attributes: [Attr], _ children: [Body]) -> Body { element("a", attributes, children) }
    static func a(class className: String, _ children: [Body]) -> Body { element("a", [.class(className)], children) }
    static func a(_ children: [Body]) -> Body { element("a", [], children) }
    static func article(_ attributes: [Attr], _ children: [Body]) -> Body { element("article", attributes, children) }
    static func article(class className: String, _ children: [Body]) -> Body { element("article", [.class(className)], children) }
    static func article(_ children: [Body]) -> Body { element("article", [], children) }
    static func button(_ attributes: [Attr], _ children: [Body]) -> Body { element("button", attributes, children) }
    static func button(class className: String, _ children: [Body]) -> Body { element("button", [.class(className)], children) }
    static func button(_ children: [Body]) -> Body { element("button", [], children) }
    static func caption(_ attributes: [Attr], _ children: [Body]) -> Body { element("caption", attributes, children) }
    static func caption(class className: String, _ children: [Body]) -> Body { element("caption", [.class(className)], children) }
    static func caption(_ children: [Body]) -> Body { element("caption", [], children) }
    static func code(_ attributes: [Attr], _ children: [Body]) -> Body { element("code", attributes, children) }
    static func code(class className: String, _ children: [Body]) -> Body { element("code", [.class(className)], children) }
    static func code(_ children: [Body]) -> Body { element("code", [], children) }
    static func dd(_ attributes: [Attr], _ children: [Body]) -> Body { element("dd", attributes, children) }
    static func dd(class className: String, _ children: [Body]) -> Body { element("dd", [.class(className)], children) }
    static func dd(_ children: [Body]) -> Body { element("dd", [], children) }
    static func details(_ attributes: [Attr], _ children: [Body]) -> Body { element("details", attributes, children) }
    static func details(class className: String, _ children: [Body]) -> Body { element("details", [.class(className)], children) }
    static func details(_ children: [Body]) -> Body { element("details", [], children) }
    static func div(_ attributes: [Attr], _ children: [Body]) -> Body { element("div", attributes, children) }
    static func div(class className: String, _ children: [Body]) -> Body { element("div", [.class(className)], children) }
    static func div(_ children: [Body]) -> Body { element("div", [], children) }
    static func dl(_ attributes: [Attr], _ children: [Body]) -> Body { element("dl", attributes, children) }
    static func dl(class className: String, _ children: [Body]) -> Body { element("dl", [.class(className)], children) }
    static func dl(_ children: [Body]) -> Body { element("dl", [], children) }
    static func dt(_ attributes: [Attr], _ children: [Body]) -> Body { element("dt", attributes, children) }
    static func dt(class className: String, _ children: [Body]) -> Body { element("dt", [.class(className)], children) }
    static func dt(_ children: [Body]) -> Body { element("dt", [], children) }
    static func em(_ attributes: [Attr], _ children: [Body]) -> Body { element("em", attributes, children) }
    static func em(class className: String, _ children: [Body]) -> Body { element("em", [.class(className)], children) }
    static func em(_ children: [Body]) -> Body { element("em", [], children) }
    static func datalist(_ attributes: [Attr], _ children: [Body]) -> Body { element("datalist", attributes, children) }
    static func fieldset(_ attributes: [Attr], _ children: [Body]) -> Body { element("fieldset", attributes, children) }
    static func fieldset(class className: String, _ children: [Body]) -> Body { element("fieldset", [.class(className)], children) }
    static func fieldset(_ children: [Body]) -> Body { element("fieldset", [], children) }
    static func figcaption(_ attributes: [Attr], _ children: [Body]) -> Body { element("figcaption", attributes, children) }
    static func figcaption(class className: String, _ children: [Body]) -> Body { element("figcaption", [.class(className)], children) }
    static func figcaption(_ children: [Body]) -> Body { element("figcaption", [], children) }
    static func figure(_ attributes: [Attr], _ children: [Body]) -> Body { element("figure", attributes, children) }
    static func figure(class className: String, _ children: [Body]) -> Body { element("figure", [.class(className)], children) }
    static func figure(_ children: [Body]) -> Body { element("figure", [], children) }
    static func footer(_ attributes: [Attr], _ children: [Body]) -> Body { element("footer", attributes, children) }
    static func footer(class className: String, _ children: [Body]) -> Body { element("footer", [.class(className)], children) }
    static func footer(_ children: [Body]) -> Body { element("footer", [], children) }
    static func form(_ attributes: [Attr], _ children: [Body]) -> Body { element("form", attributes, children) }
    static func h1(_ attributes: [Attr], _ children: [Body]) -> Body { element("h1", attributes, children) }
    static func h1(class className: String, _ children: [Body]) -> Body { element("h1", [.class(className)], children) }
    static func h1(_ children: [Body]) -> Body { element("h1", [], children) }
    static func h2(_ attributes: [Attr], _ children: [Body]) -> Body { element("h2", attributes, children) }
    static func h2(class className: String, _ children: [Body]) -> Body { element("h2", [.class(className)], children) }
    static func h2(_ children: [Body]) -> Body { element("h2", [], children) }
    static func h3(_ attributes: [Attr], _ children: [Body]) -> Body { element("h3", attributes, children) }
    static func h3(class className: String, _ children: [Body]) -> Body { element("h3", [.class(className)], children) }
    static func h3(_ children: [Body]) -> Body { element("h3", [], children) }
    static func h4(_ attributes: [Attr], _ children: [Body]) -> Body { element("h4", attributes, children) }
    static func h4(class className: String, _ children: [Body]) -> Body { element("h4", [.class(className)], children) }
    static func h4(_ children: [Body]) -> Body { element("h4", [], children) }
    static func header(_ attributes: [Attr], _ children: [Body]) -> Body { element("header", attributes, children) }
    static func header(class className: String, _ children: [Body]) -> Body { element("header", [.class(className)], children) }
    static func header(_ children: [Body]) -> Body { element("header", [], children) }
    static func label(_ attributes: [Attr], _ children: [Body]) -> Body { element("label", attributes, children) }
    static func label(class className: String, _ children: [Body]) -> Body { element("label", [.class(className)], children) }
    static func label(_ children: [Body]) -> Body { element("label", [], children) }
    static func legend(_ attributes: [Attr], _ children: [Body]) -> Body { element("legend", attributes, children) }
    static func legend(class className: String, _ children: [Body]) -> Body { element("legend", [.class(className)], children) }
    static func legend(_ children: [Body]) -> Body { element("legend", [], children) }
    static func li(_ attributes: [Attr], _ children: [Body]) -> Body { element("li", attributes, children) }
    static func li(class className: String, _ children: [Body]) -> Body { element("li", [.class(className)], children) }
    static func li(_ children: [Body]) -> Body { element("li", [], children) }
    static func main(_ attributes: [Attr], _ children: [Body]) -> Body { element("main", attributes, children) }
    static func main(class className: String, _ children: [Body]) -> Body { element("main", [.class(className)], children) }
    static func main(_ children: [Body]) -> Body { element("main", [], children) }
    static func mark(_ attributes: [Attr], _ children: [Body]) -> Body { element("mark", attributes, children) }
    static func mark(class className: String, _ children: [Body]) -> Body { element("mark", [.class(className)], children) }
    static func mark(_ children: [Body]) -> Body { element("mark", [], children) }
    static func nav(_ attributes: [Attr], _ children: [Body]) -> Body { element("nav", attributes, children) }
    static func nav(class className: String, _ children: [Body]) -> Body { element("nav", [.class(className)], children) }
    static func nav(_ children: [Body]) -> Body { element("nav", [], children) }
    static func ol(_ attributes: [Attr], _ children: [Body]) -> Body { element("ol", attributes, children) }
    static func ol(class className: String, _ children: [Body]) -> Body { element("ol", [.class(className)], children) }
    static func ol(_ children: [Body]) -> Body { element("ol", [], children) }
    static func option(_ attributes: [Attr], _ children: [Body]) -> Body { element("option", attributes, children) }
    static func option(class className: String, _ children: [Body]) -> Body { element("option", [.class(className)], children) }
    static func option(_ children: [Body]) -> Body { element("option", [], children) }
    static func p(_ attributes: [Attr], _ children: [Body]) -> Body { element("p", attributes, children) }
    static func p(class className: String, _ children: [Body]) -> Body { element("p", [.class(className)], children) }
    static func p(_ children: [Body]) -> Body { element("p", [], children) }
    static func section(_ attributes: [Attr], _ children: [Body]) -> Body { element("section", attributes, children) }
    static func section(class className: String, _ children: [Body]) -> Body { element("section", [.class(className)], children) }
    static func section(_ children: [Body]) -> Body { element("section", [], children) }
    static func select(_ attributes: [Attr], _ children: [Body]) -> Body { element("select", attributes, children) }
    static func select(class className: String, _ children: [Body]) -> Body { element("select", [.class(className)], children) }
    static func select(_ children: [Body]) -> Body { element("select", [], children) }
    static func small(_ attributes: [Attr], _ children: [Body]) -> Body { element("small", attributes, children) }
    static func small(class className: String, _ children: [Body]) -> Body { element("small", [.class(className)], children) }
    static func small(_ children: [Body]) -> Body { element("small", [], children) }
    static func span(_ attributes: [Attr], _ children: [Body]) -> Body { element("span", attributes, children) }
    static func span(class className: String, _ children: [Body]) -> Body { element("span", [.class(className)], children) }
    static func span(_ children: [Body]) -> Body { element("span", [], children) }
    static func strong(_ attributes: [Attr], _ children: [Body]) -> Body { element("strong", attributes, children) }
    static func strong(class className: String, _ children: [Body]) -> Body { element("strong", [.class(className)], children) }
    static func strong(_ children: [Body]) -> Body { element("strong", [], children) }
    static func summary(_ attributes: [Attr], _ children: [Body]) -> Body { element("summary", attributes, children) }
    static func summary(class className: String, _ children: [Body]) -> Body { element("summary", [.class(className)], children) }
    static func summary(_ children: [Body]) -> Body { element("summary", [], children) }
    static func table(_ attributes: [Attr], _ children: [Body]) -> Body { element("table", attributes, children) }
    static func table(class className: String, _ children: [Body]) -> Body { element("table", [.class(className)], children) }
    static func table(_ children: [Body]) -> Body { element("table", [], children) }
    static func tbody(_ attributes: [Attr], _ children: [Body]) -> Body { element("tbody", attributes, children) }
    static func tbody(class className: String, _ children: [Body]) -> Body { element("tbody", [.class(className)], children) }
    static func tbody(_ children: [Body]) -> Body { element("tbody", [], children) }
    static func td(_ attributes: [Attr], _ children: [Body]) -> Body { element("td", attributes, children) }
    static func td(class className: String, _ children: [Body]) -> Body { element("td", [.class(className)], children) }
    static func td(_ children: [Body]) -> Body { element("td", [], children) }
    static func textarea(_ attributes: [Attr], _ children: [Body]) -> Body { element("textarea", attributes, children) }
    static func textarea(class className: String, _ children: [Body]) -> Body { element("textarea", [.class(className)], children) }
    static func textarea(_ children: [Body]) -> Body { element("textarea", [], children) }
    static func th(_ attributes: [Attr], _ children: [Body]) -> Body { element("th", attributes, children) }
    static func th(class className: String, _ children: [Body]) -> Body { element("th", [.class(className)], children) }
    static func th(_ children: [Body]) -> Body { element("th", [], children) }
    static func thead(_ attributes: [Attr], _ children: [Body]) -> Body { element("thead", attributes, children) }
    static func thead(class className: String, _ children: [Body]) -> Body { element("thead", [.class(className)], children) }
    static func thead(_ children: [Body]) -> Body { element("thead", [], children) }
    static func time(_ attributes: [Attr], _ children: [Body]) -> Body { element("time", attributes, children) }
    static func time(class className: String, _ children: [Body]) -> Body { element("time", [.class(className)], children) }
    static func time(_ children: [Body]) -> Body { element("time", [], children) }
    static func tr(_ attributes: [Attr], _ children: [Body]) -> Body { element("tr", attributes, children) }
    static func tr(class className: String, _ children: [Body]) -> Body { element("tr", [.class(className)], children) }
    static func tr(_ children: [Body]) -> Body { element("tr", [], children) }
    static func ul(_ attributes: [Attr], _ children: [Body]) -> Body { element("ul", attributes, children) }
    static func ul(class className: String, _ children: [Body]) -> Body { element("ul", [.class(className)], children) }
    static func ul(_ children: [Body]) -> Body { element("ul", [], children) }

    /// An `<input>` written out attribute by attribute (checkboxes, table cells).
    static func input(_ attributes: [Attr]) -> Body { voidElement("input", attributes) }
}
