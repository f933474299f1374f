import Fluent
import PlanDomain
import Vapor

/// Unit resolution: each unit name of a plan matched to a real unit of the
/// plan's jurisdiction by name or alias, near matches offered, new units made
/// in one click.
enum UnitController {
    struct NameStatus: Content {
        var name: String
        var tasks: Int
        var unitID: UUID?
        var unitName: String?
        /// Stands for many units (各镇办, 二级单位): not matched, not created, no bar to publishing.
        var collective: Bool
        var suggestions: [Suggestion]

        struct Suggestion: Content {
            var unitID: UUID
            var name: String
            var score: Double
        }
    }

    static func statuses(of plan: PlanRecord, on db: any Database) async throws -> (UnitDirectory, [NameStatus]) {
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: db)
        let assignments = try await Assignment.query(on: db).filter(\.$plan.$id == plan.requireID()).sort(\.$position).all()
        var order: [String] = []
        var byName: [String: [Assignment]] = [:]
        for assignment in assignments {
            if byName[assignment.unitName] == nil { order.append(assignment.unitName) }
            byName[assignment.unitName, default: []].append(assignment)
        }
        let statuses = order.map { name -> NameStatus in
            let rows = byName[name] ?? []
            let unit = directory.unit(rows.compactMap { $0.$unit.id }.first)
            let collective = unit == nil && CollectiveName.isCollective(name)
            return NameStatus(
                name: name, tasks: Set(rows.map(\.$node.id)).count, unitID: unit?.id, unitName: unit?.name, collective: collective,
                suggestions: unit == nil && !collective ? directory.suggestions(for: name).compactMap { s in
                    s.unit.id.map { NameStatus.Suggestion(unitID: $0, name: s.unit.name, score: (s.score * 100).rounded() / 100) }
                } : [])
        }
        return (directory, statuses)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let (directory, statuses) = try await statuses(of: plan, on: req.db)
        let view = UnitsPage.View(plan: plan, statuses: statuses, units: directory.units, context: req.pageContextWithFlash)
        return try await view.html.encodeResponse(for: req)
    }

    @Sendable static func apiPlanUnits(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        return try await statuses(of: plan, on: req.db).1.encodeResponse(for: req)
    }

    /// `unitID` links the name to that unit (and keeps the name as an alias);
    /// `create` makes a new unit of that name.
    struct ResolveRequest: Content, APIRequestBody {
        static let formatHint = "需要 JSON 字段 name（计划中的单位名称），以及 unitID（对应到已有单位）或 create: true（新建单位，可选 kind）。"

        var name: String
        var unitID: UUID?
        var create: Bool?
        var kind: String?
    }

    @Sendable static func resolve(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        return try await req.redirectWithOutcome(SitePath.unitsPage(plan.linkID).path) {
            try await resolve(try req.content.decode(ResolveRequest.self), plan: plan, by: try req.requireAccount(), on: req.db)
        }
    }

    @Sendable static func apiResolve(req: Request, body: JSONBody<ResolveRequest>) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        _ = try await resolve(try body.decode(), plan: plan, by: try req.requireAccount(), on: req.db)
        return try await statuses(of: plan, on: req.db).1.encodeResponse(for: req)
    }

    struct MergeForm: Content {
        var merged: UUID?
        var kept: UUID?
        var confirm: String?
    }

    /// 合并单位: two units of the plan's place that are one (`UnitMerger`).
    @Sendable static func merge(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        return try await req.redirectWithOutcome(SitePath.unitsPage(plan.linkID).path) {
            guard let form = try? req.content.decode(MergeForm.self), let merged = form.merged, let kept = form.kept else {
                throw AppError.badRequest("请选择要合并的单位和合并到的单位。")
            }
            guard form.confirm == "yes" else { throw AppError.badRequest("合并不能撤销：请勾选“确认合并”后再提交。") }
            for id in [merged, kept] {
                guard let unit = try await Unit.find(id, on: req.db), unit.jurisdictionCode == plan.jurisdictionCode else {
                    throw AppError.badRequest("只能合并本计划所属地区的单位。")
                }
            }
            return try await UnitMerger.merge(merged, into: kept, by: try req.requireAccount(), on: req.db)
        }
    }

    @Sendable static func createAll(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        let (_, statuses) = try await statuses(of: plan, on: req.db)
        var created = 0
        for status in statuses where status.unitID == nil && !status.collective {
            _ = try await resolve(.init(name: status.name, unitID: nil, create: true, kind: nil), plan: plan, by: try req.requireAccount(), on: req.db)
            created += 1
        }
        return req.redirectWithFlash(SitePath.unitsPage(plan.linkID).path, "已新建 \(created) 个单位。")
    }

    static func resolve(_ request: ResolveRequest, plan: PlanRecord, by account: Account?, on db: any Database) async throws -> String {
        let planID = try plan.requireID()
        let name = request.name
        guard try await Assignment.query(on: db).filter(\.$plan.$id == planID).filter(\.$unitName == name).count() > 0 else {
            throw AppError.badRequest("计划中没有单位名称“\(name)”。")
        }
        let code = plan.jurisdictionCode
        return try await db.writeTransaction { tx in
            let unit: Unit
            let message: String
            if let unitID = request.unitID {
                guard let existing = try await Unit.find(unitID, on: tx), existing.jurisdictionCode == code else {
                    throw AppError.badRequest("所选单位不存在或不属于本辖区。")
                }
                unit = existing
                let directory = try await UnitDirectory(jurisdictionCode: code, on: tx)
                if directory.unitID(for: name) != unitID {
                    try await UnitAlias(unitID: unitID, alias: name, jurisdictionCode: code).create(on: tx)
                }
                message = "“\(name)”已匹配到 \(existing.name)，并记为其别名。"
            } else if request.create == true {
                let kindText = request.kind ?? UnitKindGuess.kind(of: name)
                guard let kind = Unit.Kind(rawValue: kindText) else { throw AppError.badRequest("单位类型“\(kindText)”无效。") }
                if let existing = try await Unit.query(on: tx).filter(\.$jurisdictionCode == code).filter(\.$name == name).first() {
                    unit = existing
                } else {
                    unit = Unit(name: name, kind: kind, jurisdictionCode: code)
                    try await unit.create(on: tx)
                }
                message = "已新建单位“\(name)”（\(unit.kind.title)）。"
            } else {
                throw AppError.badRequest("请选择要匹配的单位，或选择新建。")
            }
            let unitID = try unit.requireID()
            for assignment in try await Assignment.query(on: tx).filter(\.$plan.$id == planID).filter(\.$unitName == name).all() {
                assignment.$unit.id = unitID
                try await assignment.save(on: tx)
            }
            try await Audit.record(account, request.unitID == nil ? "unit.create" : "unit.alias", entity: "unit", id: unitID,
                                   before: "计划中的名称“\(name)”", after: message, on: tx)
            return message
        }
    }

    @Sendable static func apiUnits(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        var query = Unit.query(on: req.db).with(\.$aliases).sort(\.$name)
        if account.role == .office, let code = account.jurisdictionCode {
            let all = try await query.all().filter { Access.covers(code, $0.jurisdictionCode) }
            return try await all.map(UnitDTO.init).encodeResponse(for: req)
        }
        query = query.limit(5000)
        return try await query.all().map(UnitDTO.init).encodeResponse(for: req)
    }
}

struct UnitDTO: Content {
    var id: UUID?
    var name: String
    var kind: Unit.Kind
    var jurisdictionCode: String
    var aliases: [String]

    init(_ unit: Unit) {
        id = unit.id
        name = unit.name
        kind = unit.kind
        jurisdictionCode = unit.jurisdictionCode
        aliases = unit.$aliases.value?.map(\.alias) ?? []
    }
}
