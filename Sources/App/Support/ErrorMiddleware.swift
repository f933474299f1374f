import Fluent
import Plot
import Vapor

/// API errors as JSON `{"error": true, "reason": …}`, page errors as a page (a
/// page that needs a login sends the browser to it). 5xx are logged as
/// critical and never show their internals.
struct AppErrorMiddleware: AsyncMiddleware {
    struct ErrorDTO: Content {
        var error: Bool
        var reason: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let status: HTTPResponseStatus
        var reason: String
        var headers = HTTPHeaders()
        switch error {
        case let abort as any AbortError:
            status = abort.status
            reason = abort.reason
            headers = abort.headers
        case let decoding as DecodingError:
            status = .badRequest
            reason = "请求内容格式不正确：\(decoding.chineseSummary)"
        case let database as any DatabaseError where database.isConstraintFailure:
            // Two requests creating the same thing at once (one account name):
            // the database's unique key refuses the second.
            status = .conflict
            reason = "与已有记录冲突（例如名称刚被他人使用），没有保存：请刷新后重试。"
        case _ where String(reflecting: type(of: error)).hasPrefix("MultipartKit."):
            // A malformed multipart body (the parser's error type is private).
            status = .badRequest
            reason = MultipartGuard.refusal.reason
        default:
            status = .internalServerError
            reason = ""
        }
        if status.code >= 500 {
            request.logger.critical("\(request.method) \(request.url.path): \(String(reflecting: error))")
            // Our own 5xx (the database connection lost) say what happened; others never show their internals.
            if !(error is AppError) { reason = "服务器内部错误，请稍后重试；如果一直出现，请联系系统管理员。" }
        } else if reason.isEmpty || reason == status.reasonPhrase || !(error is AppError) && !reason.contains(where: \.isCJK) {
            // Vapor's own messages are English ("Value required for key …"):
            // a user, and a JSON client's user, reads Chinese.
            if !reason.isEmpty && reason != status.reasonPhrase { request.logger.debug("\(status.code): \(reason)") }
            reason = defaultReason(status)
            if status == .payloadTooLarge {
                // The route's own limit (set by its CSRF guard), else the upload limit.
                let limit = request.storage[BodyLimitKey.self] ?? request.appConfig.maxUploadBytes
                reason = "提交的内容太大（这项操作的上限为 \(Self.size(limit))）。"
            }
        }
        if isAPI(request) {
            let response = Response(status: status, headers: headers)
            try? response.content.encode(ErrorDTO(error: true, reason: reason))
            return response
        }
        if status == .unauthorized {
            let next = request.url.path
            return request.redirect(to: SitePath.loginPage.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        let page = ErrorPage.View(status: status, reason: reason, context: request.pageContext).html
        let response = Response(status: status, headers: headers, body: .init(string: request.renderPage(page.render())))
        response.headers.contentType = .html
        return response
    }

    /// API paths, and any request whose client asks for JSON and not for
    /// a page (an API client uploading an attachment through the form route).
    static func isAPI(_ request: Request) -> Bool {
        let path = request.url.path
        if path.hasPrefix("/api/") || path == "/openapi.json" || path == "/healthz" { return true }
        let accept = request.headers.accept.map(\.mediaType)
        return accept.contains(where: { $0.type == "application" && $0.subType == "json" })
            && !accept.contains(where: { $0.type == "text" && $0.subType == "html" })
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(max(1, bytes / 1_024)) KB"
    }

    static func defaultReason(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: return "请求不正确。"
        case 401: return "请先登录。"
        case 403: return "没有权限：您的账号不能访问这项内容。"
        case 404: return "页面或记录不存在。"
        case 405: return "不支持这种请求方式。"
        case 413: return "上传的文件太大。"
        case 415: return "不支持的内容类型。"
        default: return "请求未能完成（\(status.code)）。"
        }
    }
}

extension DecodingError {
    var chineseSummary: String {
        switch self {
        case .keyNotFound(let key, _): return "缺少字段 \(key.stringValue)。"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "字段 \(context.codingPath.map(\.stringValue).joined(separator: ".")) 的类型不对。"
        case .dataCorrupted: return "不是有效的 JSON 或表单。"
        @unknown default: return "无法解析。"
        }
    }
}

enum ErrorPage {
    struct View {
        var status: HTTPResponseStatus
        var reason: String
        var context: PageContext

        var html: HTML {
            Layout.page("出错了", context, [
                H.heading(1, status.code == 404 ? "找不到" : status.code == 403 ? "没有权限" : "未能完成"),
                H.p([.class("error"), .role("alert")], [.text(reason)]),
                H.link(SitePath.home.path, "返回首页"),
            ])
        }
    }
}

/// The body limit of the route a request went to, for the 413 message.
struct BodyLimitKey: StorageKey { typealias Value = Int }

extension Character {
    var isCJK: Bool { unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } }
}
