import Fluent
import PlanDomain
import PlanText
import Vapor

enum ImportController {
    struct UploadForm: Content {
        var file: File?
        var jurisdiction: String?
        /// `version`: the file is a new version of plan `of`, which it duplicates.
        var duplicate: String?
        var of: String?
    }

    /// A file the system already holds as plan `existing`: refused unless the
    /// office asked for it to become that plan's new version.
    struct DuplicateImport: Error {
        var existing: PlanRecord
        var match: DuplicatePlan.Match

        var reason: String {
            let status = existing.status.title
            let year = existing.year.map { "\($0) 年，" } ?? ""
            let what: String
            switch match {
            case .sameText: what = "这份文件与已有计划“\(existing.displayTitle)”（\(year)\(status)）内容相同"
            case .sameTitle: what = "本地区已有同名、同年度的计划“\(existing.displayTitle)”（\(status)）"
            }
            return what + "，未导入。如果这是它的修订稿，请作为新版本导入（已报送的进展保留，条目按新文件更新）；如果不是同一份计划，请先核对文件。"
        }
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await ImportPage.View(context: req.pageContextWithFlash, error: nil, maxBytes: req.appConfig.maxUploadBytes)
            .html.encodeResponse(for: req)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        do {
            let (plan, isVersion) = try await importUpload(req)
            let id = try plan.requireID()
            let nodes = try await NodeRecord.query(on: req.db).filter(\.$plan.$id == id).count()
            let targets = try await TargetRecord.query(on: req.db).filter(\.$plan.$id == id).count()
            let done = isVersion ? "已把新文件作为“\(plan.displayTitle)”的新版本导入" : "已读取“\(plan.displayTitle)”"
            return req.redirectWithFlash(
                SitePath.reviewPage(id).path, "\(done)：\(nodes) 个条目、\(targets) 个目标。请对照原文校对，再匹配单位并发布。")
        } catch let duplicate as DuplicateImport {
            let view = ImportPage.View(context: req.pageContext, error: duplicate.reason, maxBytes: req.appConfig.maxUploadBytes,
                                       duplicate: .init(planID: try duplicate.existing.requireID(), title: duplicate.existing.displayTitle))
            let response = try await view.html.encodeResponse(for: req)
            response.status = .conflict
            return response
        } catch let error as AppError {
            let view = ImportPage.View(context: req.pageContext, error: error.reason, maxBytes: req.appConfig.maxUploadBytes)
            let response = try await view.html.encodeResponse(for: req)
            response.status = error.status
            return response
        }
    }

    @Sendable static func apiImport(req: Request) async throws -> Response {
        let plan: PlanRecord
        let isVersion: Bool
        do {
            (plan, isVersion) = try await importUpload(req)
        } catch let duplicate as DuplicateImport {
            throw AppError(status: .conflict, reason: duplicate.reason
                + "（已有计划 id \(try duplicate.existing.requireID().uuidString)；作为新版本导入时加上字段 duplicate=version 和 of=该 id）")
        }
        let loaded = try await PlanStore.load(plan, on: req.db)
        let response = try await PlanDTO(loaded, visibleNodes: nil).encodeResponse(for: req)
        response.status = isVersion ? .ok : .created
        return response
    }

    /// Reads the multipart field `file` and creates a draft plan from it, or,
    /// when it duplicates a plan of the same place and the office asked for
    /// it, makes it that plan's new version (true).
    static func importUpload(_ req: Request) async throws -> (PlanRecord, Bool) {
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
        if let match = try await duplicate(of: plan, in: code, on: req.db),
           let held = try await PlanRecord.find(match.planID, on: req.db) {
            guard form.duplicate == "version", form.of?.lowercased() == match.planID.uuidString.lowercased() else {
                throw DuplicateImport(existing: held, match: match)
            }
            guard held.status != .closed else {
                throw AppError.conflict("计划“\(held.displayTitle)”已关闭，不能再导入新版本。")
            }
            try await importAsVersion(plan, of: held, upload: .init(filename: filename, bytes: bytes), by: account, on: req.db)
            return (held, true)
        }
        let record = try await req.db.writeTransaction { tx in
            let record = try await PlanStore.create(plan, upload: .init(filename: filename, bytes: bytes), jurisdictionCode: code, account: account, on: tx)
            try await Audit.record(account, "plan.import", entity: "plan", id: try record.requireID(),
                                   after: "\(record.displayTitle)（\(filename)，\(plan.nodes.count) 个条目，地区 \(code)）", on: tx)
            return record
        }
        return (record, false)
    }

    /// The plan of place `code` that `plan` duplicates, if any (only that
    /// place's plans are compared; their texts are read without the files).
    static func duplicate(of plan: Plan, in code: String, on db: any Database) async throws -> DuplicatePlan.Match? {
        let held = try await PlanRecord.query(on: db).filter(\.$jurisdictionCode == code).all()
        let ids = held.compactMap(\.id)
        guard !ids.isEmpty else { return nil }
        let texts = try await PlanFile.query(on: db).filter(\.$plan.$id ~~ ids).field(\.$plan.$id).field(\.$text).all()
        let textByPlan = Dictionary(texts.map { ($0.$plan.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let facts = held.compactMap { record in
            record.id.map { DuplicatePlan.Facts(id: $0, title: record.title ?? "", year: record.year,
                                                jurisdictionCode: record.jurisdictionCode, text: textByPlan[$0] ?? "") }
        }
        let new = DuplicatePlan.Facts(id: UUID(), title: plan.title ?? "", year: plan.year, jurisdictionCode: code, text: plan.source?.text ?? "")
        return DuplicatePlan.find(new, among: facts)
    }

    /// The file becomes plan `held`'s structure and source, as one edit (a
    /// new version once published); reports on nodes that stay are kept.
    static func importAsVersion(_ plan: Plan, of held: PlanRecord, upload: PlanStore.Upload, by account: Account, on db: any Database) async throws {
        let planID = try held.requireID()
        let code = held.jurisdictionCode
        try await PlanEditor.edit(held, by: account, summary: "导入 \(upload.filename) 作为新版本（\(plan.nodes.count) 个条目）", on: db) { tx in
            let file = held.file
            PlanStore.apply(fields: plan, to: held)
            held.file = file.isEmpty ? plan.file : file
            try await PlanStore.mergeStructure(of: planID, with: plan, jurisdictionCode: code, on: tx)
            if let source = try await PlanFile.query(on: tx).filter(\.$plan.$id == planID).first() {
                source.filename = upload.filename
                source.format = plan.source?.format.rawValue ?? "text"
                source.encoding = plan.source?.encoding ?? "UTF-8"
                source.text = plan.source?.text ?? ""
                source.bytes = upload.bytes
                try await source.save(on: tx)
            }
            try await Audit.record(account, "plan.import", entity: "plan", id: planID,
                                   after: "\(held.displayTitle)：\(upload.filename) 作为新版本", on: tx)
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
