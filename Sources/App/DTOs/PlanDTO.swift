import Vapor

struct PlanSummaryDTO: Content {
    var id: UUID
    var title: String
    var file: String
    var status: PlanRecord.Status
    var version: Int
    var jurisdictionCode: String
    var year: Int?
    var docNumber: String?

    init(_ plan: PlanRecord) throws {
        id = try plan.requireID()
        title = plan.displayTitle
        file = plan.file
        status = plan.status
        version = plan.version
        jurisdictionCode = plan.jurisdictionCode
        year = plan.year
        docNumber = plan.docNumber
    }
}

struct PlanDTO: Content {
    var id: UUID
    var title: String?
    var file: String
    var status: PlanRecord.Status
    var version: Int
    var issuers: [String]
    var jurisdictionName: String?
    var jurisdictionCode: String
    var year: Int?
    var docNumber: String?
    var issuedDate: String?
    var allTasksAlso: [String]
    var nodes: [NodeDTO]
    var targets: [TargetDTO]
    var units: [AssignmentDTO]
}

struct NodeDTO: Content {
    var id: UUID
    var key: String
    var parentID: UUID?
    var label: String
    var level: Int
    var title: String
    var isTask: Bool
    var leadUnits: [String]
    var responsibleUnits: [String]
    var cooperatingUnits: [String]
    var leaders: [String]
    var deadline: String?
    var deadlineDate: String?
    /// The office's weight (考核权重); null → equal weights.
    var weight: Double?
    var span: [Int]
}

struct TargetDTO: Content {
    var id: UUID
    var nodeID: UUID?
    var text: String
    var metric: String
    var indicator: String?
    var value: Double
    var max: Double?
    var unit: String
    var comparator: String
    var year: Int?
    var span: [Int]
}

struct AssignmentDTO: Content {
    var nodeID: UUID
    var role: Assignment.Role
    var unitName: String
    var unitID: UUID?
}

extension PlanDTO {
    /// The plan as the account may see it: a reporter gets only the tasks of
    /// their unit (with the sections above them) and those tasks' targets.
    init(_ loaded: PlanStore.Loaded, visibleNodes: Set<UUID>?) throws {
        let record = loaded.record
        let nodes = loaded.nodes.filter { node in visibleNodes.map { node.id.map($0.contains) ?? false } ?? true }
        let nodeIDs = Set(nodes.compactMap(\.id))
        id = try record.requireID()
        title = record.title
        file = record.file
        status = record.status
        version = record.version
        issuers = record.issuers
        jurisdictionName = record.jurisdictionName
        jurisdictionCode = record.jurisdictionCode
        year = record.year
        docNumber = record.docNumber
        issuedDate = record.issuedDate
        allTasksAlso = record.allTasksAlso
        self.nodes = try nodes.map { node in
            NodeDTO(
                id: try node.requireID(), key: node.key, parentID: node.parentID, label: node.label, level: node.level,
                title: node.title, isTask: node.isTask,
                leadUnits: loaded.assignments(of: node, role: .lead).map(\.unitName),
                responsibleUnits: loaded.assignments(of: node, role: .responsible).map(\.unitName),
                cooperatingUnits: loaded.assignments(of: node, role: .cooperating).map(\.unitName),
                leaders: node.leaders, deadline: node.deadlineText, deadlineDate: node.deadlineDate,
                weight: node.weight, span: [node.spanStart, node.spanEnd])
        }
        targets = try loaded.targets
            .filter { target in visibleNodes == nil || target.nodeID.map(nodeIDs.contains) == true }
            .map { target in
                TargetDTO(
                    id: try target.requireID(), nodeID: target.nodeID, text: target.text, metric: target.metric,
                    indicator: target.indicator, value: target.value, max: target.max, unit: target.unit,
                    comparator: target.comparator, year: target.year, span: [target.spanStart, target.spanEnd])
            }
        units = loaded.assignments.filter { nodeIDs.contains($0.$node.id) }.map {
            AssignmentDTO(nodeID: $0.$node.id, role: $0.role, unitName: $0.unitName, unitID: $0.$unit.id)
        }
    }
}
