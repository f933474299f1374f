import Foundation
import Vapor

extension Response {
    /// A workbook download: `fallback` is the plain ASCII name old clients
    /// save under, `name` the Chinese one (RFC 5987) browsers show.
    static func xlsx(_ data: Data, name: String, fallback: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fallback
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
