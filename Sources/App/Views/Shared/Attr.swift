import Plot

/// An HTML attribute: the names a page may write, each a function, so a
/// misspelt name does not compile. Its value is escaped when written.
struct Attr {
    let name: String
    let value: String?

    private init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    static func `class`(_ value: String?) -> Attr { .init("class", value) }
    static func id(_ value: String?) -> Attr { .init("id", value) }
    static func role(_ value: String?) -> Attr { .init("role", value) }
    static func title(_ value: String?) -> Attr { .init("title", value) }
    static func href(_ value: String?) -> Attr { .init("href", value) }
    static func name(_ value: String?) -> Attr { .init("name", value) }
    static func value(_ value: String?) -> Attr { .init("value", value) }
    static func type(_ value: String?) -> Attr { .init("type", value) }
    static func placeholder(_ value: String?) -> Attr { .init("placeholder", value) }
    static func autocomplete(_ value: String?) -> Attr { .init("autocomplete", value) }
    static func inputmode(_ value: String?) -> Attr { .init("inputmode", value) }
    static func accept(_ value: String?) -> Attr { .init("accept", value) }
    static func action(_ value: String?) -> Attr { .init("action", value) }
    static func method(_ value: String?) -> Attr { .init("method", value) }
    static func enctype(_ value: String?) -> Attr { .init("enctype", value) }
    /// The id of the form a control outside it belongs to.
    static func form(_ value: String?) -> Attr { .init("form", value) }
    /// The id of a `datalist` offering values to type.
    static func list(_ value: String?) -> Attr { .init("list", value) }
    static func `for`(_ value: String?) -> Attr { .init("for", value) }
    static func datetime(_ value: String?) -> Attr { .init("datetime", value) }
    static func scope(_ value: String?) -> Attr { .init("scope", value) }
    static func rows(_ value: Int) -> Attr { .init("rows", String(value)) }
    static func size(_ value: Int) -> Attr { .init("size", String(value)) }
    static func min(_ value: Int) -> Attr { .init("min", String(value)) }
    static func max(_ value: Int) -> Attr { .init("max", String(value)) }
    static func minlength(_ value: Int) -> Attr { .init("minlength", String(value)) }
    static func maxlength(_ value: Int) -> Attr { .init("maxlength", String(value)) }
    static func tabindex(_ value: Int) -> Attr { .init("tabindex", String(value)) }
    static func colspan(_ value: Int) -> Attr { .init("colspan", String(value)) }
    static func checked(_ on: Bool) -> Attr { .init("checked", on ? "checked" : nil) }
    static func selected(_ on: Bool) -> Attr { .init("selected", on ? "selected" : nil) }
    static func required(_ on: Bool) -> Attr { .init("required", on ? "required" : nil) }
    static func autofocus(_ on: Bool) -> Attr { .init("autofocus", on ? "autofocus" : nil) }
    static func disabled(_ on: Bool) -> Attr { .init("disabled", on ? "disabled" : nil) }
    static func open(_ on: Bool) -> Attr { .init("open", on ? "open" : nil) }
    static func ariaLabel(_ value: String?) -> Attr { .init("aria-label", value) }
    static func ariaCurrent(_ value: String?) -> Attr { .init("aria-current", value) }
    static func ariaLive(_ value: String?) -> Attr { .init("aria-live", value) }
    static func ariaDescribedby(_ value: String?) -> Attr { .init("aria-describedby", value) }
    static func ariaHidden(_ on: Bool) -> Attr { .init("aria-hidden", on ? "true" : nil) }
    /// `data-key`: what the page's tests and scripts read.
    static func data(_ key: String, _ value: String?) -> Attr { .init("data-" + key, value) }
}
