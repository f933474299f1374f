import Fluent
import Vapor

/// 我的任务: the tasks where the reporter's unit is lead, responsible or
/// cooperating, across published plans.
enum MyTasksController {
    struct TaskDTO: Content {
        var planID: UUID
        var planTitle: String
        var nodeID: UUID
        var key: String
        var title: String
        var roles: [Assignment.Role]
        var deadline: String?
        var deadlineDate: String?
        var targets: [String]
    }

    static func tasks(for account: Account, on db: any Database) async throws -> [TaskDTO] {
        guard let unitID = account.$unit.id else { return [] }
        let assignments = try await Assignment.query(on: db).filter(\.$unit.$id == unitID).with(\.$node).with(\.$plan).all()
            .filter { $0.plan.status == .published }
        var byNode: [UUID: TaskDTO] = [:]
        var order: [(String, Int, UUID)] = []
        for assignment in assignments {
            let node = assignment.node
            guard let nodeID = node.id else { continue }
            if byNode[nodeID] == nil {
                let targets = try await TargetRecord.query(on: db).filter(\.$nodeID == nodeID).sort(\.$position).all().map(\.text)
                byNode[nodeID] = TaskDTO(
                    planID: assignment.$plan.id, planTitle: assignment.plan.displayTitle, nodeID: nodeID, key: node.key,
                    title: node.title, roles: [], deadline: node.deadlineText, deadlineDate: node.deadlineDate, targets: targets)
                order.append((assignment.plan.displayTitle, node.position, nodeID))
            }
            if !(byNode[nodeID]!.roles.contains(assignment.role)) { byNode[nodeID]!.roles.append(assignment.role) }
        }
        return order.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.compactMap { byNode[$0.2] }
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let unit = try await account.$unit.get(on: req.db)
        let tasks = try await tasks(for: account, on: req.db)
        return try await MyTasksPage.View(unitName: unit?.name ?? "", tasks: tasks, context: req.pageContextWithFlash)
            .html.encodeResponse(for: req)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        try await tasks(for: try req.requireAccount(), on: req.db).encodeResponse(for: req)
    }
}
