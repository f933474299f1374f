import Fluent
import Vapor

enum ImportController {
    struct UploadForm: Content {
        var file: File?
        var jurisdiction: String?
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await ImportPage.View(context: req.pageContextWithFlash, error: nil, maxBytes: req.appConfig.maxUploadBytes)
            .html.encodeResponse(for: req)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        do {
            let plan = try await importUpload(req)
            let id = try plan.requireID()
            let nodes = try await NodeRecord.query(on: req.db).filter(\.$plan.$id == id).count()
            let targets = try await TargetRecord.query(on: req.db).filter(\.$plan.$id == id).count()
            return req.redirectWithFlash(
                SitePath.reviewPage(id).path, "已读取“\(plan.displayTitle)”：\(nodes) 个条目、\(targets) 个目标。请对照原文校对，再匹配单位并发布。")
        } catch let error as AppError {
            let view = ImportPage.View(context: req.pageContext, error: error.reason, maxBytes: req.appConfig.maxUploadBytes)
            let response = try await view.html.encodeResponse(for: req)
            response.status = error.status
            return response
        }
    }

    @Sendable static func apiImport(req: Request) async throws -> Response {
        let plan = try await importUpload(req)
        let loaded = try await PlanStore.load(plan, on: req.db)
        let response = try await PlanDTO(loaded, visibleNodes: nil).encodeResponse(for: req)
        response.status = .created
        return response
    }

    /// Reads the multipart field `file` and creates a draft plan from it.
    static func importUpload(_ req: Request) async throws -> PlanRecord {
        let account = try req.requireAccount()
        let form = try decodeUpload(req)
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw AppError.badRequest("请选择要导入的文件（.docx、.txt 或任务分解表 .xlsx）。")
        }
        let bytes = Data(buffer: file.data)
        try checkSize(bytes, req)
        let filename = safeFilename(file.filename)
        let plan = try await req.application.documentWork.run(on: req.eventLoop) { try PlanImporter.read(bytes, filename: filename) }
        let code = try await PlanImporter.jurisdiction(for: plan, requested: form.jurisdiction, account: account, on: req.db)
        return try await req.db.writeTransaction { tx in
            let record = try await PlanStore.create(plan, upload: .init(filename: filename, bytes: bytes), jurisdictionCode: code, account: account, on: tx)
            try await Audit.record(account, "plan.import", entity: "plan", id: try record.requireID(),
                                   after: "\(record.displayTitle)（\(filename)，\(plan.nodes.count) 个条目，地区 \(code)）", on: tx)
            return record
        }
    }

    @Sendable static func uploadBreakdown(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let id = try plan.requireID()
        do {
            let rows = try await updateFromWorkbook(plan, req: req)
            return req.redirectWithFlash(SitePath.breakdownPage(id).path, "已按任务分解表更新计划：\(rows) 个条目。")
        } catch let error as AppError {
            return req.redirectWithFlash(SitePath.breakdownPage(id).path, error.reason)
        }
    }

    @Sendable static func apiUploadBreakdown(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        _ = try await updateFromWorkbook(plan, req: req)
        let loaded = try await PlanStore.load(plan, on: req.db)
        return try await PlanDTO(loaded, visibleNodes: nil).encodeResponse(for: req)
    }

    /// Replaces a plan's structure with the rows of a task breakdown workbook.
    static func updateFromWorkbook(_ plan: PlanRecord, req: Request) async throws -> Int {
        let account = try req.requireAccount()
        let form = try decodeUpload(req)
        guard let file = form.file, file.data.readableBytes > 0 else { throw AppError.badRequest("请选择任务分解表 .xlsx 文件。") }
        let bytes = Data(buffer: file.data)
        try checkSize(bytes, req)
        guard PlanImporter.isWorkbook(bytes) else {
            throw AppError(status: .unsupportedMediaType, reason: "这不是 Excel 工作簿（.xlsx）。请上传从本系统导出或按同样表头填写的任务分解表。")
        }
        let planFile = plan.file
        let read = try await req.application.documentWork.run(on: req.eventLoop) { try PlanImporter.read(bytes, filename: planFile) }
        let planID = try plan.requireID()
        let code = plan.jurisdictionCode
        try await PlanEditor.edit(plan, by: account, summary: "用任务分解表 \(safeFilename(file.filename)) 更新", on: req.db) { tx in
            PlanStore.apply(fields: read, to: plan)
            plan.file = plan.file.isEmpty ? read.file : plan.file
            try await PlanStore.mergeStructure(of: planID, with: read, jurisdictionCode: code, on: tx)
        }
        return read.nodes.count
    }

    /// The body limit stops most large uploads before they are read; this
    /// catches a file that fits the body but not the limit for one file.
    static func checkSize(_ bytes: Data, _ req: Request) throws {
        let limit = req.appConfig.maxUploadBytes
        guard bytes.count <= limit else {
            throw AppError(status: .payloadTooLarge, reason: "文件超过 \(limit / 1_048_576) MB 的上限，已拒绝导入。")
        }
    }

    static func decodeUpload(_ req: Request) throws -> UploadForm {
        guard req.headers.contentType?.type == "multipart" else {
            throw AppError(status: .unsupportedMediaType, reason: "请以 multipart/form-data 上传，文件放在字段 file 中。")
        }
        do {
            return try req.content.decode(UploadForm.self)
        } catch {
            throw AppError.badRequest("上传内容不完整或格式不正确，请重新选择文件上传。")
        }
    }

    /// The last path component, without control characters, at most 200 characters.
    static func safeFilename(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return clean.isEmpty ? "upload" : String(clean.prefix(200))
    }
}
