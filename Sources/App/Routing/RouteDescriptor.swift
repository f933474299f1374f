import OpenAPIKit30
import Vapor

/// Everything about one route, in one value: how it is called, who may call
/// it, what it does, how large a body it takes, the handler, and for API
/// routes the types it takes and gives. `SiteRoute.descriptor` holds one per
/// route; the server registers them, links fill their patterns (through
/// `SitePath`), `/openapi.json` is built from them, and the access walk checks
/// them against a matrix written by hand.
struct RouteDescriptor: Sendable {
    let method: RouteMethod
    /// The path, with `:name` parameters.
    let pattern: String
    let access: RouteAccess
    /// What it does, in the words `/openapi.json` shows.
    let summary: String
    let body: RequestBodySize
    /// Request and response types of an `/api` route (and of the two open
    /// JSON routes); nil for pages and forms.
    let api: APIContract?
    let handler: @Sendable (Request) async throws -> Response

    init(_ method: RouteMethod, _ pattern: String, _ access: RouteAccess, _ summary: String,
         body: RequestBodySize, api: APIContract?, _ handler: @escaping @Sendable (Request) async throws -> Response) {
        self.method = method
        self.pattern = pattern
        self.access = access
        self.summary = summary
        self.body = body
        self.api = api
        self.handler = handler
    }

    /// An API route that takes a JSON body: the handler is handed the body
    /// as the contract's request type (`JSONBody<Input>`), so the type the
    /// document declares is the type the handler reads. The handler decodes
    /// it after its own scope check, so an account outside the record's
    /// scope gets 403/404 whatever it sends, as on every other route.
    init<Input: APIRequestBody>(_ method: RouteMethod, _ pattern: String, _ access: RouteAccess, _ summary: String,
                                body: RequestBodySize, api: RequestContract<Input>,
                                _ handler: @escaping @Sendable (Request, JSONBody<Input>) async throws -> Response) {
        self.init(method, pattern, access, summary, body: body, api: api.contract) { req in
            try await handler(req, JSONBody(request: req))
        }
    }

    /// The `:name` parameters of the pattern, in order.
    var parameters: [String] {
        pattern.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }
}

/// The methods routes answer: Vapor's `HTTPMethod` has every method HTTP
/// knows (and a raw one), so a switch over it needs a `default:`; over this,
/// each conversion is exhaustive.
enum RouteMethod: String, Sendable {
    case GET, POST, PUT, PATCH, DELETE

    var http: HTTPMethod {
        switch self {
        case .GET: return .GET
        case .POST: return .POST
        case .PUT: return .PUT
        case .PATCH: return .PATCH
        case .DELETE: return .DELETE
        }
    }
}

/// Who may call a route.
enum RouteAccess: Sendable, Equatable {
    /// Anyone, signed in or not.
    case open
    /// Any signed-in account, whatever its role.
    case signedIn
    /// Signed-in accounts of these roles.
    case only(Set<Role>)

    /// nil for `open`.
    var roles: Set<Role>? {
        switch self {
        case .open: return nil
        case .signedIn: return Set(Role.allCases)
        case .only(let roles): return roles
        }
    }
}

/// How much of a request body a route reads before refusing it.
enum RequestBodySize: Sendable {
    /// Forms and JSON: 1 MB.
    case form
    /// Plan documents, workbooks and attachments: the configured upload limit.
    case upload

    var strategy: HTTPBodyStreamStrategy {
        switch self {
        case .form: return .collect(maxSize: "1mb")
        case .upload: return .collect(maxSize: nil)
        }
    }
}

/// What an API route takes and gives, as types.
struct APIContract: Sendable {
    var request: APIBody?
    var response: APIBody
    var status: HTTPResponseStatus = .ok
    /// Other success statuses with the same body (an import that updates a plan answers 200, not 201).
    var alternatives: [HTTPResponseStatus] = []
    var query: [APIQuery] = []
    /// Statuses besides those every route can answer (400; 401 and 403 when
    /// signed in; 404 when the path names a record).
    var errors: [HTTPResponseStatus] = []

