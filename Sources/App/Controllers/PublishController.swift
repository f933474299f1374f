import Fluent
import PlanDomain
import Vapor

enum PublishController {
    @Sendable static func publish(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let id = plan.linkID
        do {
            try await publish(plan, req: req)
            return req.redirectWithFlash(SitePath.planPage(id).path, "计划已发布（第 \(plan.version) 版），各单位可在“我的任务”中看到自己的任务。")
        } catch let error as AppError where error.status == .conflict {
            return req.redirectWithFlash(SitePath.unitsPage(id).path, "未发布：" + error.reason)
        }
    }

    @Sendable static func apiPublish(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        try await publish(plan, req: req)
        return try await PlanSummaryDTO(plan).encodeResponse(for: req)
    }

    /// Publishing needs every unit name resolved: a task no unit can see is a
    /// task nobody reports on.
    static func publish(_ plan: PlanRecord, req: Request) async throws {
        try await publish(plan, by: try req.requireAccount(), at: req.clock.now(), on: req.db)
    }

    static func publish(_ plan: PlanRecord, by account: Account, at now: Date, on db: any Database) async throws {
        guard plan.status == .draft else { throw AppError.conflict("计划已经发布过，不能重复发布。") }
        let open = try await Assignment.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$unit.$id == nil).all()
        // Collective names (各镇办, 二级单位) stand for many units and are not matched.
        let names = Array(Set(open.map(\.unitName).filter { !CollectiveName.isCollective($0) })).sorted()
        guard names.isEmpty else {
            throw AppError.conflict("还有 \(names.count) 个单位名称未匹配（\(names.prefix(5).joined(separator: "、"))\(names.count > 5 ? "等" : "")），请先完成单位匹配。")
        }
        try await db.writeTransaction { tx in
            plan.status = .published
            plan.version = 1
            plan.publishedAt = now
            try await plan.save(on: tx)
            try await PlanEditor.recordVersion(of: plan, by: account, summary: "发布", on: tx)
            try await Audit.record(account, "plan.publish", entity: "plan", id: try plan.requireID(),
                                   before: "草稿", after: "\(plan.displayTitle)：发布（第 1 版）", on: tx)
        }
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        guard plan.status == .published else {
            return req.redirectWithFlash(SitePath.planPage(plan.linkID).path, "只有已发布的计划可以关闭。")
        }
        try await PlanEditor.edit(plan, by: account, summary: "关闭计划", on: req.db) { _ in plan.status = .closed }
        return req.redirectWithFlash(SitePath.planPage(plan.linkID).path, "计划已关闭。")
    }
}
