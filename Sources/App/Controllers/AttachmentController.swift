import Fluent
import Vapor

/// Files attached to progress reports: uploaded by the unit while the report
/// is theirs to change, downloaded by whoever may read the report.
enum AttachmentController {
    struct UploadForm: Content { var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        guard let report = try await ProgressReport.find(try req.uuidParameter("reportID"), on: req.db),
              report.$plan.id == plan.id else { throw AppError.notFound("报告") }
        guard report.$unit.id == account.$unit.id else { throw AppError.forbidden }
        let back = SitePath.taskPage(try plan.requireID(), report.$node.id).path
        do {
            guard report.isEditable else { throw AppError.conflict("报告已报送，不能再添加附件；办公室退回后可以补充。") }
            guard req.headers.contentType?.type == "multipart" else {
                throw AppError(status: .unsupportedMediaType, reason: "请以 multipart/form-data 上传，文件放在字段 file 中。")
            }
            let form = try req.content.decode(UploadForm.self)
            guard let file = form.file, file.data.readableBytes > 0 else { throw AppError.badRequest("请选择要上传的文件。") }
            let bytes = Data(buffer: file.data)
            guard bytes.count <= AttachmentKind.limit else {
                throw AppError(status: .payloadTooLarge, reason: "附件超过 \(AttachmentKind.limit / 1_048_576) MB 的上限。")
            }
            let name = ImportController.safeFilename(file.filename)
            guard let kind = AttachmentKind.detect(bytes, filename: name) else {
                throw AppError(status: .unsupportedMediaType, reason: "附件只接受 PDF、图片（PNG/JPEG）、Word/Excel（.docx/.xlsx）和 .txt 文本；“\(name)”不是其中之一。")
            }
            let attachment = ReportAttachment()
            attachment.$report.id = try report.requireID()
            attachment.filename = name
            attachment.contentType = kind.contentType
            attachment.size = bytes.count
            attachment.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            attachment.data = bytes
            try await req.db.writeTransaction { tx in
                try await attachment.create(on: tx)
                try await Audit.record(account, "attachment.upload", entity: "progress_report", id: report.id, after: "\(name) \(bytes.count) B \(attachment.sha256)", on: tx)
            }
            if req.headers.accept.contains(where: { $0.mediaType == .json }) {
                return try await ["id": attachment.id?.uuidString ?? "", "filename": name].encodeResponse(status: .created, for: req)
            }
            return req.redirectWithFlash(back, "已上传附件“\(name)”。")
        } catch let error as AppError {
            if req.headers.accept.contains(where: { $0.mediaType == .json }) { throw error }
            return req.redirectWithFlash(back, error.reason)
        }
    }

    @Sendable static func download(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        guard let attachment = try await ReportAttachment.find(try req.uuidParameter("attachmentID"), on: req.db),
              let report = try await ProgressReport.find(attachment.$report.id, on: req.db), report.$plan.id == plan.id else {
            throw AppError.notFound("附件")
        }
        if account.role == .reporter && report.$unit.id != account.$unit.id { throw AppError.forbidden }
        let response = Response(status: .ok, body: .init(data: attachment.data))
        response.headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attachment\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
