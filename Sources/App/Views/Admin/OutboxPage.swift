import Plot

/// 消息推送: undelivered and waiting robot messages, with their last error.
enum OutboxPage {
    struct View {
        var context: PageContext
        var messages: [OutboxMessage]

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "消息推送"),
                H.paragraph("发往企业微信、钉钉群机器人的消息经发送队列投递，失败后按间隔重试 \(Outbox.maxAttempts) 次；仍失败的在此列出，修好机器人（地址、关键词、IP 白名单）后可重新发送。地址中的密钥不显示。", class: "hint"),
            ]
            guard !messages.isEmpty else {
                body.append(H.paragraph("没有发送失败或等待发送的消息。", class: "empty"))
                return Layout.page("消息推送", context, body)
            }
            body.append(H.table(headers: ["状态", "地址", "内容", "尝试次数", "下次尝试 / 最后错误", ""], rows: messages.map { m in
                [
                    .text(m.status == .failed ? "发送失败" : "等待发送"),
                    .text(OutboxController.maskedURL(m.url)),
                    .text(String(m.body.prefix(120))),
                    .text("\(m.attempts)"),
                    .text(m.status == .failed ? (m.lastError ?? "") : DateText.minute(m.nextAttemptAt) + (m.lastError.map { "；上次：\($0)" } ?? "")),
                    m.status == .failed && m.id != nil
                        ? H.form(SitePath.retryOutbox(m.id!).path, class: "inline", [H.button("重新发送", class: "button secondary small")])
                        : .text(""),
                ]
            }, class: "grid outbox"))
            return Layout.page("消息推送", context, body)
        }
    }
}
