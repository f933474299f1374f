import Plot

enum LoginPage {
    struct View {
        var context: PageContext
        var next: String?
        var error: String?
        var username: String?

        var html: HTML {
            var form: [Body] = [
                H.input("username", value: username, label: "用户名", required: true, extra: [.autocomplete("username")]),
                H.input("password", type: "password", label: "密码", required: true, extra: [.autocomplete("current-password")]),
            ]
            if let next { form.append(H.hidden("next", next)) }
            form.append(H.button("登录"))
            var body: [Body] = [H.heading(1, "登录")]
            if let error { body.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            body.append(H.form(SitePath.loginSubmit.path, class: "card narrow", form))
            if context.demo {
                body.append(H.div(class: "card narrow hint", [
                    H.paragraph("演示账号（密码均为 Demo@2026）："),
                    H.ul(DemoData.accounts.map { H.li([.text("\($0.username)：\($0.displayName)")]) }),
                ]))
            }
            return Layout.page("登录", context, body)
        }
    }
}
