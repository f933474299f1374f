import Fluent
import PlanDomain
import PlanText
import Vapor

/// The task breakdown table (任务分解表) of a plan: page, JSON and .xlsx, all
/// from the same `BreakdownTable`, so what is shown is what is exported.
enum BreakdownController {
    struct Filter: Content {
        var unit: String?
        var leader: String?
        var section: String?

        var normalised: Filter {
            let clean: (String?) -> String? = { $0.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
            return Filter(unit: clean(unit), leader: clean(leader), section: clean(section))
        }
    }

    /// The table as this account may see it, filtered as asked.
    static func table(_ req: Request) async throws -> (PlanStore.Loaded, BreakdownTable, BreakdownTable, Filter) {
        let account = try req.requireAccount()
        let plan = try await Access.readablePlan(req)
        let loaded = try await PlanStore.load(plan, on: req.db)
        var full = BreakdownTable(plan: PlanStore.plan(of: loaded))
        if let visible = PlanQueries.visibleNodes(of: loaded, for: account, issuerUnits: try await PlanStore.issuerUnits(of: plan, on: req.db)) {
            let keys = Set(loaded.nodes.filter { $0.id.map(visible.contains) ?? false }.map(\.key))
            full.rows = full.rows.filter { keys.contains($0.number) }
        }
        let filter = try req.query.decode(Filter.self).normalised
        let shown = full.filtered(unit: filter.unit, leader: filter.leader, section: filter.section)
        return (loaded, full, shown, filter)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let (loaded, full, shown, filter) = try await table(req)
        let model = BreakdownPage.Model(
            plan: loaded.record, full: full, shown: shown, filter: filter,
            canUpload: Access.canEdit(loaded.record, account: account), query: req.url.query)
        return try await BreakdownPage.View(model: model, context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    @Sendable static func apiTable(req: Request) async throws -> Response {
        let (loaded, _, shown, _) = try await table(req)
        return try await BreakdownDTO(planID: try loaded.record.requireID(), table: shown).encodeResponse(for: req)
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let (loaded, _, shown, _) = try await table(req)
        let data = try BreakdownWorkbook.xlsx(shown)
        try await Audit.record(try req.requireAccount(), "export.breakdown", entity: "plan", id: try loaded.record.requireID(),
                               after: req.url.query, on: req.db)
        return .xlsx(data, name: "\(loaded.record.displayTitle)任务分解表.xlsx", fallback: "breakdown.xlsx")
    }
}

struct BreakdownDTO: Content {
    struct Row: Content {
        var number: String
        var task: String
        var isTask: Bool
        var leadUnits: [String]
        var responsibleUnits: [String]
        var cooperatingUnits: [String]
        var leaders: [String]
        var targets: [String]
        var deadline: String?
    }

    var planID: UUID
    var title: String
    var rows: [Row]

    init(planID: UUID, table: BreakdownTable) {
        self.planID = planID
        title = table.title
        rows = table.rows.map {
            Row(number: $0.number, task: $0.task, isTask: $0.isTask, leadUnits: $0.leadUnits, responsibleUnits: $0.responsibleUnits,
                cooperatingUnits: $0.cooperatingUnits, leaders: $0.leaders, targets: $0.targets, deadline: $0.deadline)
        }
    }
}
