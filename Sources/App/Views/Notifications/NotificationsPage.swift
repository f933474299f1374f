import Foundation
import Plot

enum NotificationsPage {
    struct View {
        var items: [NotificationRecord]
        var context: PageContext

        var html: HTML {
            var body: [Body] = [H.heading(1, "通知")]
            if items.isEmpty {
                body.append(H.paragraph("暂无通知。", class: "empty"))
            } else {
                body.append(H.form(SitePath.readNotifications.path, class: "inline", [H.button("全部标为已读", class: "button secondary")]))
                body.append(H.ul(class: "notifications", items.map { item in
                    H.li([.class(item.readAt == nil ? "unread" : "read"), .data("kind", item.kind)], [
                        H.strong([item.link.map { H.link($0, item.title) } ?? .text(item.title)]),
                        H.paragraph(item.body),
                        H.time([.text(item.createdAt.map(Self.format) ?? "")]),
                    ])
                }))
            }
            return Layout.page("通知", context, body)
        }

        static func format(_ date: Date) -> String { DateText.minute(date) }
    }
}
