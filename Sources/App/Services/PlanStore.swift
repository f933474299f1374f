import Fluent
import PlanDomain
import Foundation
import PlanText

/// Moves a plan between PlanText's `Plan` and the database rows, both ways, so
/// that a plan imported and published without edits reads back exactly as
/// `sciplan parse` wrote it.
package enum PlanStore {
    struct Upload {
        var filename: String
        var bytes: Data
    }

    /// Creates a draft from a plan read from a document (or a workbook).
    static func create(
        _ plan: Plan, upload: Upload, jurisdictionCode: String, account: Account?, on db: any Database
    ) async throws -> PlanRecord {
        let record = PlanRecord()
        record.id = UUID()
        record.status = .draft
        record.version = 0
        record.jurisdictionCode = jurisdictionCode
        record.createdBy = account?.id
        apply(fields: plan, to: record)
        try await record.create(on: db)
        let planID = try record.requireID()
        let source = plan.source
        try await PlanFile(
            planID: planID, filename: upload.filename, format: source?.format.rawValue ?? "text",
            encoding: source?.encoding ?? "UTF-8", text: source?.text ?? "", bytes: upload.bytes
        ).create(on: db)
        try await writeStructure(plan, planID: planID, jurisdictionCode: jurisdictionCode, on: db)
        return record
    }

    static func apply(fields plan: Plan, to record: PlanRecord) {
        record.file = plan.file
        record.title = plan.title
        record.issuers = plan.issuers
        record.jurisdictionName = plan.jurisdiction
        record.year = plan.year
        record.docNumber = plan.docNumber
        record.issuedDate = plan.issuedDate
        record.allTasksAlso = plan.allTasksAlso
    }

    private static func writeStructure(_ plan: Plan, planID: UUID, jurisdictionCode: String, on db: any Database) async throws {
        let directory = try await UnitDirectory(jurisdictionCode: jurisdictionCode, on: db)
        var idByKey: [String: UUID] = [:]
        var nodes: [NodeRecord] = []
        var assignments: [Assignment] = []
        for (position, node) in plan.nodes.enumerated() {
            let record = NodeRecord()
            let id = UUID()
            record.id = id
            record.$plan.id = planID
            apply(node, to: record, parentID: node.parent.flatMap { idByKey[$0] }, position: position)
            record.spanStart = node.span.start
            record.spanEnd = node.span.end
            record.titleStart = node.titleSpan.start
            record.titleEnd = node.titleSpan.end
            record.deadlineStart = node.deadline?.span.start
            record.deadlineEnd = node.deadline?.span.end
            idByKey[node.id] = id
            nodes.append(record)
            assignments += self.assignments(of: node, planID: planID, nodeID: id, directory: directory)
        }
        let targets = plan.targets.enumerated().map { position, target in
            let record = TargetRecord()
            record.$plan.id = planID
            apply(target, to: record, nodeID: target.node.flatMap { idByKey[$0] }, position: position)
            record.spanStart = target.span.start
            record.spanEnd = target.span.end
            return record
        }
        try await createInBatches(nodes, on: db)
        try await createInBatches(targets, on: db)
        try await createInBatches(assignments, on: db)
    }

    /// The fields of a node as read, everything but its source positions.
    static func apply(_ node: PlanNode, to record: NodeRecord, parentID: UUID?, position: Int) {
        record.parentID = parentID
        record.position = position
        record.key = node.id
        record.label = node.label
        record.level = node.level
        record.title = node.title
        record.isTask = node.isTask
        record.leaders = node.leaders
        record.deadlineText = node.deadline?.text
        record.deadlineDate = node.deadline?.date
    }

    /// The fields of a target as read, everything but its source position.
    static func apply(_ target: Target, to record: TargetRecord, nodeID: UUID?, position: Int) {
        record.nodeID = nodeID
        record.position = position
        record.text = target.text
        record.metric = target.metric
        record.indicator = target.indicator
        record.value = target.value
        record.max = target.max
        record.unit = target.unit
        record.comparator = target.comparator.rawValue
        record.year = target.year
    }

    /// A node's unit names in their roles, resolved where the jurisdiction knows them.
    static func assignments(of node: PlanNode, planID: UUID, nodeID: UUID, directory: UnitDirectory) -> [Assignment] {
        let roles: [(Assignment.Role, [String])] = [
            (.lead, node.leadUnits), (.responsible, node.responsibleUnits), (.cooperating, node.cooperatingUnits),
        ]
        return roles.flatMap { role, names in
            names.enumerated().map { index, name in
                Assignment(planID: planID, nodeID: nodeID, role: role, position: index, unitName: name, unitID: directory.unitID(for: name))
            }
        }
    }

    /// Multi-row inserts of at most `batch` rows (SQLite and PostgreSQL both
    /// cap the parameters of one statement).
    package static func createInBatches<M: Model>(_ models: [M], on db: any Database, batch: Int = 100) async throws {
        for start in stride(from: 0, to: models.count, by: batch) {
            try await Array(models[start..<min(start + batch, models.count)]).create(on: db)
        }
    }

    /// Everything of one plan, loaded once for a page or an export.
    struct Loaded {
        var record: PlanRecord
        var file: PlanFile?
        var nodes: [NodeRecord]
        var targets: [TargetRecord]
        var assignments: [Assignment]
        /// Indexes by node, built once: pages and the standing ask per node
        /// for every node, which on a plan of hundreds of tasks must not be
        /// a scan each time.
        let assignmentsByNode: [UUID: [Assignment]]
        let targetsByNode: [UUID: [TargetRecord]]
        let nodeByID: [UUID: NodeRecord]
        /// The place's unit groups (各镇办 → its towns), expanded where a node names one.
        var groups: UnitGroups = .none

        init(record: PlanRecord, file: PlanFile?, nodes: [NodeRecord], targets: [TargetRecord], assignments: [Assignment]) {
            self.record = record
            self.file = file
            self.nodes = nodes
            self.targets = targets
            self.assignments = assignments
            assignmentsByNode = Dictionary(grouping: assignments) { $0.$node.id }.mapValues { $0.sorted { $0.position < $1.position } }
            targetsByNode = Dictionary(grouping: targets.filter { $0.nodeID != nil }) { $0.nodeID! }
            nodeByID = Dictionary(nodes.compactMap { n in n.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
        }

        func assignments(of node: NodeRecord, role: Assignment.Role) -> [Assignment] {
            guard let id = node.id else { return [] }
            return (assignmentsByNode[id] ?? []).filter { $0.role == role }
        }

        func targets(of node: NodeRecord) -> [TargetRecord] {
            guard let id = node.id else { return [] }
            return targetsByNode[id] ?? []
        }
    }

    static func load(_ record: PlanRecord, on db: any Database, withFile: Bool = false) async throws -> Loaded {
        let planID = try record.requireID()
        let file = withFile ? try await PlanFile.query(on: db).filter(\.$plan.$id == planID).first() : nil
        let nodes = try await NodeRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        let targets = try await TargetRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        let assignments = try await Assignment.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        var loaded = Loaded(record: record, file: file, nodes: nodes, targets: targets, assignments: assignments)
        loaded.groups = try await UnitGroup.of(place: record.jurisdictionCode, on: db)
        return loaded
    }

    /// The plan in PlanText's form, as `sciplan parse` would write it.
    static func plan(of loaded: Loaded) -> Plan {
        let record = loaded.record
        let keyByID = Dictionary(loaded.nodes.compactMap { n in n.id.map { ($0, n.key) } }, uniquingKeysWith: { a, _ in a })
        var unitsByNode: [UUID: [Assignment.Role: [String]]] = [:]
        for assignment in loaded.assignments.sorted(by: { $0.position < $1.position }) {
            unitsByNode[assignment.$node.id, default: [:]][assignment.role, default: []].append(assignment.unitName)
        }
        let nodes = loaded.nodes.map { node -> PlanNode in
            let units = node.id.flatMap { unitsByNode[$0] } ?? [:]
            var deadline: Deadline?
            if let text = node.deadlineText {
                deadline = Deadline(
                    text: text, date: node.deadlineDate,
                    span: SourceSpan(start: node.deadlineStart ?? 0, end: node.deadlineEnd ?? 0))
            }
            return PlanNode(
                id: node.key, title: node.title, leadUnits: units[.lead] ?? [],
                responsibleUnits: units[.responsible] ?? [], cooperatingUnits: units[.cooperating] ?? [],
                leaders: node.leaders, label: node.label, level: node.level,
                parent: node.parentID.flatMap { keyByID[$0] }, isTask: node.isTask,
                span: SourceSpan(start: node.spanStart, end: node.spanEnd),
                titleSpan: SourceSpan(start: node.titleStart, end: node.titleEnd), deadline: deadline)
        }
        let targets = loaded.targets.map { target in
            Target(
                node: target.nodeID.flatMap { keyByID[$0] }, text: target.text, metric: target.metric,
                indicator: target.indicator, value: target.value, max: target.max, unit: target.unit,
                comparator: Comparator(rawValue: target.comparator) ?? .atLeast, year: target.year,
                span: SourceSpan(start: target.spanStart, end: target.spanEnd))
        }
        var source: PlanSource?
        if let file = loaded.file {
            source = PlanSource(format: SourceFormat(rawValue: file.format) ?? .text, encoding: file.encoding, text: file.text)
        }
        return Plan(
            file: record.file, title: record.title, issuers: record.issuers, jurisdiction: record.jurisdictionName,
            year: record.year, docNumber: record.docNumber, issuedDate: record.issuedDate,
            allTasksAlso: record.allTasksAlso, nodes: nodes, targets: targets, source: source)
    }
}
