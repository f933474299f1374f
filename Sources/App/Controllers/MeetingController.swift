import Fluent
import PlanDomain
import Vapor

/// 会议议定事项: the office records what a meeting decided; each decision
/// becomes a task of the plan (`MeetingDesk`) and is followed up from then
/// on like the plan's own. Page, form and JSON.
enum MeetingController {
    /// Rows of decisions the form offers at once; a longer list is sent in
    /// more sittings or through the API (up to `MeetingMinutes.maxDecisions`).
    static let formRows = 8

    static func model(_ req: Request, plan: PlanRecord, typed: MeetingsPage.Typed? = nil, error: String? = nil) async throws -> MeetingsPage.Model {
        let account = try req.requireAccount()
        let planID = try plan.requireID()
        let meetings = try await MeetingRecord.query(on: req.db).filter(\.$plan.$id == planID).sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).all()
        let inputs = try await StandingInputs.load(plan, on: req.db)
        let standing = try PlanStanding(inputs, today: req.clock.today(), now: req.clock.now())
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: req.db)
        let entries = meetings.map { meeting in
            MeetingsPage.Entry(
                meeting: meeting, section: inputs.loaded.nodeByID[meeting.sectionID],
                decisions: inputs.loaded.nodes.filter { $0.parentID == meeting.sectionID }.map { node in
                    MeetingsPage.Decision(
                        node: node, units: node.id.flatMap { id in standing.task(id)?.units.compactMap { inputs.unitNames[$0] } } ?? [],
                        standing: node.id.flatMap(standing.task))
                })
        }
        return MeetingsPage.Model(
            plan: plan, entries: entries, canRecord: Access.canEdit(plan, account: account),
            unitNames: directory.units.map(\.name).sorted(), typed: typed ?? MeetingsPage.Typed(rows: formRows), error: error,
            today: req.clock.today())
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let plan = try await Access.readablePlan(req)
        return try await MeetingsPage.View(model: try await model(req, plan: plan), context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    /// The form: `title`, `heldOn`, and per row n (from 1) `item{n}`, `unit{n}`, `deadline{n}`.
    @Sendable static func record(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let fields = try req.content.decode([String: String].self)
        let count = min(MeetingMinutes.maxDecisions + 1, max(formRows, (1...MeetingMinutes.maxDecisions + 1).last { fields["item\($0)"] != nil } ?? 0))
        let typed = MeetingsPage.Typed(
            title: fields["title"] ?? "", heldOn: fields["heldOn"] ?? "",
            rows: (1...count).map { MeetingMinutes.Row(title: fields["item\($0)"] ?? "", unit: fields["unit\($0)"] ?? "", deadline: fields["deadline\($0)"] ?? "") })
        do {
            let filed = try await file(typed.title, heldOn: typed.heldOn, rows: typed.rows, plan: plan, by: account, on: req.db)
            return req.redirectWithFlash(SitePath.meetingsPage(try plan.requireID()).path,
                                         "已记录\(filed.meeting.title)议定事项 \(filed.tasks.count) 条，已作为任务（\(filed.section.label)）纳入督办。")
        } catch let error as FormError {
            // Back with everything as typed: nothing is lost to a wrong date.
            let view = MeetingsPage.View(model: try await model(req, plan: plan, typed: typed, error: error.description), context: req.pageContext)
            let response = try await view.html.encodeResponse(for: req)
            response.status = .badRequest
            return response
        }
    }

    static func file(_ title: String, heldOn: String, rows: [MeetingMinutes.Row], plan: PlanRecord, by account: Account,
                     on db: any Database) async throws -> MeetingDesk.Filed {
        let directory = try await UnitDirectory(jurisdictionCode: plan.jurisdictionCode, on: db)
        let minutes = try MeetingMinutes.read(title: title, heldOn: heldOn, rows: rows) { directory.unitID(for: $0) != nil }
        return try await MeetingDesk.record(minutes, in: plan, by: account, on: db)
    }

    @Sendable static func api(req: Request) async throws -> Response {
        let plan = try await Access.readablePlan(req)
        let model = try await model(req, plan: plan)
        return try await model.entries.map(MeetingDTO.init).encodeResponse(for: req)
    }

    @Sendable static func apiRecord(req: Request, body: JSONBody<RecordMeetingRequest>) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let body = try body.decode()
        do {
            let filed = try await file(body.title, heldOn: body.heldOn, rows: body.decisions.map {
                MeetingMinutes.Row(title: $0.title, unit: $0.unit, deadline: $0.deadline)
            }, plan: plan, by: account, on: req.db)
            let model = try await model(req, plan: plan)
            guard let entry = model.entries.first(where: { $0.meeting.id == filed.meeting.id }) else { throw AppError.notFound("会议") }
            let response = try await MeetingDTO(entry).encodeResponse(for: req)
            response.status = .created
            return response
        } catch let error as FormError {
            throw AppError.badRequest(error.description)
        }
    }
}

/// `POST /api/plans/:planID/meetings`.
struct RecordMeetingRequest: Content, APIRequestBody {
    static let formatHint = "需要 JSON 字段 title（会议名称）、heldOn（YYYY-MM-DD）、decisions（数组，每项 title、unit、deadline）。"

    struct Decision: Content {
        var title: String
        var unit: String
        var deadline: String
    }

    var title: String
    var heldOn: String
    var decisions: [Decision]
}

/// A meeting and how its decisions stand.
struct MeetingDTO: Content {
    struct Decision: Content {
        var nodeID: UUID
        var key: String
        var title: String
        var units: [String]
        var deadline: String?
        var health: Health?
        var progress: Double?
    }

    var id: UUID
    var title: String
    var heldOn: String
    var sectionKey: String?
    var recordedBy: String
    var decisions: [Decision]

    init(_ entry: MeetingsPage.Entry) throws {
        id = try entry.meeting.requireID()
        title = entry.meeting.title
        heldOn = entry.meeting.heldOn
        sectionKey = entry.section?.key
        recordedBy = entry.meeting.recordedBy
        decisions = try entry.decisions.map { d in
            Decision(nodeID: try d.node.requireID(), key: d.node.key, title: d.node.title, units: d.units, deadline: d.node.deadlineDate,
                     health: d.standing?.health.health, progress: d.standing?.progress)
        }
    }
}
