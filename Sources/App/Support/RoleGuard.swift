import Vapor
import Fluent

/// Lets a request through only when the signed-in account has one of the
/// route's roles; every route states its roles in `SiteRoute.roles`.
struct RoleGuard: AsyncMiddleware {
    let roles: Set<Role>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let account = request.account else { throw AppError.unauthorized }
        guard roles.contains(account.role) else { throw AppError.forbidden }
        return try await next.respond(to: request)
    }
}

/// Which plans an account may see or change.
enum Access {
    /// Whether a jurisdiction `scope` (an office's) includes `code`: a province
    /// its cities and counties, a city its counties (GB/T 2260 prefixes).
    static func covers(_ scope: String, _ code: String) -> Bool {
        guard scope.count == 6, code.count == 6 else { return scope == code }
        if scope.hasSuffix("0000") { return code.prefix(2) == scope.prefix(2) }
        if scope.hasSuffix("00") { return code.prefix(4) == scope.prefix(4) }
        return scope == code
    }

    /// The plan named in the path, if this account may read it.
    static func readablePlan(_ req: Request) async throws -> PlanRecord {
        let account = try req.requireAccount()
        guard let plan = try await PlanRecord.find(try req.uuidParameter("planID"), on: req.db) else {
            throw AppError.notFound("计划")
        }
        guard try await canRead(plan, account: account, on: req.db) else { throw AppError.forbidden }
        return plan
    }

    /// The plan named in the path, if this account may change it.
    static func editablePlan(_ req: Request) async throws -> PlanRecord {
        let account = try req.requireAccount()
        guard let plan = try await PlanRecord.find(try req.uuidParameter("planID"), on: req.db) else {
            throw AppError.notFound("计划")
        }
        guard canEdit(plan, account: account) else { throw AppError.forbidden }
        return plan
    }

    static func canEdit(_ plan: PlanRecord, account: Account) -> Bool {
        switch account.role {
        case .admin: return true
        case .office: return account.jurisdictionCode.map { covers($0, plan.jurisdictionCode) } ?? false
        case .reporter, .leader: return false
        }
    }

    static func canRead(_ plan: PlanRecord, account: Account, on db: any Database) async throws -> Bool {
        switch account.role {
        case .admin, .office: return canEdit(plan, account: account)
        case .leader:
            return plan.status != .draft && (account.jurisdictionCode.map { covers($0, plan.jurisdictionCode) } ?? false)
        case .reporter:
            guard plan.status != .draft, let unitID = account.$unit.id, let planID = plan.id else { return false }
            if try await Assignment.query(on: db).filter(\.$plan.$id == planID).filter(\.$unit.$id == unitID).count() > 0 { return true }
            guard plan.jurisdictionCode == account.jurisdictionCode else { return false }
            return try await PlanStore.issuerUnits(of: plan, on: db).contains(unitID)
        }
    }
}
