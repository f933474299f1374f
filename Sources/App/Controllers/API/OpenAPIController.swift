import OpenAPIKit30
import Vapor

/// `/openapi.json`, generated from the routes' descriptors: every API route,
/// its parameters, its roles, and the schemas of the types it decodes and
/// encodes, reflected from those types (`SchemaReflection`).
enum OpenAPIController {
    @Sendable static func document(req: Request) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(try OpenAPIDocument.build())))
        response.headers.contentType = .json
        return response
    }
}
