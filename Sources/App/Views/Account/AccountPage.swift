import Plot

/// 账号安全: change the password; turn the second factor on or off.
enum AccountPage {
    struct View {
        var context: PageContext
        var account: Account
        var pendingSecret: String?
        var errors: [String]

        var html: HTML {
            var body: [Body] = [H.heading(1, "账号安全")]
            if !errors.isEmpty {
                body.append(H.div([.class("error"), .role("alert")], errors.map { H.paragraph($0) }))
            }
            body.append(H.section(class: "card narrow", [
                H.heading(2, "修改密码"),
                H.paragraph("新密码至少 \(PasswordPolicy.minimumLength) 位，包含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不能与最近 \(PasswordPolicy.historyDepth) 次用过的密码相同。", class: "hint"),
                H.form(SitePath.changePassword.path, [
                    H.input("current", type: "password", label: "当前密码", required: true, extra: [.autocomplete("current-password")]),
                    H.input("new", type: "password", label: "新密码", required: true, extra: [.autocomplete("new-password")]),
                    H.input("confirm", type: "password", label: "再次输入新密码", required: true, extra: [.autocomplete("new-password")]),
                    H.button("修改密码"),
                ]),
            ]))
            if SecondFactor.isOffered(to: account.role) { body.append(secondFactor) }
            return Layout.page("账号安全", context, body)
        }

        private var secondFactor: Body {
            var parts: [Body] = [H.heading(2, "两步验证")]
            if account.totpSecret != nil {
                parts.append(H.paragraph("已开启：登录时除密码外还需输入验证器上的六位动态验证码。"))
                parts.append(H.form(SitePath.disableSecondFactor.path, [
                    H.input("code", label: "当前验证码", required: true, extra: [.inputmode("numeric"), .autocomplete("one-time-code")]),
                    H.button("关闭两步验证", class: "button secondary"),
                ]))
            } else if let secret = pendingSecret {
                parts.append(H.paragraph("在验证器（如手机上的身份验证器应用）中添加账号，手动输入下面的密钥，或使用链接；然后输入验证器显示的六位验证码完成开启。"))
                parts.append(H.p([.class("secret")], [.text(Self.grouped(secret))]))
                parts.append(H.p([.class("hint")], [.text(SecondFactor.link(secret: secret, username: account.username))]))
                parts.append(H.form(SitePath.confirmSecondFactor.path, [
                    H.input("code", label: "验证码", required: true, extra: [.inputmode("numeric"), .autocomplete("one-time-code")]),
                    H.button("确认开启"),
                ]))
            } else {
                parts.append(H.paragraph("未开启。系统管理员和科技局账号建议开启：密码泄露时，没有手机上的验证码也无法登录。"))
                parts.append(H.form(SitePath.startSecondFactor.path, [H.button("开启两步验证")]))
            }
            return H.section(class: "card narrow", parts)
        }

        /// Groups of four, as authenticator apps show keys.
        static func grouped(_ secret: String) -> String {
            stride(from: 0, to: secret.count, by: 4).map { start in
                let from = secret.index(secret.startIndex, offsetBy: start)
                return String(secret[from..<(secret.index(from, offsetBy: 4, limitedBy: secret.endIndex) ?? secret.endIndex)])
            }.joined(separator: " ")
        }
    }
}
