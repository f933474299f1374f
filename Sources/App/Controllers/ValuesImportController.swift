import Fluent
import PlanDomain
import Vapor

/// 导入实际值: the template, the upload page and its API.
enum ValuesImportController {
    @Sendable static func page(req: Request) async throws -> Response {
        let place = try await Access.editablePlace(req)
        return try await ValuesImportPage.View(context: req.pageContextWithFlash, place: place, problems: [], year: req.clock.today().year)
            .html.encodeResponse(for: req)
    }

    @Sendable static func template(req: Request) async throws -> Response {
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        let places = try await ValuesImport.scope(under: code, on: req.db)
        let indicators = try await IndicatorStore.definitions(on: req.db)
        let data = try ActualsWorkbook.template(year: req.clock.today().year, places: places, indicators: indicators)
        return .xlsx(data, name: "实际值表.xlsx", fallback: "actuals-template.xlsx")
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        let code = try place.requireID()
        do {
            let bytes = try upload(req)
            let count = try await ValuesImport.run(bytes, under: code, by: account, at: req.clock.now(), on: req.db)
            return req.redirectWithFlash(SitePath.placeIndicatorsPage(code).path, "已导入 \(count) 个实际值。")
        } catch let refused as ValuesImport.Refused {
            return try await refusal(req, place: place, problems: refused.problems, status: .unprocessableEntity)
        } catch let error as AppError {
            return try await refusal(req, place: place, problems: [error.reason], status: error.status)
        }
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let place = try await Access.editablePlace(req)
        do {
            let count = try await ValuesImport.run(try upload(req), under: try place.requireID(), by: account, at: req.clock.now(), on: req.db)
            let response = Response(status: .created)
            try response.content.encode(ImportedCount(imported: count))
            return response
        } catch let refused as ValuesImport.Refused {
            throw AppError(status: .unprocessableEntity, reason: "实际值表有问题，未导入任何数值：" + refused.problems.joined(separator: "；"))
        }
    }

    private static func upload(_ req: Request) throws -> Data {
        let form = try ImportController.decodeUpload(req)
        guard let file = form.file, file.data.readableBytes > 0 else { throw AppError.badRequest("请选择实际值表 .xlsx 文件。") }
        let bytes = Data(buffer: file.data)
        try ImportController.checkSize(bytes, req)
        guard PlanImporter.isWorkbook(bytes) else {
            throw AppError(status: .unsupportedMediaType, reason: "这不是 Excel 工作簿（.xlsx）。请下载模板，按模板填写后上传。")
        }
        return bytes
    }

    private static func refusal(_ req: Request, place: Jurisdiction, problems: [String], status: HTTPStatus) async throws -> Response {
        let response = try await ValuesImportPage.View(context: req.pageContext, place: place, problems: problems, year: req.clock.today().year)
            .html.encodeResponse(for: req)
        response.status = status
        return response
    }
}
