import Foundation
import PlanDomain
import Plot

/// 审计日志: the system admin searches the trail and exports what they found.
enum AuditPage {
    struct View {
        var context: PageContext
        var search: AuditSearch
        var entries: [AuditEntry]
        var total: Int
        var oldest: Date?
        /// Names of the objects on this page, by their id (plan titles, unit and account names).
        var names: [String: String]

        var html: HTML {
            var body: [Body] = [H.heading(1, "审计日志")]
            body.append(H.paragraph(
                "记录每一次修改（修改人、时间、内容、修改前后）、每一次登录和登录失败、每一次导出。日志只增不改：系统不提供删除，数据库也拒绝修改和删除；至少保存六个月，随数据库一起备份。"
                    + (oldest.map { "现存最早记录：\(DateText.minute($0))。" } ?? ""), class: "hint"))
            body.append(H.getForm(SitePath.auditPage.path, class: "filters", [
                H.input("account", value: search.account, label: "账号（姓名）"),
                H.select("action", label: "操作", options: [("", "全部")] + Self.actionFilters, selected: search.action ?? ""),
                H.select("entity", label: "对象", options: [("", "全部")] + AuditWording.entities.map { ($0.code, $0.title) }, selected: search.entity ?? ""),
                H.input("text", value: search.text, label: "内容包含"),
                H.input("from", value: search.from, type: "date", label: "开始日期"),
                H.input("to", value: search.to, type: "date", label: "结束日期"),
                H.button("查询"),
            ]))
            let query = search.queryString()
            body.append(H.p([
                .text("共 \(total) 条，按时间倒序。 "),
                H.link(SitePath.auditXlsx.path + (query.isEmpty ? "" : "?" + query), "导出 .xlsx"),
            ]))
            body.append(H.table(headers: ["时间", "账号", "操作", "对象", "修改前", "修改后"], rows: entries.map { entry in
                [
                    .text(entry.createdAt.map(DateText.second) ?? ""), .text(entry.accountName),
                    H.span([.text(AuditWording.action(entry.action) + " "), H.code([.class("code")], [.text(entry.action)])]),
                    .text(AuditWording.entity(entry.entity) + (entry.entityID.map { " " + (names[$0] ?? String($0.prefix(8))) } ?? "")),
                    .text(AuditWording.readable(entry.before)), .text(AuditWording.readable(entry.after)),
                ]
            }, class: "grid audit"))
            var pager: [Body] = []
            if search.pageNumber > 1 {
                pager.append(H.link(SitePath.auditPage.path + "?" + search.queryString(page: search.pageNumber - 1), "上一页"))
            }
            if search.pageNumber * AuditSearch.pageSize < total {
                pager.append(H.link(SitePath.auditPage.path + "?" + search.queryString(page: search.pageNumber + 1), "下一页"))
            }
            if !pager.isEmpty { body.append(H.nav(class: "pager", pager)) }
            return Layout.page("审计日志", context, body)
        }

        /// The families of actions a search starts with (the code prefix, as `AuditSearch` matches).
        static let actionFilters: [(String, String)] = [
            ("login", "登录"), ("password", "密码"), ("totp", "两步验证"), ("account", "账号管理"), ("plan", "计划"),
            ("unit", "单位"), ("report", "进展报告"), ("task", "办结"), ("period", "报送期"), ("calendar", "报送日历"),
            ("policy", "督办规则"), ("notice", "督办单"), ("bulletin", "通报"), ("indicator", "指标"), ("base", "基础数据"),
            ("assessment", "考核"), ("export", "导出"), ("outbox", "消息推送"),
        ]
    }
}
