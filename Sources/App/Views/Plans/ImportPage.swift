import Foundation
import Plot

enum ImportPage {
    struct View {
        var context: PageContext
        var error: String?
        var maxBytes: Int
        /// The plan the refused file duplicates, offered as the one to update.
        var duplicate: Duplicate? = nil

        struct Duplicate {
            var planID: UUID
            var title: String
            var linkID: UUID { planID }
        }

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "导入计划"),
                H.paragraph("上传工作要点或工作方案（Word .docx 或纯文本 .txt，UTF-8 或 GB18030 编码），系统会自动识别条目、责任单位和目标；也可以上传按本系统表头填写的任务分解表（.xlsx）。"),
            ]
            if let error { body.append(H.p([.class("error"), .role("alert")], [.text(error)])) }
            if let duplicate {
                body.append(H.p([.text("查看已有计划："), H.link(SitePath.reviewPage(duplicate.linkID).path, duplicate.title)]))
                body.append(H.form(SitePath.importSubmit.path, class: "card narrow", multipart: true, [
                    H.heading(2, "作为“\(duplicate.title)”的新版本导入"),
                    H.paragraph("条目、责任单位和目标按新文件更新，已报送的进展和原有版本记录保留。请再次选择同一个文件。", class: "hint"),
                    H.hidden("duplicate", "version"),
                    H.hidden("of", duplicate.planID.uuidString),
                    H.input("file", type: "file", label: "计划文件（新版本）", required: true, extra: [.accept(".docx,.txt,.xlsx")]),
                    H.button("作为新版本导入"),
                ]))
            }
            body.append(H.form(SitePath.importSubmit.path, class: "card narrow", multipart: true, [
                H.input("file", type: "file", label: "计划文件", required: true, extra: [.accept(".docx,.txt,.xlsx")]),
                H.paragraph("文件不超过 \(maxBytes / 1_048_576) MB。", class: "hint"),
                H.button("上传并识别"),
            ]))
            return Layout.page("导入计划", context, body)
        }
    }
}
