import Fluent
import PlanDomain
import Vapor

/// Changes to a plan's fields, nodes and targets, from the review page's forms
/// and from the API. All go through `PlanEditor`.
enum EditController {
    struct FieldsForm: Content {
        var title: String?
        var issuers: String?
        var jurisdictionName: String?
        var year: String?
        var docNumber: String?
        var issuedDate: String?
    }

    @Sendable static func updateFields(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let form = try req.content.decode(FieldsForm.self)
        var year: Int?
        if let text = form.year?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Int(text), (1990...2100).contains(value) else {
                return back(req, plan, error: "年度“\(text)”无效，请填写四位年份。")
            }
            year = value
        }
        if let title = form.title, title.count > 200 {
            return back(req, plan, error: "计划标题不能超过 200 字，现为 \(title.count) 字。")
        }
        if let date = form.issuedDate, !date.isEmpty, !NodeChanges.isISODate(date) {
            return back(req, plan, error: "发文日期“\(date)”不是有效日期，请写成 2025-02-09 的形式。")
        }
        let newYear = year
        try await PlanEditor.edit(plan, by: account, summary: "修改计划信息", on: req.db) { _ in
            plan.title = blankToNil(form.title)
            plan.issuers = NodeChanges.list(form.issuers) ?? plan.issuers
            plan.jurisdictionName = blankToNil(form.jurisdictionName)
            plan.year = newYear
            plan.docNumber = blankToNil(form.docNumber)
            plan.issuedDate = blankToNil(form.issuedDate)
        }
        return back(req, plan, message: "已保存计划信息。")
    }

    struct NodeForm: Content {
        var label: String?
        var title: String?
        var lead: String?
        var responsible: String?
        var cooperating: String?
        var leaders: String?
        var deadline: String?
        var deadlineDate: String?
        /// Blank → equal weights; absent (an older form) → unchanged.
        var weight: String?

        func changes() throws -> NodeChanges {
            var weightValue: Double?
            do { weightValue = try Weight.read(weight) } catch { throw AppError.badRequest(error.message) }
            return NodeChanges(
                label: label, title: title, leadUnits: NodeChanges.list(lead), responsibleUnits: NodeChanges.list(responsible),
                cooperatingUnits: NodeChanges.list(cooperating), leaders: NodeChanges.list(leaders),
                deadline: deadline, deadlineDate: deadlineDate, weight: weightValue,
                clearWeight: weight.map { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
    }

    @Sendable static func updateNode(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        do {
            let node = try await changeNode(req, plan: plan, changes: try req.content.decode(NodeForm.self).changes())
            return back(req, plan, message: "已保存条目 \(node.key)。", anchor: "node-\(node.linkID)")
        } catch let error as AppError where error.status == .badRequest {
            return back(req, plan, error: error.reason)
        }
    }

    @Sendable static func apiUpdateNode(req: Request, body: JSONBody<NodeChanges>) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        _ = try await changeNode(req, plan: plan, changes: try body.decode())
        return try await PlanDTO(try await PlanStore.load(plan, on: req.db), visibleNodes: nil).encodeResponse(for: req)
    }

    static func changeNode(_ req: Request, plan: PlanRecord, changes: NodeChanges) async throws -> NodeRecord {
        let account = try req.requireAccount()
        let node = try await node(req, plan: plan)
        try changes.validate()
        let planID = try plan.requireID()
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: req.db)
        let key = node.key
        let labelChanged = changes.label != nil && changes.label != node.label
        try await PlanEditor.editSaying(plan, by: account, summary: "修改条目 \(key)", on: req.db) { tx -> [String] in
            let said = try await changes.apply(to: node, planID: planID, directory: directory, on: tx)
            if labelChanged { try await PlanEditor.renumber(planID: planID, on: tx) }
            return said
        }
        return node
    }

    struct AddNodeForm: Content {
        var parent: String?
        var label: String
        var title: String
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let form = try req.content.decode(AddNodeForm.self)
        let planID = try plan.requireID()
        let label = form.label.trimmingCharacters(in: .whitespaces), title = form.title.trimmingCharacters(in: .whitespaces)
        let siblings = try await NodeRecord.query(on: req.db).filter(\.$plan.$id == planID).all()
        var parentID: UUID?
        if let text = form.parent, !text.isEmpty {
            guard let id = UUID(uuidString: text) else { return back(req, plan, error: OutlineError.unknownParent.description) }
            parentID = id
        }
        let position: Int
        do {
            try Outline.checkNew(label: label, title: title)
            position = try siblings.outline.insertionPosition(under: parentID)
        } catch let error as OutlineError {
            return back(req, plan, error: error.description)
        }
        let node = NodeRecord()
        node.id = UUID()
        node.$plan.id = planID
        node.parentID = parentID
        node.position = position
        node.key = label
        node.label = label
        node.level = 1
        node.title = title
        node.isTask = true
        node.leaders = []
        node.spanStart = 0; node.spanEnd = 0; node.titleStart = 0; node.titleEnd = 0
        // Added to a running plan: it owes reports from today, not from January.
        if plan.status != .draft { node.joinedOn = req.clock.today().iso }
        try await PlanEditor.edit(plan, by: account, summary: "新增条目 \(label) \(title)", on: req.db) { tx in
            for other in siblings where other.position >= position {
                other.position += 1
                try await other.save(on: tx)
            }
            try await node.create(on: tx)
            try await PlanEditor.renumber(planID: planID, on: tx)
        }
        return back(req, plan, message: "已新增条目 \(node.key)。", anchor: "node-\(node.linkID)")
    }

    @Sendable static func deleteNode(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let node = try await node(req, plan: plan)
        let planID = try plan.requireID()
        let all = try await NodeRecord.query(on: req.db).filter(\.$plan.$id == planID).all()
        let removed = all.outline.block(of: try node.requireID())
        let key = node.key, title = node.title
        if try await ProgressReport.query(on: req.db).filter(\.$node.$id ~~ removed).count() > 0 {
            return back(req, plan, message: "条目 \(key) 或其下级任务已有进展报告，不能删除（删除会丢失报告）。")
        }
        try await PlanEditor.edit(plan, by: account, summary: "删除条目 \(key) \(title)（含下级 \(removed.count - 1) 条）", on: req.db) { tx in
            try await TargetRecord.query(on: tx).filter(\.$nodeID ~~ removed).delete()
            try await Assignment.query(on: tx).filter(\.$node.$id ~~ removed).delete()
            try await NodeRecord.query(on: tx).filter(\.$id ~~ removed).delete()
            try await PlanEditor.renumber(planID: planID, on: tx)
        }
        return back(req, plan, message: "已删除条目 \(key)。")
    }

    struct MoveForm: Content { var direction: String }

    /// Swaps a node (with everything under it) with its previous or next sibling.
    @Sendable static func moveNode(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let node = try await node(req, plan: plan)
        let up = try req.content.decode(MoveForm.self).direction == "up"
        let planID = try plan.requireID()
        let all = try await NodeRecord.query(on: req.db).filter(\.$plan.$id == planID).sort(\.$position).all()
        let moved: [UUID: Int]
        do {
            moved = try all.outline.move(try node.requireID(), up: up)
        } catch let error as OutlineError {
            return back(req, plan, error: error.description)
        }
        let key = node.key
        try await PlanEditor.edit(plan, by: account, summary: "\(up ? "上移" : "下移")条目 \(key)", on: req.db) { tx in
            for other in all {
                guard let id = other.id, let position = moved[id], position != other.position else { continue }
                other.position = position
                try await other.save(on: tx)
            }
            try await PlanEditor.renumber(planID: planID, on: tx)
        }
        return back(req, plan, message: "已\(up ? "上移" : "下移")条目。", anchor: "node-\(node.linkID)")
    }

    static func node(_ req: Request, plan: PlanRecord) async throws -> NodeRecord {
        let id = try req.uuidParameter("nodeID")
        guard let node = try await NodeRecord.query(on: req.db).filter(\.$id == id).filter(\.$plan.$id == plan.requireID()).first() else {
            throw AppError.notFound("条目")
        }
        return node
    }

    /// Back to the review page, with a message.
    static func back(_ req: Request, _ plan: PlanRecord, message: String? = nil, error: String? = nil, anchor: String? = nil) -> Response {
        let path = SitePath.reviewPage(plan.linkID).path + (anchor.map { "#" + $0 } ?? "")
        return req.redirectWithFlash(path, error.map { "未保存：" + $0 } ?? message ?? "")
    }
}

/// A form value with surrounding spaces removed; nil when nothing is left.
@Sendable func blankToNil(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
    return trimmed
}
