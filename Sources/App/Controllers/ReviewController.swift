import Fluent
import Vapor

enum ReviewController {
    @Sendable static func page(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let loaded = try await PlanStore.load(plan, on: req.db, withFile: true)
        let unresolved = Set(loaded.assignments.filter { $0.$unit.id == nil }.map(\.unitName)).count
        let model = ReviewPage.Model(loaded: loaded, unresolvedUnitNames: unresolved)
        return try await ReviewPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    /// The uploaded file as it came, for the office to compare with.
    @Sendable static func sourceFile(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        guard let file = try await PlanFile.query(on: req.db).filter(\.$plan.$id == plan.requireID()).first() else {
            throw AppError.notFound("原始文件")
        }
        let response = Response(status: .ok, body: .init(data: file.bytes))
        response.headers.contentType = .binary
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "plan"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"plan\"; filename*=UTF-8''\(encoded)")
        return response
    }

    @Sendable static func versions(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let versions = try await PlanVersion.query(on: req.db).filter(\.$plan.$id == plan.requireID())
            .sort(\.$version, .descending).all()
        return try await VersionsPage.View(plan: plan, versions: versions, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }
}
