import Fluent
import SQLKit
import Vapor

enum HealthController {
    /// 200 when the database answers a query, 503 when it does not.
    @Sendable static func healthz(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw AppError(status: .serviceUnavailable, reason: "") }
            _ = try await sql.raw("SELECT 1").all()
            return try await ["status": "ok"].encodeResponse(for: req)
        } catch {
            throw AppError(status: .serviceUnavailable, reason: "数据库不可用。")
        }
    }
}
