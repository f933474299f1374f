import PlanDomain
import Plot

/// What every page knows about the request: who is signed in and whether the
/// server runs the demo.
struct PageContext {
    var account: Account?
    var demo: Bool
    var flash: String? = nil
    /// Set when the server runs on a fixed business date (demo, trials).
    var fixedDay: CivilDate? = nil
    /// The signed-in user's unread notifications, shown beside 通知.
    var unread: Int? = nil
}

/// The one layout all pages share: a header with the navigation for the
/// account's role, the demo banner, and the page body.
enum Layout {
    static func page(_ title: String, _ context: PageContext, _ body: [Body]) -> HTML {
        HTML(
            .lang(.chinese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Only <title>, as escaped text: Plot's `.title` also writes
                // twitter:title and og:title meta tags with the title as an
                // unescaped attribute, so a task titled `"><meta http-equiv=
                // refresh …>` or `"><form …>` broke out of the head.
                .element(named: "title", text: "\(title) · 科技工作计划管理"),
                .link(.rel(.stylesheet), .href(SitePath.stylesheet.path))
            ),
            .body(.group(chrome(context) + [H.main(class: "page", body)]))
        )
    }

    private static func chrome(_ context: PageContext) -> [Body] {
        var nodes: [Body] = []
        if context.demo {
            nodes.append(H.div([.class("demo-banner"), .role("note")], [
                .text("演示模式：页面中的计划、单位和账号都是示例数据，可随意操作。" + (context.fixedDay.map { "业务日期设为 \($0.chineseTitle)。" } ?? "")),
            ]))
        }
        var links: [Body] = []
        if let account = context.account {
            if account.role == .reporter {
                links.append(H.link(SitePath.reportsPage.path, "本期报送"))
                links.append(H.link(SitePath.myTasksPage.path, "我的任务"))
            }
            if account.role == .office || account.role == .admin {
                links.append(H.link(SitePath.todoPage.path, "待办"))
            }
            if account.role != .reporter {
                links.append(H.link(SitePath.summaryPage.path, "摘要"))
            }
            links.append(H.link(SitePath.plansPage.path, "计划"))
            if account.role == .office || account.role == .leader, let place = account.jurisdictionCode {
                links.append(H.link(SitePath.placeIndicatorsPage(place).path, "指标"))
            }
            if let unread = context.unread, unread > 0 {
                links.append(H.a([.href(SitePath.notificationsPage.path), .ariaLabel("通知，\(unread) 条未读")],
                                  [.text("通知"), H.span([.class("unread"), .data("unread", "\(unread)")], [.text("\(unread)")])]))
            } else {
                links.append(H.link(SitePath.notificationsPage.path, "通知"))
            }
            if account.role == .office || account.role == .admin {
                links.append(H.link(SitePath.importPage.path, "导入计划"))
            }
            if account.role == .admin {
                links.append(H.link(SitePath.accountsPage.path, "账号管理"))
                links.append(H.link(SitePath.auditPage.path, "审计日志"))
                links.append(H.link(SitePath.outboxPage.path, "消息推送"))
            }
            links.append(H.link(SitePath.accountPage.path, "\(account.displayName)（\(account.role.title)）", class: "who"))
            links.append(H.form(SitePath.logout.path, class: "inline", [H.button("退出", class: "link-button")]))
        }
        nodes.append(H.header(class: "top", [
            H.link(SitePath.home.path, "科技工作计划管理", class: "brand"),
            H.nav(links),
        ]))
        if let flash = context.flash {
            nodes.append(H.div([.class("flash"), .role("status")], [.text(flash)]))
        }
        return nodes
    }
}
