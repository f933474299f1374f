import Foundation
import Plot

enum VersionsPage {
    struct View {
        var plan: PlanRecord
        var versions: [PlanVersion]
        var context: PageContext

        var html: HTML {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            var body: [Body] = [
                H.heading(1, "版本记录：\(plan.displayTitle)"),
                H.link(SitePath.planPage(plan.linkID).path, "返回计划"),
            ]
            if versions.isEmpty {
                body.append(H.paragraph("计划尚未发布，还没有版本。", class: "empty"))
            } else {
                body.append(H.table(headers: ["版本", "时间", "操作人", "内容"], rows: versions.map { version in
                    [
                        .text("第 \(version.version) 版"),
                        .text(version.createdAt.map(formatter.string(from:)) ?? ""),
                        .text(version.accountName),
                        .text(version.summary),
                    ]
                }))
            }
            return Layout.page("版本记录", context, body)
        }
    }
}
