import Vapor

/// Registers every `SiteRoute` with its role guard, body limit and handler.
func registerRoutes(_ app: Application) throws {
    for route in SiteRoute.allCases {
        let descriptor = route.descriptor
        var builder: any RoutesBuilder = descriptor.access.roles.map { app.grouped(RoleGuard(roles: $0)) } ?? app
        if descriptor.method != .GET {
            builder = builder.grouped(CSRFGuard(bodyLimit: descriptor.body.limit(default: app.routes.defaultMaxBodySize.value)))
        }
        builder.on(descriptor.method.http, route.pathComponents, body: descriptor.body.strategy, use: descriptor.handler)
    }
}

extension RequestBodySize {
    /// The byte limit, for the CSRF guard that reads the body first.
    func limit(default fallback: Int) -> Int {
        if case .collect(let max) = strategy { return max?.value ?? fallback }
        return fallback
    }
}
