@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// A page no link reaches does not exist for a user. Signed in as each
    /// demo role, this follows every link (and every GET filter form) from
    /// the landing page, and must reach every page and download the
    /// hand-written access matrix (`AccessControl.expected`) gives the role.
    @Suite struct Reachability {
        /// Pages that need what the demo does not have, each with the reason.
        static let unreachableInTheDemo: [String: String] = [
            "GET /plans/:planID/attachments/:attachmentID": "the demo's reports carry no attachments",
            "GET /login/code": "no demo account has the second factor on",
            "GET /plans/:planID/bulletins/:bulletinID": "the demo issues no bulletin (browser step l issues one and opens it from the list)",
            "GET /plans/:planID/bulletins/:bulletinID/docx": "the demo issues no bulletin (browser step l downloads one from its page)",
        ]

        @Test(arguments: ["admin", "office", "leader", "kjj"])
        func everyPageIsReachedByLinksFromTheLandingPage(username: String) async throws {
            try await withServer(demo: true) { app in try await Self.walk(app, as: username) }
        }

        static func walk(_ app: Application, as username: String) async throws {
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == username).first())
            let letter: Character = ["admin": "A", "office": "O", "leader": "L", "kjj": "R"][username]!
            let headers = try await app.login(username, DemoData.password)
            let pages = SiteRoute.allCases.filter { $0.method == .GET && !$0.isAPI && $0 != .stylesheet && $0 != .loginPage }
            var expected = Set(pages.filter { route in
                AccessControl.expected[AccessControl.key(route)]?.contains(letter) == true
            }.map(AccessControl.key))
            expected.subtract(Self.unreachableInTheDemo.keys)
            #expect(expected.count > 5, "\(username): \(expected.count) pages")

            var reached = Set<String>()
            var seen = Set<String>()
            var perRoute: [String: Int] = [:]
            var queue = ["/"]
            while let path = queue.first, seen.count < 600 {
                queue.removeFirst()
                guard seen.insert(path).inserted else { continue }
                let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
                guard let route = Self.route(of: bare, among: pages) else { continue }
                let key = AccessControl.key(route)
                // A few instances of each page are enough to find its links.
                perRoute[key, default: 0] += 1
                guard perRoute[key]! <= 3 else { continue }
                let page = try await Self.fetch(app, path, headers)
                // Answered: a page, a download, or the home page's redirect to the role's landing page.
                if page.status == .ok || page.location != nil { reached.insert(key) }
                if let location = page.location { queue.append(location) }
                queue += Self.links(in: page.html).filter { !seen.contains($0) }
            }
            let missing = expected.subtracting(reached).sorted()
            #expect(missing.isEmpty, "\(username) (\(account.role)) reaches no link to: \(missing)")
        }

        struct Page: Sendable {
            var status: HTTPStatus
            var location: String?
            var html: String
        }

        static func fetch(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> Page {
            let box = PageBox()
            try await app.test(.GET, path, headers: headers) { res in
                let redirect = res.status == .seeOther || res.status == .found
                box.page = Page(status: res.status, location: redirect ? res.headers.first(name: .location) : nil,
                                html: res.headers.contentType?.subType == "html" ? res.body.string : "")
            }
            return box.page ?? Page(status: .internalServerError, location: nil, html: "")
        }

        final class PageBox: @unchecked Sendable { var page: Page? }

        /// Same-site hrefs and GET form actions of a page, `&amp;` decoded.
        static func links(in html: String) -> [String] {
            var out: [String] = []
            let href = try! Regex(#"href="(/[^"/][^"]*|/)""#)
            let form = try! Regex(#"<form action="(/[^"]*)" method="get""#)
            for match in html.matches(of: href) { out.append(String(match.output[1].substring ?? "")) }
            for match in html.matches(of: form) { out.append(String(match.output[1].substring ?? "")) }
            return out.map { $0.replacingOccurrences(of: "&amp;", with: "&") }.filter { !$0.hasPrefix("/logout") }
        }

        /// The page route a path is an instance of.
        static func route(of path: String, among routes: [SiteRoute]) -> SiteRoute? {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            // /plans/import is the import page, not a plan: the most literal match wins.
            return routes.filter { route in
                let pattern = route.pattern.split(separator: "/", omittingEmptySubsequences: true)
                return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            }.max { a, b in
                a.pattern.split(separator: "/").filter { !$0.hasPrefix(":") }.count < b.pattern.split(separator: "/").filter { !$0.hasPrefix(":") }.count
            }
        }
    }
}
