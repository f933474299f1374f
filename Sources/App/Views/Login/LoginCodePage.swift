import Plot

/// The second step of signing in, for accounts with the second factor on.
enum LoginCodePage {
    struct View {
        var context: PageContext
        var error: String?

        var html: HTML {
            var body: [Body] = [H.heading(1, "两步验证")]
            if let error { body.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            body.append(H.form(SitePath.loginCodeSubmit.path, class: "card narrow", [
                H.paragraph("请输入验证器上显示的六位动态验证码。"),
                H.input("code", label: "动态验证码", required: true,
                        extra: [.inputmode("numeric"), .autocomplete("one-time-code"), .autofocus(true)]),
                H.button("登录"),
            ]))
            return Layout.page("两步验证", context, body)
        }
    }
}
