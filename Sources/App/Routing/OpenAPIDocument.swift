import OpenAPIKit30
import Vapor

/// The OpenAPI 3.0 document of the API, built from `SiteRoute.descriptor`.
enum OpenAPIDocument {
    static let errorSchemaName = "Error"
    static let sessionScheme = "session"

    static func build() throws -> OpenAPI.Document {
        var paths = OpenAPI.PathItem.Map()
        var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
        schemas[.init(stringLiteral: errorSchemaName)] = try SchemaReflection.schema(of: AppErrorMiddleware.ErrorDTO.self)
        for route in SiteRoute.allCases {
            let descriptor = route.descriptor
            guard let contract = descriptor.api else { continue }
            for type in [contract.request, contract.response].compactMap({ $0?.type }) {
                schemas[.init(stringLiteral: type.name)] = try type.schema()
            }
            let path = OpenAPI.Path(stringLiteral: descriptor.pattern.split(separator: "/")
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                .prefixed("/"))
            var item = paths[path]?.pathItemValue ?? OpenAPI.PathItem()
            let operation = self.operation(route, descriptor, contract)
            guard item.for(descriptor.method.openAPI) == nil else {
                preconditionFailure("\(route): two routes answer \(descriptor.method) \(descriptor.pattern)")
            }
            item.set(operation: operation, for: descriptor.method.openAPI)
            paths[path] = .init(item)
        }
        return OpenAPI.Document(
            info: .init(title: "sciplan API", description: "科技工作计划管理：计划导入、校对、发布、任务分解、进展报送、指标与考核。登录后使用会话 Cookie。", version: "1.0.0"),
            servers: [],
            paths: paths,
            components: .init(schemas: schemas, securitySchemes: [
                .init(stringLiteral: sessionScheme): .apiKey(name: "sciplan_session", location: .cookie),
            ]))
    }

    static func operation(_ route: SiteRoute, _ descriptor: RouteDescriptor, _ contract: APIContract) -> OpenAPI.Operation {
        let pathParameters = descriptor.parameters.map { name in
            // Ids are UUIDs; places are GB/T 2260 codes, indicators catalogue codes, periods keys.
            OpenAPI.Parameter(name: name, context: .path, schema: name.hasSuffix("ID") ? .string(format: .other("uuid")) : .string)
        }
        let queryParameters = contract.query.map { OpenAPI.Parameter(name: $0.name, context: .query, schema: $0.schema, description: $0.description) }
        var responses = OpenAPI.Response.Map()
        for code in [contract.status] + contract.alternatives {
            responses[status(code)] = .init(response(contract.response, description: code == .noContent ? "完成" : "成功"))
        }
        var errors: [HTTPResponseStatus] = route == .healthz ? [] : [.badRequest]
        if descriptor.access.roles != nil { errors += [.unauthorized, .forbidden] }
        if !descriptor.parameters.isEmpty { errors.append(.notFound) }
        for code in errors + contract.errors where responses[status(code)] == nil {
            responses[status(code)] = .init(OpenAPI.Response(description: "错误", content: [.json: .init(schemaReference: .component(named: errorSchemaName))]))
        }
        return OpenAPI.Operation(
            summary: descriptor.summary,
            description: roleText(descriptor.access),
            operationId: route.rawValue,
            parameters: (pathParameters + queryParameters).map { .init($0) },
            requestBody: contract.request.map(request),
            responses: responses,
            security: descriptor.access.roles == nil ? nil : [[.component(named: sessionScheme): []]])
    }

    static func roleText(_ access: RouteAccess) -> String {
        guard let roles = access.roles else { return "无需登录。" }
        return "可用角色：" + Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: ", ")
    }

    static func status(_ status: HTTPResponseStatus) -> OpenAPI.Response.StatusCode {
        .init(integerLiteral: Int(status.code))
    }

    static func request(_ body: APIBody) -> OpenAPI.Request {
        OpenAPI.Request(content: content(body), required: true)
    }

    static func response(_ body: APIBody, description: String) -> OpenAPI.Response {
        OpenAPI.Response(description: description, content: content(body))
    }

    static func content(_ body: APIBody) -> OpenAPI.Content.Map {
        switch body {
        case .json(let type):
            let reference = JSONSchema.reference(.component(named: type.name))
            return [.json: .init(schema: type.isList ? .array(items: reference) : reference)]
        case .upload:
            return [.multipartForm: .init(schema: .object(properties: [
                "file": .string(format: .binary),
                "jurisdiction": .string(required: false),
                "duplicate": .string(required: false, allowedValues: ["version"]),
                "of": .string(format: .other("uuid"), required: false),
            ]))]
        case .workbook:
            return [.init(rawValue: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")!: .init(schema: .string(format: .binary))]
        case .none:
            return [:]
        case .anyObject:
            return [.json: .init(schema: .object)]
        }
    }
}

extension APIBody {
    var type: APIType? {
        if case .json(let type) = self { return type }
        return nil
    }
}

extension RouteMethod {
    var openAPI: OpenAPI.BuiltinHttpMethod {
        switch self {
        case .GET: return .get
        case .POST: return .post
        case .PUT: return .put
        case .PATCH: return .patch
        case .DELETE: return .delete
        }
    }
}

private extension String {
    func prefixed(_ prefix: String) -> String { hasPrefix(prefix) ? self : prefix + self }
}
