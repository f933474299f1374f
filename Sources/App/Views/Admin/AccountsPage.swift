import Foundation
import Plot

/// 账号管理: every account with its role, place, unit and state; a form for
/// a new one; per account a new password, the second factor off, an unlock.
enum AccountsPage {
    struct View {
        var context: PageContext
        var accounts: [Account]
        var units: [Unit]
        var placeNames: [String: String]
        var now: Date
        /// What was typed into the new-account form when it was refused (without the password).
        var typed: AccountAdmin.NewAccount?
        var errors: [String]

        var html: HTML {
            let unitNames = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
            var body: [Body] = [
                H.heading(1, "账号管理"),
                H.paragraph("为计划办公室、单位填报员和领导建立账号；忘记密码时设置新密码（其已登录的会话随即结束）；手机丢失时关闭两步验证。每一步都记入审计日志。", class: "hint"),
                H.heading(2, "新建账号"),
            ]
            if !errors.isEmpty {
                body.append(H.ul(class: "errors", errors.map { H.li([.text($0)]) }))
            }
            body.append(H.form(SitePath.createAccount.path, class: "stack", [
                H.input("username", value: typed?.username, label: "用户名", placeholder: "字母、数字、点、短横线", required: true),
                H.input("displayName", value: typed?.displayName, label: "姓名（显示名）", required: true),
                H.select("role", label: "角色", options: Role.allCases.map { ($0.rawValue, $0.title) }, selected: typed?.role ?? Role.reporter.rawValue),
                H.input("jurisdictionCode", value: typed?.jurisdictionCode, label: "行政区划代码（系统管理员不填；填报员可不填，取所选单位的）", placeholder: "如 421300"),
                H.select("unitID", label: "所属单位（单位填报员）", options: [("", "（不适用）")] + units.compactMap { u in
                    u.id.map { ($0.uuidString, "\(placeNames[u.jurisdictionCode] ?? u.jurisdictionCode) · \(u.name)") }
                }, selected: typed?.unitID),
                H.input("password", type: "password", label: "初始密码（至少 10 位，含三类字符）", required: true,
                        extra: [.autocomplete("new-password")]),
                H.button("新建账号"),
            ]))
            body.append(H.heading(2, "全部账号（\(accounts.count) 个）"))
            body.append(H.table(headers: ["用户名", "姓名", "角色", "行政区划", "单位", "状态", "操作"], rows: accounts.map { a in
                let locked = a.lockedUntil.map { $0 > now } ?? false
                var state: [String] = []
                if locked { state.append("已锁定") }
                if a.totpSecret != nil { state.append("两步验证") }
                if a.passwordChangedAt == nil { state.append("初始密码") }
                var actions: [Body] = []
                if let id = a.id {
                    actions.append(H.form(SitePath.resetAccountPassword(id).path, class: "inline", [
                        H.input("password", type: "password", placeholder: "新密码", required: true, extra: [.autocomplete("new-password")]),
                        H.button("设置新密码", class: "button secondary small"),
                    ]))
                    if a.totpSecret != nil {
                        actions.append(H.form(SitePath.resetAccountSecondFactor(id).path, class: "inline", [H.button("关闭两步验证", class: "button secondary small")]))
                    }
                    if locked {
                        actions.append(H.form(SitePath.unlockAccount(id).path, class: "inline", [H.button("解锁", class: "button secondary small")]))
                    }
                }
                return [
                    .text(a.username), .text(a.displayName), .text(a.role.title),
                    .text(a.jurisdictionCode.map { "\(placeNames[$0] ?? $0)（\($0)）" } ?? "全部"),
                    .text(a.$unit.id.flatMap { unitNames[$0] } ?? ""),
                    .text(state.isEmpty ? "正常" : state.joined(separator: "，")),
                    H.div(class: "actions", actions),
                ]
            }, class: "grid accounts"))
            return Layout.page("账号管理", context, body)
        }
    }
}
