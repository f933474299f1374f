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

    /// After a form post whose refusal is shown on the page it came from:
    /// back to `path` with what `work` says it did, or with 未完成 and the
    /// reason it refused (nothing was changed).
    func redirectWithOutcome(_ path: String, _ work: () async throws -> String) async throws -> Response {
        do {
            return redirectWithFlash(path, try await work())
        } catch let error as AppError {
            return redirectWithFlash(path, "未完成：" + error.reason)
        }
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
