import Plot
import Vapor

/// Pages are Plot documents returned straight from handlers.
extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: request.renderPage(render())))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

extension Request {
    /// After a form post: back to a page, with a message shown once.
    func redirectWithFlash(_ path: String, _ message: String) -> Response {
        session.data["flash"] = message
        return redirect(to: path)
    }

    /// The one-time message a redirect left, cleared as it is read.
    func takeFlash() -> String? {
        guard hasSession else { return nil }
        let flash = session.data["flash"]
        if flash != nil { session.data["flash"] = nil }
        return flash
    }

    var pageContextWithFlash: PageContext {
        PageContext(account: account, demo: appConfig.demo, flash: takeFlash(), fixedDay: application.clock.fixedDay, unread: unreadNotifications)
    }
}