    static func returns<T: Decodable>(_ type: T.Type) -> APIContract { .init(response: .json(.of(type))) }
    static func returnsList<T: Decodable>(_ type: T.Type) -> APIContract { .init(response: .json(.list(type))) }
    /// A body that is not JSON (an upload), read by the handler itself.
    static func takes(_ request: APIBody, returns response: APIBody) -> APIContract { .init(request: request, response: response) }

    func status(_ status: HTTPResponseStatus) -> APIContract { var copy = self; copy.status = status; return copy }
    func alsoAnswers(_ status: HTTPResponseStatus) -> APIContract { var copy = self; copy.alternatives.append(status); return copy }
    func query(_ query: APIQuery...) -> APIContract { var copy = self; copy.query += query; return copy }
    func errors(_ errors: HTTPResponseStatus...) -> APIContract { var copy = self; copy.errors += errors; return copy }
}

/// The contract of an API route whose request is a JSON body of type `Input`.
/// Only the descriptor's typed initialiser takes one, with a handler that
/// takes the same type.
struct RequestContract<Input: APIRequestBody>: Sendable {
    var contract: APIContract

    static func takes(_ request: Input.Type, returns response: APIBody) -> Self {
        .init(contract: .init(request: .json(.of(request)), response: response))
    }

    func status(_ status: HTTPResponseStatus) -> Self { .init(contract: contract.status(status)) }
    func alsoAnswers(_ status: HTTPResponseStatus) -> Self { .init(contract: contract.alsoAnswers(status)) }
    func query(_ query: APIQuery...) -> Self { var copy = self; copy.contract.query += query; return copy }
    func errors(_ errors: HTTPResponseStatus...) -> Self { var copy = self; copy.contract.errors += errors; return copy }
}

/// A JSON request body of an API route.
protocol APIRequestBody: Decodable, Sendable {
    /// What the body must hold, in the words of the 400 answer to one that
    /// does not decode (after 请求格式不对：).
    static var formatHint: String { get }
}

/// The JSON body of a request, readable only as the type its route declares.
struct JSONBody<Value: APIRequestBody> {
    let request: Request

    /// The body as `Value`, or a 400 naming the fields (`formatHint`).
    func decode() throws -> Value {
        do { return try request.content.decode(Value.self) } catch {
            throw AppError.badRequest("请求格式不对：" + Value.formatHint)
        }
    }
}

enum APIBody: Sendable {
    /// JSON of a Codable type.
    case json(APIType)
    /// `multipart/form-data` with a `file` field (and an optional `jurisdiction`).
    case upload
    /// An .xlsx workbook.
    case workbook
    /// No body (204).
    case none
    /// A JSON object the document does not describe further (the document
    /// itself, the health check).
    case anyObject
}

/// A Codable type as the API document names and describes it.
struct APIType: Sendable {
    /// The component name: the type's name without the module, nested
    /// names joined by dots (`MyTasksController.TaskDTO`).
    let name: String
    let isList: Bool
    let schema: @Sendable () throws -> JSONSchema

    static func of<T: Decodable>(_ type: T.Type) -> APIType {
        .init(name: componentName(type), isList: false, schema: { try SchemaReflection.schema(of: type) })
    }

    static func list<T: Decodable>(_ type: T.Type) -> APIType {
        .init(name: componentName(type), isList: true, schema: { try SchemaReflection.schema(of: type) })
    }

    static func componentName(_ type: Any.Type) -> String {
        String(reflecting: type).split(separator: ".").dropFirst().joined(separator: ".")
    }
}

/// A query parameter of an API route.
struct APIQuery: Sendable {
    let name: String
    let schema: JSONSchema
    let description: String?

    init(_ name: String, _ schema: JSONSchema, _ description: String? = nil) {
        self.name = name
        self.schema = schema
        self.description = description
    }

    static func text(_ name: String, _ description: String? = nil) -> APIQuery { .init(name, .string, description) }
    static func date(_ name: String) -> APIQuery { .init(name, .string(format: .date)) }
    static func year(_ name: String = "year") -> APIQuery { .init(name, .integer) }
    static func choice(_ name: String, _ values: [String]) -> APIQuery {
        .init(name, .string(allowedValues: values.map { AnyCodable($0) }))
    }
}
