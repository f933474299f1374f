import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// The connection guard's limits, read once with the rest of `AppConfig`.
///
/// Defaults follow long-standing web servers: a head must arrive within 10 s
/// (nginx `client_header_timeout` 60 s, Apache `RequestReadTimeout header=20`),
/// a body at 500 bytes/s after 20 s (Apache's `body=20,MinRate=500`), a
/// connection with no byte either way for 120 s is closed.
public struct ConnectionLimits: Sendable, Equatable {
    /// Off runs Vapor's server alone (`SCIPLAN_CONNECTION_GUARD=0`).
    public var enabled = true
    /// Most connections held at once; 0 derives it from the file limit.
    public var maxConnections = 0
    public var headerSeconds = 10
    public var bodyGraceSeconds = 20
    public var bodyMinBytesPerSecond = 500
    public var idleSeconds = 120
    public var maxHeadBytes = 64 * 1024

    public init() {}

    /// The cap actually applied: a proxied connection holds three
    /// descriptors (the client's, ours to the application, the application's
    /// end), and some are kept back for the database, logs and uploads.
    func effectiveMaxConnections(fileLimit: Int) -> Int {
        let derived = max(64, (fileLimit - 256) / 3)
        return maxConnections > 0 ? min(maxConnections, derived) : derived
    }

    /// Raises the soft limit on open files to the hard one, as servers do, and
    /// returns the limit now in force.
    static func raiseFileLimit() -> Int {
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        let target = min(limit.rlim_max, 1 << 20)
        if limit.rlim_cur < target {
            var raised = limit
            raised.rlim_cur = target
            if setrlimit(resource, &raised) == 0 { return Int(target) }
        }
        return Int(limit.rlim_cur)
    }
}
