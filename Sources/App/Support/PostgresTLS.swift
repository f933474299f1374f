import FluentPostgresDriver
import Foundation
import Vapor

/// `sslmode` (or `tlsmode`) and `sslrootcert` of `DATABASE_URL`, as libpq
/// reads them. Before, TLS was switched off whatever the URL said.
///
/// | sslmode | TLS | the server's certificate |
/// | --- | --- | --- |
/// | (none), disable | no | — |
/// | allow, prefer | if the server offers it | not checked |
/// | require | yes | checked against `sslrootcert` when given, else not |
/// | verify-ca | yes | chain checked (`sslrootcert` or the system's roots) |
/// | verify-full | yes | chain and host name checked |
///
/// No `sslmode` keeps the connection unencrypted, as before (a database on
/// the same machine or a private network); SECURITY.md says to use
/// `verify-full` across any network.
struct PostgresTLS: Equatable, Sendable {
    enum Mode: String, Sendable { case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    var mode: Mode
    var rootCertificate: String?

    init(url: URL) throws {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let value = items.last(where: { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) })?.value?.lowercased()
        switch value {
        case nil, "disable", "false": mode = .disable
        case "allow", "prefer", "true": mode = .prefer
        case "require": mode = .require
        case "verify-ca": mode = .verifyCA
        case "verify-full": mode = .verifyFull
        case let other?:
            throw ConfigError(message: "配置错误：DATABASE_URL 的 sslmode“\(other.prefix(20))”无效，应为 disable、prefer、require、verify-ca 或 verify-full。")
        }
        rootCertificate = items.last(where: { $0.name.lowercased() == "sslrootcert" })?.value
        if let path = rootCertificate, !FileManager.default.isReadableFile(atPath: path) {
            throw ConfigError(message: "配置错误：DATABASE_URL 的 sslrootcert 文件不存在或不可读。")
        }
    }

    /// The driver's setting.
    func driverSetting() throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate { tls.trustRoots = .file(rootCertificate) }
        switch mode {
        case .disable:
            return .disable
        case .prefer:
            tls.certificateVerification = .none
            return try .prefer(.init(configuration: tls))
        case .require:
            tls.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
            return try .require(.init(configuration: tls))
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return try .require(.init(configuration: tls))
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return try .require(.init(configuration: tls))
        }
    }

    /// The URL without the TLS parameters, for PostgresKit (which reads
    /// `sslmode` with its own, different meaning).
    static func stripped(_ url: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        parts.queryItems = parts.queryItems?.filter { !["sslmode", "tlsmode", "ssl", "tls", "sslrootcert"].contains($0.name.lowercased()) }
        if parts.queryItems?.isEmpty == true { parts.queryItems = nil }
        return parts.url ?? url
    }
}
