import Fluent
import PlanDomain
import Vapor

/// 报送日历: how often a plan's units report, by which day, with how many
/// days' grace, the health thresholds, and which periods are closed.
enum CalendarController {
    struct Form: Content {
        var kind: String?
        var dueDay: String?
        var graceDays: String?
        var onTrack: String?
        var behind: String?
        var profile: String?
        /// "yes": responsible units beside a lead report too; "no": leads
        /// only; absent: unchanged.
        var partners: String?
    }

    static func model(_ req: Request, plan: PlanRecord) async throws -> CalendarPage.Model {
        let planID = try plan.requireID()
        let settings = try await CalendarSettings.load(planID: planID, on: req.db)
        let today = req.clock.today()
        let closed = Set(try await PeriodClosure.query(on: req.db).filter(\.$plan.$id == planID).all().map(\.period))
        return CalendarPage.Model(
            plan: plan, settings: settings, calendar: try settings.calendar(year: plan.reportingYear(today: today)),
            closed: closed, today: today, policy: try await Escalator.policy(for: planID, on: req.db))
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let plan = try await Access.editablePlan(req)
        return try await CalendarPage.View(model: try await model(req, plan: plan), context: req.pageContextWithFlash).html.encodeResponse(for: req)
    }

    /// Reads the form into settings, refusing (in Chinese) anything the rules
    /// would not accept; nothing is saved unless all of it is right.
    static func settings(from form: Form) throws -> CalendarSettings {
        var settings = CalendarSettings()
        guard let kind = PeriodKind(rawValue: form.kind ?? "monthly") else { throw AppError.badRequest("报送周期只能是按月、按季度或按半年。") }
        settings.kind = kind
        guard let due = Int((form.dueDay ?? "25").trimmingCharacters(in: .whitespaces)), (1...31).contains(due) else {
            throw AppError.badRequest("截止日应为 1–31 之间的整数。")
        }
        settings.dueDay = due
        guard let grace = Int((form.graceDays ?? "3").trimmingCharacters(in: .whitespaces)), (0...30).contains(grace) else {
            throw AppError.badRequest("宽限天数应为 0–30 之间的整数。")
        }
        settings.graceDays = grace
        let onTrack = try ReportInput.number(form.onTrack, field: "正常阈值") ?? 95
        let behind = try ReportInput.number(form.behind, field: "滞后阈值") ?? 85
        guard let thresholds = try? Thresholds(onTrack: onTrack / 100, behind: behind / 100) else {
            throw AppError.badRequest("阈值应满足 0 < 滞后阈值 ≤ 正常阈值 ≤ 150（百分比）。")
        }
        settings.thresholds = thresholds
        let profileText = (form.profile ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !profileText.isEmpty {
            let parts = profileText.split(whereSeparator: { ",，、 \t".contains($0) })
            let numbers = try parts.map { part -> Double in
                guard let value = try ReportInput.number(String(part), field: "月度分布") else { throw AppError.badRequest("月度分布有空项。") }
                return value
            }
            let profile = ExpectationProfile.seasonal(numbers)
            do { _ = try profile.validated() } catch {
                throw AppError.badRequest("月度分布应为 12 个非负数（如上年各月完成量），且不能全为 0。")
            }
            settings.profile = profile
        }
        return settings
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.calendarPage(planID).path
        do {
            let form = try req.content.decode(Form.self)
            let settings = try settings(from: form)
            _ = try settings.calendar(year: plan.reportingYear(today: req.clock.today()))
            let partners: Bool? = switch form.partners {
            case nil: nil
            case "yes": true
            case "no": false
            default: throw AppError.badRequest("“谁来报送”只能选牵头单位和各责任单位，或只由牵头单位。")
            }
            let partnersBefore = plan.partnersReport
            let existing = try await PlanCalendar.query(on: req.db).filter(\.$plan.$id == planID).first()
            let before = CalendarSettings(existing)
            try await req.db.writeTransaction { tx in
                if let existing {
                    existing.apply(settings)
                    try await existing.save(on: tx)
                } else {
                    try await PlanCalendar(planID: planID, settings: settings).create(on: tx)
                }
                if let partners, partners != partnersBefore {
                    plan.partnersReportChoice = partners
                    try await plan.save(on: tx)
                }
                try await Audit.record(account, "calendar.update", entity: "plan", id: planID,
                                       before: describe(before) + " partners \(partnersBefore ? "report" : "silent")",
                                       after: describe(settings) + " partners \((partners ?? partnersBefore) ? "report" : "silent")", on: tx)
            }
            return req.redirectWithFlash(back, "报送日历已保存。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    static func describe(_ s: CalendarSettings) -> String {
        "\(s.kind.rawValue) due \(s.dueDay) grace \(s.graceDays) thresholds \(s.thresholds.onTrack)/\(s.thresholds.behind) profile \(s.profileJSON ?? "linear")"
    }

    static func setPeriod(_ req: Request, closed: Bool) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.calendarPage(planID).path
        do {
            let settings = try await CalendarSettings.load(planID: planID, on: req.db)
            let calendar = try settings.calendar(year: plan.reportingYear(today: req.clock.today()))
            guard let period = req.parameters.get("period").flatMap(ReportingPeriod.init(key:)), calendar.periods.contains(period) else {
                throw AppError.badRequest("报送期不对：应为本计划年度内的期次，如 \(calendar.periods.first?.key ?? "")。")
            }
            try await ReviewDesk.setPeriod(period, of: plan, closed: closed, by: account, on: req.db)
            return req.redirectWithFlash(back, closed ? "\(period.title)已关闭，单位不能再报送这一期。" : "\(period.title)已重新开放。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        }
    }

    @Sendable static func close(req: Request) async throws -> Response { try await setPeriod(req, closed: true) }
    @Sendable static func reopen(req: Request) async throws -> Response { try await setPeriod(req, closed: false) }

    /// The escalation rules of a plan, from the calendar page: every number
    /// checked by `EscalationPolicy`, nothing saved unless all are right.
    @Sendable static func updatePolicy(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let plan = try await Access.editablePlan(req)
        let planID = try plan.requireID()
        let back = SitePath.calendarPage(planID).path
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let current = try await Escalator.policy(for: planID, on: req.db)
        func number(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = fields[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return fallback }
            guard let value = Int(text) else { throw AppError.badRequest("“\(CalendarPage.policyLabels[name] ?? name)”应为整数，现为“\(text.prefix(20))”。") }
            return value
        }
        do {
            let policy = try EscalationPolicy(
                remindDaysBefore: number("remindDaysBefore", current.remindDaysBefore),
                chaseAfterDays: number("chaseAfterDays", current.chaseAfterDays),
                chaseEveryDays: number("chaseEveryDays", current.chaseEveryDays),
                maxChases: number("maxChases", current.maxChases),
                blueAfterMissed: number("blueAfterMissed", current.blueAfterMissed),
                blueAfterAtRiskPeriods: number("blueAfterAtRiskPeriods", current.blueAfterAtRiskPeriods),
                yellowAfterBehindPeriods: number("yellowAfterBehindPeriods", current.yellowAfterBehindPeriods),
                yellowAfterMissedInYear: number("yellowAfterMissedInYear", current.yellowAfterMissedInYear),
                redAfterMissedReports: number("redAfterMissedReports", current.redAfterMissedReports),
                redAtRiskFromMonth: number("redAtRiskFromMonth", current.redAtRiskFromMonth))
            let json = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
            let before = String(decoding: try JSONEncoder().encode(current), as: UTF8.self)
            let existing = try await EscalationPolicyRecord.query(on: req.db).filter(\.$planID == planID).first()
            try await req.db.writeTransaction { tx in
                let record = existing ?? EscalationPolicyRecord()
                record.planID = planID
                record.policy = json
                try await record.save(on: tx)
                try await Audit.record(account, "policy.update", entity: "plan", id: planID, before: before, after: json, on: tx)
            }
            return req.redirectWithFlash(back, "提醒与督办规则已保存。")
        } catch let error as AppError {
            return req.redirectWithFlash(back, error.reason)
        } catch let error as SupervisionError {
            return req.redirectWithFlash(back, error.errorDescription ?? "规则设置不对。")
        }
    }
}
