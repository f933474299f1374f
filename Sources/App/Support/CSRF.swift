import Plot
import Vapor

/// Cross-site request forgery protection with a double-submit token.
///
/// Every visitor gets a random token in the `sciplan_csrf` cookie; every
/// post form the app builds (`H.form`) carries the same token in a hidden
/// `_csrf` field (filled in when the page is sent, so no form can forget
/// it, and no form the app did not build gets it), and a state-changing request must send it back: as that field,
/// or as the `X-CSRF-Token` header for API clients. Another site can make a
/// browser post a form to sciplan, but it cannot read the cookie to put the
/// matching token in the form.
///
/// JSON bodies are exempt: a browser sends `application/json` to another
/// origin only after a CORS preflight, and sciplan answers none. Sessions
/// cookies are also SameSite=Lax, so this is the second of two locks.
enum CSRF {
    static let cookieName = "sciplan_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    /// 256 random bits, URL-safe so it needs no escaping in HTML or headers.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Compares without stopping at the first difference, so the time taken
    /// says nothing about how much of a guess was right.
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What `H.form` puts first in every form it builds: the hidden field
    /// with a placeholder value, filled with the visitor's token when the
    /// page is sent. The marker begins with `<` and holds `"`, which the
    /// pages never write from data (text and attribute values are escaped,
    /// charts escape their text), so only a form the app built carries it: a
    /// `<form>` smuggled in through a title gets no token.
    static let placeholder = "sciplan-csrf-placeholder"
    static var markerField: Body { H.hidden(fieldName, placeholder) }
    private static let marker = Array(markerField.render().utf8)
    private static let placeholderBytes = Array(placeholder.utf8)

    /// Fills the token into every marker field of the page. Scans the UTF-8
    /// bytes: every page passes here, and Foundation's string search over a
    /// dashboard of ≈ 200 KB was 6 % of its time.
    static func insertField(_ token: String, into html: String) -> String {
        let filled = fill(marker, token: Array(token.utf8))
        var html = html
        return html.withUTF8 { page -> String in
            var out: [UInt8] = []
            var copied = 0, index = 0
            while let start = find(marker, in: page, from: index) {
                if out.isEmpty { out.reserveCapacity(page.count + 256) }
                out.append(contentsOf: page[copied..<start])
                out.append(contentsOf: filled)
                copied = start + marker.count
                index = copied
            }
            guard !out.isEmpty else { return String(decoding: page, as: UTF8.self) }
            out.append(contentsOf: page[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func fill(_ field: [UInt8], token: [UInt8]) -> [UInt8] {
        guard let at = find(placeholderBytes, in: field, from: 0) else { return field }
        return Array(field[..<at]) + token + Array(field[(at + placeholderBytes.count)...])
    }

    /// The first place at or after `from` where `needle` occurs.
    private static func find<C: RandomAccessCollection>(_ needle: [UInt8], in haystack: C, from: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard let first = needle.first, haystack.endIndex - from >= needle.count else { return nil }
        var i = from
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

private struct CSRFTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// This visitor's token: from the cookie, or a new one that `CSRFCookie`
    /// sets on the answer.
    var csrfToken: String {
        if let token = storage[CSRFTokenKey.self] { return token }
        let token = CSRF.newToken()
        storage[CSRFTokenKey.self] = token
        return token
    }

    /// A page as the browser receives it: with the token in its forms.
    func renderPage(_ html: String) -> String {
        CSRF.insertField(csrfToken, into: html)
    }
}

/// Reads the visitor's token from the cookie and sets the cookie when the
/// request had none (or a malformed one).
struct CSRFCookie: AsyncMiddleware {
    let secure: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let sent = request.cookies[CSRF.cookieName]?.string
        if let sent, CSRF.isWellFormed(sent) { request.storage[CSRFTokenKey.self] = sent }
        let response = try await next.respond(to: request)
        if let token = request.storage[CSRFTokenKey.self], token != sent {
            response.cookies[CSRF.cookieName] = HTTPCookies.Value(
                string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

/// Refuses a state-changing request whose token does not match the cookie.
/// Sits on each route (inside the router), so it can collect the body with
/// that route's own size limit before looking for the form field.
struct CSRFGuard: AsyncMiddleware {
    let bodyLimit: Int?

    static let refusal = AppError(status: .forbidden, reason: "页面已过期或请求来源无法确认：请刷新页面后重新提交。")

    /// A JSON body is exempt (see `CSRF`): exactly `application/json`, in
    /// any case. `HTTPMediaType`'s `==` lets wildcards match, so `*/*` and
    /// `application/*` were exempt too; compared by hand here.
    static func isJSON(_ request: Request) -> Bool {
        guard let type = request.headers.contentType else { return false }
        return type.type.lowercased() == "application" && type.subType.lowercased() == "json"
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bodyLimit { request.storage[BodyLimitKey.self] = bodyLimit }
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), !Self.isJSON(request) else {
            return try await next.respond(to: request)
        }
        if let type = request.headers.contentType, type.type.lowercased() == "multipart" {
            // Checked before anything decodes it (see MultipartGuard).
            if request.body.data == nil { _ = try await request.body.collect(max: bodyLimit).get() }
            guard let body = request.body.data, let boundary = type.parameters["boundary"],
                  MultipartGuard.isWellFormed(body, boundary: boundary) else { throw MultipartGuard.refusal }
        }
        guard let expected = request.cookies[CSRF.cookieName]?.string, CSRF.isWellFormed(expected) else {
            throw Self.refusal
        }
        if CSRF.matches(request.headers.first(name: CSRF.headerName), expected) {
            return try await next.respond(to: request)
        }
        if request.body.data == nil {
            _ = try await request.body.collect(max: bodyLimit).get()
        }
        let field = try? request.content.get(String.self, at: CSRF.fieldName)
        guard CSRF.matches(field, expected) else { throw Self.refusal }
        return try await next.respond(to: request)
    }
}
