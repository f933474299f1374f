import Vapor
import Fluent
import PlanDomain

/// Lets a request through only when the signed-in account has one of the
/// route's roles; every route states them in its `RouteDescriptor`.
struct RoleGuard: AsyncMiddleware {
    let roles: Set<Role>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let account = request.account else { throw AppError.unauthorized }
        guard roles.contains(account.role) else { throw AppError.forbidden }
        return try await next.respond(to: request)
    }
}

/// Which plans an account may see or change: the rules are
/// `PlanDomain.AccessScope`'s; this loads what they need.
enum Access {
    static func covers(_ scope: String, _ code: String) -> Bool { AccessScope.covers(scope, code) }

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
        account.scope.mayEditPlan(of: plan.jurisdictionCode)
    }

    static func canRead(_ plan: PlanRecord, account: Account, on db: any Database) async throws -> Bool {
        let scope = account.scope
        let isDraft = plan.status == .draft
        var takesPart = false
        if scope.needsUnitForPlan(isDraft: isDraft), let unitID = account.$unit.id, let planID = plan.id {
            // Assigned to a task, or the issuing bureau of a plan of its own place.
            takesPart = try await Assignment.query(on: db).filter(\.$plan.$id == planID).filter(\.$unit.$id == unitID).count() > 0
            if !takesPart, plan.jurisdictionCode == account.jurisdictionCode {
                takesPart = try await PlanStore.issuerUnits(of: plan, on: db).contains(unitID)
            }
            // A member of a unit group the plan names (a town of 各镇办).
            if !takesPart {
                let groups = try await UnitGroup.query(on: db).filter(\.$jurisdictionCode == plan.jurisdictionCode).all()
                    .filter { $0.members.contains(unitID) }.map(\.name)
                if !groups.isEmpty {
                    let named = Set(try await Assignment.query(on: db).filter(\.$plan.$id == planID).all()
                        .map { UnitGroups.key($0.unitName) })
                    takesPart = groups.contains { named.contains(UnitGroups.key($0)) }
                }
            }
        }
        return scope.mayReadPlan(of: plan.jurisdictionCode, isDraft: isDraft, unitTakesPart: takesPart)
    }
}

extension Account {
    /// This account as the access rules see it.
    var scope: AccessScope {
        let role: AccessScope.Role
        switch self.role {
        case .admin: role = .admin
        case .office: role = .office
        case .leader: role = .leader
        case .reporter: role = .reporter
        }
        return AccessScope(role: role, place: jurisdictionCode)
    }
}
