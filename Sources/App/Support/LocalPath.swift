import Foundation

/// A redirect target inside this site, built from a value a client sent
/// (the login form's `next`, a `Referer`), never passed on raw: a path that
/// starts with one `/`, of visible ASCII only, with its query kept as it was
/// percent-encoded. A value with CR or LF (`/\r\nSet-Cookie: …` set a cookie
/// in the victim's browser), a tab or space (`/\t/evil.example` is
/// `//evil.example` to a browser), a backslash, another host, or anything
/// that is not a plain path is no `LocalPath`.
struct LocalPath: Equatable, Sendable {
    let value: String

    init?(_ raw: String?) {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), raw.utf8.count <= 2048,
              raw.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: "\\") }),
              let parts = URLComponents(string: raw), parts.scheme == nil, parts.host == nil,
              parts.percentEncodedPath.hasPrefix("/"), !parts.percentEncodedPath.hasPrefix("//") else { return nil }
        value = parts.percentEncodedPath + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The path and query of a `Referer` of this site, when it is under `prefix`.
    /// A referer naming another host is no path of ours.
    static func referer(_ header: String?, host: String?, under prefix: String) -> LocalPath? {
        guard let header, let url = URLComponents(string: header) else { return nil }
        if let host, let refererHost = url.host, refererHost.lowercased() != host.split(separator: ":").first.map({ $0.lowercased() }) {
            return nil
        }
        // The query is kept: going back to a filtered list keeps its filters.
        guard let path = LocalPath(url.percentEncodedPath + (url.percentEncodedQuery.map { "?" + $0 } ?? "")),
              path.value.hasPrefix(prefix) else { return nil }
        return path
    }
}
