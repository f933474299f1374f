import Fluent
import PlanDomain
import Vapor

/// 单位组: the office lists once what a collective name of its plans stands
/// for — 各镇办 → its towns, 市直各相关部门 → the departments — and every plan
/// of the place that names the group hands the task to each member.
enum UnitGroupController {
    static let nameLimit = 30
    static let maxMembers = 200

    static func model(_ req: Request, typed: (name: String, members: String)? = nil, error: String? = nil) async throws -> UnitGroupsPage.Model {
        let account = try req.requireAccount()
        let place = Access.homePlace(account)
        let groups = try await UnitGroup.query(on: req.db).filter(\.$jurisdictionCode == place).sort(\.$name).all()
        let units = try await Unit.query(on: req.db).filter(\.$jurisdictionCode == place).all()
        let names = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
        // Collective names the place's plans print that no group stands for yet.
        let planIDs = try await PlanRecord.query(on: req.db).filter(\.$jurisdictionCode == place).all().compactMap(\.id)
        let collective = planIDs.isEmpty ? [] : try await Assignment.query(on: req.db).filter(\.$plan.$id ~~ planIDs).all()
            .map(\.unitName).filter(CollectiveName.isCollective)
        let defined = Set(groups.map { UnitGroups.key($0.name) })
        let undefined = Array(Set(collective.filter { !defined.contains(UnitGroups.key($0)) })).sorted()
        return UnitGroupsPage.Model(
            placeName: try await Jurisdiction.find(place, on: req.db)?.name ?? place,
            groups: groups.map { group in (group: group, members: group.members.map { names[$0] ?? "（已删除的单位）" }) },
            undefined: undefined, typed: typed ?? ("", ""), error: error)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        try await UnitGroupsPage.View(model: try await model(req), context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    struct Form: Content {
        var name: String?
        /// One unit per line (or separated by 、，,；).
        var members: String?
    }

    /// Creates the group or replaces its members; a member name not in the
    /// place's directory becomes a new unit (a town, a department …).
    @Sendable static func save(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try req.content.decode(Form.self)
        let place = Access.homePlace(account)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let names = (form.members ?? "").split(whereSeparator: { "\n\r、，,；;".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        func refuse(_ message: String) async throws -> Response {
            let view = UnitGroupsPage.View(model: try await model(req, typed: (form.name ?? "", form.members ?? ""), error: message), context: req.pageContext)
            let response = try await view.html.encodeResponse(for: req)
            response.status = .badRequest
            return response
        }
        guard !name.isEmpty else { return try await refuse("请填写单位组名称（如 各镇办），与计划中的写法一致。") }
        guard name.count <= nameLimit else { return try await refuse("单位组名称不能超过 \(nameLimit) 字。") }
        guard !names.isEmpty else { return try await refuse("请列出单位组的成员单位，每行一个。") }
        guard names.count <= maxMembers else { return try await refuse("一个单位组最多 \(maxMembers) 个成员。") }
        if let long = names.first(where: { $0.count > 60 }) { return try await refuse("单位名称“\(long.prefix(20))…”太长（不超过 60 字）。") }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        let directory = try await UnitDirectory(jurisdictionCode: place, on: req.db)
        let created = try await req.db.writeTransaction { tx -> Int in
            var members: [UUID] = []
            var created = 0
            for member in unique {
                if let id = directory.unitID(for: member) {
                    if !members.contains(id) { members.append(id) }
                    continue
                }
                let unit = Unit(name: member, kind: Unit.Kind(rawValue: UnitKindGuess.kind(of: member)) ?? .other, jurisdictionCode: place)
                try await unit.create(on: tx)
                try await Audit.record(account, "unit.create", entity: "unit", id: try unit.requireID(),
                                       before: "单位组“\(name)”的成员", after: "已新建单位“\(member)”（\(unit.kind.title)）。", on: tx)
                members.append(try unit.requireID())
                created += 1
            }
            let existing = try await UnitGroup.query(on: tx).filter(\.$jurisdictionCode == place).all()
                .first { UnitGroups.key($0.name) == UnitGroups.key(name) }
            let before = existing.map { "\($0.name)：\($0.members.count) 个成员" }
            let group = existing ?? UnitGroup(jurisdictionCode: place, name: name, members: [], updatedBy: account.displayName)
            group.name = name
            group.members = members
            group.updatedBy = account.displayName
            try await group.save(on: tx)
            try await Audit.record(account, "unit.group", entity: "unit_group", id: try group.requireID(), before: before,
                                   after: "\(name)：" + unique.joined(separator: "、"), on: tx)
            return created
        }
        return req.redirectWithFlash(SitePath.unitGroupsPage.path,
                                     "单位组“\(name)”已保存：\(unique.count) 个成员" + (created > 0 ? "，其中新建单位 \(created) 个" : "") + "。")
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let group = try await UnitGroup.find(try req.uuidParameter("groupID"), on: req.db),
              group.jurisdictionCode == Access.homePlace(account) else { throw AppError.notFound("单位组") }
        try await req.db.writeTransaction { tx in
            try await group.delete(on: tx)
            try await Audit.record(account, "unit.group.delete", entity: "unit_group", id: try group.requireID(),
                                   before: "\(group.name)：\(group.members.count) 个成员", after: nil, on: tx)
        }
        return req.redirectWithFlash(SitePath.unitGroupsPage.path, "单位组“\(group.name)”已删除；计划中的这一名称不再分解到成员单位。")
    }

    struct GroupDTO: Content {
        var id: UUID
        var name: String
        var members: [String]
    }

    @Sendable static func api(req: Request) async throws -> Response {
        try await model(req).groups.map { entry in
            GroupDTO(id: entry.group.id ?? UUID(), name: entry.group.name, members: entry.members)
        }.encodeResponse(for: req)
    }
}
