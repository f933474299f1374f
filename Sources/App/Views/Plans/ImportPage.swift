import Plot

enum ImportPage {
    struct View {
        var context: PageContext
        var error: String?
        var maxBytes: Int

        var html: HTML {
            var body: [Body] = [
                H.heading(1, "导入计划"),
                H.paragraph("上传工作要点或工作方案（Word .docx 或纯文本 .txt，UTF-8 或 GB18030 编码），系统会自动识别条目、责任单位和目标；也可以上传按本系统表头填写的任务分解表（.xlsx）。"),
            ]
            if let error { body.append(H.el("p", [("class", "error"), ("role", "alert")], [.text(error)])) }
            body.append(H.form(SitePath.importSubmit.path, class: "card narrow", multipart: true, [
                H.input("file", type: "file", label: "计划文件", required: true, extra: [("accept", ".docx,.txt,.xlsx")]),
                H.paragraph("文件不超过 \(maxBytes / 1_048_576) MB。", class: "hint"),
                H.button("上传并识别"),
            ]))
            return Layout.page("导入计划", context, body)
        }
    }
}
