import Fluent
import PlanText
import Vapor

extension EditController {
    struct TargetForm: Content {
        var node: String?
        var text: String?
        var metric: String?
        var indicator: String?
        var value: String?
        var max: String?
        var unit: String?
        var comparator: String?
        var year: String?

        func changes() throws -> TargetChanges {
            func number(_ text: String?, _ name: String) throws -> Double? {
                guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let value = Double(text), value.isFinite else { throw AppError.badRequest("\(name)“\(text)”不是数字。") }
                return value
            }
            var year: Int?
            if let text = self.year?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                guard let value = Int(text) else { throw AppError.badRequest("年份“\(text)”不是整数。") }
                year = value
            }
            let max = try number(self.max, "上限")
            return TargetChanges(
                text: text, metric: metric, indicator: indicator?.trimmingCharacters(in: .whitespaces),
                value: try number(value, "目标值"), max: max, clearMax: self.max != nil && max == nil,
                unit: unit?.trimmingCharacters(in: .whitespaces), comparator: comparator, year: year,
                clearYear: self.year != nil && year == nil)
        }
    }

    @Sendable static func addTarget(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        do {
            let form = try req.content.decode(TargetForm.self)
            let changes = try form.changes()
            try changes.validate()
            guard let text = changes.text, !text.isEmpty, let value = changes.value else {
                throw AppError.badRequest("新目标需要原文和目标值。")
            }
            var nodeID: UUID?
            if let raw = form.node, !raw.isEmpty {
                guard let id = UUID(uuidString: raw),
                      try await NodeRecord.query(on: req.db).filter(\.$id == id).filter(\.$plan.$id == planID).first() != nil else {
                    throw AppError.badRequest("目标所属的条目不存在。")
                }
                nodeID = id
            }
            let target = TargetRecord()
            target.$plan.id = planID
            target.nodeID = nodeID
            target.text = text
            target.metric = changes.metric ?? ""
            target.indicator = changes.indicator.flatMap { $0.isEmpty ? nil : $0 }
            target.value = value
            target.max = changes.max
            target.unit = changes.unit ?? ""
            target.comparator = changes.comparator ?? Comparator.atLeast.rawValue
            target.year = changes.year ?? plan.year
            target.spanStart = 0
            target.spanEnd = 0
            let last = try await TargetRecord.query(on: req.db).filter(\.$plan.$id == planID).max(\.$position) ?? -1
            target.position = last + 1
            try await PlanEditor.edit(plan, by: account, summary: "新增目标“\(text)”", on: req.db) { tx in
                try await target.create(on: tx)
            }
            return back(req, plan, message: "已新增目标。", anchor: nodeID.map { "node-\($0.uuidString)" })
        } catch let error as AppError where error.status == .badRequest {
            return back(req, plan, error: error.reason)
        }
    }

    @Sendable static func updateTarget(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        do {
            let target = try await changeTarget(req, plan: plan, changes: try req.content.decode(TargetForm.self).changes())
            return back(req, plan, message: "已保存目标。", anchor: target.nodeID.map { "node-\($0.uuidString)" })
        } catch let error as AppError where error.status == .badRequest {
            return back(req, plan, error: error.reason)
        }
    }

    @Sendable static func apiUpdateTarget(req: Request, body: JSONBody<TargetChanges>) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        _ = try await changeTarget(req, plan: plan, changes: try body.decode())
        return try await PlanDTO(try await PlanStore.load(plan, on: req.db), visibleNodes: nil).encodeResponse(for: req)
    }

    static func changeTarget(_ req: Request, plan: PlanRecord, changes: TargetChanges) async throws -> TargetRecord {
        let account = try req.requireAccount()
        let target = try await target(req, plan: plan)
        try changes.validate()
        let text = target.text
        try await PlanEditor.edit(plan, by: account, summary: "修改目标“\(text)”", on: req.db) { tx in
            _ = try changes.apply(to: target)
            if target.comparator == Comparator.range.rawValue, target.max == nil {
                throw AppError.badRequest("区间目标需要填写上限。")
            }
            try await target.save(on: tx)
        }
        return target
    }

    @Sendable static func deleteTarget(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let target = try await target(req, plan: plan)
        let text = target.text
        if try await ReportValue.query(on: req.db).filter(\.$target.$id == target.requireID()).count() > 0 {
            return back(req, plan, message: "目标“\(text)”已有单位填报的数值，不能删除（删除会丢失这些数值）。", anchor: target.nodeID.map { "node-\($0.uuidString)" })
        }
        try await PlanEditor.edit(plan, by: account, summary: "删除目标“\(text)”", on: req.db) { tx in
            try await target.delete(on: tx)
        }
        return back(req, plan, message: "已删除目标“\(text)”。", anchor: target.nodeID.map { "node-\($0.uuidString)" })
    }

    static func target(_ req: Request, plan: PlanRecord) async throws -> TargetRecord {
        let id = try req.uuidParameter("targetID")
        guard let target = try await TargetRecord.query(on: req.db).filter(\.$id == id).filter(\.$plan.$id == plan.requireID()).first() else {
            throw AppError.notFound("目标")
        }
        return target
    }
}
