@testable import App
import Fluent
import Foundation
import PlanDomain
import PlanText
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// The supervision cycle through the API and the pages: report, return,
    /// resubmit, accept; closed periods; overdue at the deadline's edge; the
    /// one-sitting form; attachments; completion; updates that keep reports.
    @Suite struct Supervision {
        struct World {
            var plan: UUID
            var unit: UUID
            /// Tasks 市科技局 reports on; the first has numeric targets when any does.
            var tasks: [UUID]
            var targets: [UUID]
            var reporter: HTTPHeaders
            var office: HTTPHeaders
        }

        /// 随州 2025, published; 市科技局's reporter and 随州's office; the
        /// business date fixed to `day`.
        static func world(_ app: Application, day: CivilDate) async throws -> World {
            app.clock = BusinessClock(fixedDay: day)
            try await Fixture.account(app, "admin", role: .admin)
            let admin = try await app.login("admin")
            let id = try await app.importSeed(Fixture.seedNames[3], headers: admin)
            try await createAllUnits(app, id, admin)
            try await app.test(.POST, "/api/plans/\(id)/publish", headers: admin) { res in #expect(res.status == .ok) }
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "市科技局").first())
            let unitID = try unit.requireID()
            try await Fixture.account(app, "kjj", role: .reporter, jurisdiction: "421300", unit: unitID)
            try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
            let plan = try #require(try await PlanRecord.find(id, on: app.db))
            let loaded = try await PlanStore.load(plan, on: app.db)
            let issuers = try await PlanStore.issuerUnits(of: plan, on: app.db)
            var tasks = loaded.nodes.filter { $0.isTask && loaded.reportingUnits(of: $0, fallback: issuers) == [unitID] }
            tasks.sort { loaded.targets(of: $0).count > loaded.targets(of: $1).count }
            #expect(tasks.count >= 2)
            return World(
                plan: id, unit: unitID, tasks: tasks.compactMap(\.id), targets: loaded.targets(of: tasks[0]).compactMap(\.id),
                reporter: try await app.login("kjj"), office: try await app.login("office"))
        }

        static func save(
            _ app: Application, _ w: World, task: Int = 0, period: String, submit: Bool, percent: Double? = 30,
            complete: Bool = false, values: [String: Double] = [:], _ check: (TestingHTTPResponse) throws -> Void
        ) async throws {
            try await app.test(.POST, "/api/reports", headers: w.reporter, beforeRequest: { req in
                try req.content.encode(SaveReportRequest(
                    planID: w.plan, nodeID: w.tasks[task], period: period, narrative: "完成了调研和方案起草。", percent: percent,
                    milestone: nil, selfStatus: .onTrack, completionProposed: complete, values: values, submit: submit), as: .json)
            }) { res in try check(res) }
        }

        static func review(_ app: Application, _ w: World, _ reportID: UUID, _ decision: String, comment: String?, _ check: (TestingHTTPResponse) throws -> Void) async throws {
            try await app.test(.POST, "/api/plans/\(w.plan)/reports/\(reportID)/review", headers: w.office, beforeRequest: { req in
                try req.content.encode(["decision": decision, "comment": comment ?? ""], as: .json)
            }) { res in try check(res) }
        }

        @Test func aReportIsSubmittedReturnedResubmittedAndAccepted() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                var reportID: UUID?
                let values = w.targets.first.map { [$0.uuidString: 12.0] } ?? [:]
                try await Self.save(app, w, period: "2025-03", submit: false, values: values) { res in
                    #expect(res.status == .created, "\(res.body.string)")
                    let report = try res.content.decode(ReportDTO.self)
                    #expect(report.state == .draft)
                    #expect(report.firstSubmittedAt == nil)
                    reportID = report.id
                }
                let id = try #require(reportID)
                try await Self.review(app, w, id, "accept", comment: nil) { res in #expect(res.status == .conflict) }
                var firstSubmitted: Date?
                try await Self.save(app, w, period: "2025-03", submit: true, values: values) { res in
                    let report = try res.content.decode(ReportDTO.self)
                    #expect(report.state == .submitted)
                    #expect(report.id == id)
                    #expect(report.values == values)
                    firstSubmitted = report.firstSubmittedAt
                }
                try await Self.save(app, w, period: "2025-03", submit: true) { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains("退回后才能修改"))
                }
                try await Self.review(app, w, id, "return", comment: nil) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains("退回原因"))
                }
                try await Self.review(app, w, id, "return", comment: "请补充佐证材料") { res in
                    #expect(res.status == .ok)
                    let report = try res.content.decode(ReportDTO.self)
                    #expect(report.state == .returned)
                }
                try await app.test(.GET, "/api/notifications", headers: w.reporter) { res in
                    let items = try res.content.decode([NotificationController.NotificationDTO].self)
                    #expect(items.contains { $0.kind == "returned" && $0.body.contains("请补充佐证材料") })
                }
                try await app.test(.GET, "/reports?period=2025-03", headers: w.reporter) { res in
                    #expect(res.body.string.contains("退回原因：请补充佐证材料"))
                }
                try await Self.save(app, w, period: "2025-03", submit: true, percent: 40, values: values) { res in
                    let report = try res.content.decode(ReportDTO.self)
                    #expect(report.state == .submitted)
                    #expect(report.firstSubmittedAt == firstSubmitted, "the first submission time is kept for timeliness")
                }
                try await Self.review(app, w, id, "accept", comment: "好") { res in
                    let report = try res.content.decode(ReportDTO.self)
                    #expect(report.state == .accepted)
                }
                let kinds = try await TaskEvent.query(on: app.db).filter(\.$node.$id == w.tasks[0]).sort(\.$createdAt).all().map(\.kind)
                #expect(kinds == [.saved, .submitted, .returned, .submitted, .accepted])
                let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "progress_report").all().map(\.action)
                #expect(actions.filter { $0 == "report.submit" }.count == 2)
                #expect(actions.contains("report.return") && actions.contains("report.accept"))
                try await app.test(.GET, "/plans/\(w.plan)/tasks/\(w.tasks[0])", headers: w.office) { res in
                    #expect(res.status == .ok)
                    let page = res.body.string
                    #expect(page.contains("已采纳") && page.contains("退回2025年3月报告：请补充佐证材料"))
                }
            }
        }

        @Test func aClosedPeriodTakesNoReportUntilReopened() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await app.test(.POST, "/plans/\(w.plan)/periods/2025-03/close", headers: w.office) { res in #expect(res.status == .seeOther) }
                try await Self.save(app, w, period: "2025-03", submit: true) { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains("已关闭"))
                }
                try await Self.save(app, w, period: "2025-05", submit: true) { res in #expect(res.status == .conflict) }
                try await Self.save(app, w, period: "2025-Q1", submit: true) { res in #expect(res.status == .badRequest) }
                try await app.test(.POST, "/plans/\(w.plan)/periods/2025-03/reopen", headers: w.office) { res in #expect(res.status == .seeOther) }
                try await Self.save(app, w, period: "2025-03", submit: true) { res in #expect(res.status == .created) }
                let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "plan").all().map(\.action)
                #expect(actions.contains("period.close") && actions.contains("period.reopen"))
                #expect(try await ProgressReport.query(on: app.db).count() == 1)
            }
        }

        /// The deadline of March is the 25th + 3 days' grace = 28 March.
        @Test func aMissingReportIsOverdueOnlyAfterTheGraceDays() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await Self.save(app, w, task: 0, period: "2025-03", submit: true) { res in #expect(res.status == .created) }
                func dashboard(_ day: CivilDate) async throws -> DashboardDTO {
                    app.clock = BusinessClock(fixedDay: day)
                    var out: DashboardDTO?
                    try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                        #expect(res.status == .ok, "\(res.body.string)")
                        out = try res.content.decode(DashboardDTO.self)
                    }
                    return try #require(out)
                }
                let onLastDay = try await dashboard(CivilDate(year: 2025, month: 3, day: 28))
                #expect(!onLastDay.late.contains { $0.id == w.tasks[1] })
                let after = try await dashboard(CivilDate(year: 2025, month: 3, day: 29))
                #expect(after.late.contains { $0.id == w.tasks[1] })
                #expect(!after.late.contains { $0.id == w.tasks[0] }, "\(after.late.filter { $0.id == w.tasks[0] }.map { "\($0.units) \($0.reasons) \($0.key)" })")
                let unit = try #require(after.units.first { $0.unitID == w.unit.uuidString })
                #expect(unit.due == unit.tasks)
                #expect(unit.onTime == 1)
                #expect(unit.missing == unit.tasks - 1)
                try await app.test(.GET, "/plans/\(w.plan)/dashboard", headers: w.office) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("<svg"))
                    #expect(res.body.string.contains("逾期任务"))
                }
            }
        }

        @Test func theOneSittingFormSavesWhatIsRightAndKeepsWhatWasTyped() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await app.test(.GET, "/reports", headers: w.reporter) { res in
                    #expect(res.status == .ok)
                    let page = res.body.string
                    for task in w.tasks { #expect(page.contains("narrative:\(task)")) }
                }
                let a = w.tasks[0], b = w.tasks[1]
                let fields = [
                    "action": "save", "period": "2025-03",
                    "plan:\(a)": w.plan.uuidString, "period:\(a)": "2025-03", "narrative:\(a)": "甲任务进展", "percent:\(a)": "５０",
                    "plan:\(b)": w.plan.uuidString, "period:\(b)": "2025-03", "narrative:\(b)": "乙任务进展保留", "percent:\(b)": "大约一半",
                ]
                try await app.test(.POST, "/reports", headers: w.reporter, beforeRequest: { req in
                    try req.content.encode(fields, as: .urlEncodedForm)
                }) { res in
                    #expect(res.status == .badRequest)
                    let page = res.body.string
                    #expect(page.contains("“完成进度”应填数字"))
                    #expect(page.contains("乙任务进展保留"))
                }
                let saved = try await ProgressReport.query(on: app.db).all()
                #expect(saved.count == 1)
                #expect(saved.first?.$node.id == a)
                #expect(saved.first?.percent == 50)
                #expect(saved.first?.state == .draft)
            }
        }

        @Test func attachmentsAreTypeCheckedFromTheirBytes() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                var reportID: UUID?
                try await Self.save(app, w, period: "2025-03", submit: false) { res in reportID = try res.content.decode(ReportDTO.self).id }
                let id = try #require(reportID)
                let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
                try await app.upload("/plans/\(w.plan)/reports/\(id)/attachments", name: "佐证.pdf", bytes: pdf, headers: w.reporter) { res in
                    #expect(res.status == .seeOther)
                }
                try await app.upload("/plans/\(w.plan)/reports/\(id)/attachments", name: "看我.pdf", bytes: Data("MZ\u{90}\0evil".utf8), headers: w.reporter) { res in
                    #expect(res.status == .seeOther)
                }
                let stored = try await ReportAttachment.query(on: app.db).all()
                #expect(stored.count == 1)
                #expect(stored.first?.filename == "佐证.pdf")
                #expect(stored.first?.contentType == "application/pdf")
                let attachment = try #require(stored.first?.id)
                try await app.test(.GET, "/plans/\(w.plan)/attachments/\(attachment)", headers: w.office) { res in
                    #expect(res.status == .ok)
                    #expect(Data(buffer: res.body) == pdf)
                    #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                }
                try await Self.save(app, w, period: "2025-03", submit: true) { res in #expect(res.status == .created) }
                try await app.upload("/plans/\(w.plan)/reports/\(id)/attachments", name: "晚了.pdf", bytes: pdf, headers: w.reporter) { res in
                    #expect(res.status == .seeOther)
                }
                #expect(try await ReportAttachment.query(on: app.db).count() == 1, "a submitted report is fixed")
            }
        }

        @Test func completionIsProposedByTheUnitAndConfirmedByTheOffice() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await app.test(.POST, "/plans/\(w.plan)/tasks/\(w.tasks[0])/complete", headers: w.office) { res in #expect(res.status == .seeOther) }
                #expect(try await TaskClosure.query(on: app.db).count() == 0, "no closure without the unit's proposal")
                var reportID: UUID?
                try await Self.save(app, w, period: "2025-03", submit: true, percent: 100, complete: true) { res in
                    reportID = try res.content.decode(ReportDTO.self).id
                }
                try await Self.review(app, w, try #require(reportID), "accept", comment: nil) { res in #expect(res.status == .ok) }
                try await app.test(.POST, "/plans/\(w.plan)/tasks/\(w.tasks[0])/complete", headers: w.office) { res in #expect(res.status == .seeOther) }
                #expect(try await TaskClosure.query(on: app.db).count() == 1)
                try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in
                    let dashboard = try res.content.decode(DashboardDTO.self)
                    #expect(dashboard.counts["completed"] == 1)
                }
            }
        }

        @Test func updatingFromTheWorkbookKeepsTasksWithReports() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await Self.save(app, w, period: "2025-03", submit: true) { res in #expect(res.status == .created) }
                var workbook = Data()
                try await app.test(.GET, "/api/plans/\(w.plan)/breakdown.xlsx", headers: w.office) { res in workbook = Data(buffer: res.body) }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "export.breakdown").filter(\.$entityID == w.plan.uuidString).count() == 1)
                try await app.upload("/api/plans/\(w.plan)/breakdown.xlsx", method: .PUT, name: "分解表.xlsx", bytes: workbook, headers: w.office) { res in
                    #expect(res.status == .ok, "\(res.body.string)")
                }
                #expect(try await NodeRecord.find(w.tasks[0], on: app.db) != nil, "the task keeps its id")
                #expect(try await ProgressReport.query(on: app.db).filter(\.$node.$id == w.tasks[0]).count() == 1)

                let plan = try #require(try await PlanRecord.find(w.plan, on: app.db))
                let node = try #require(try await NodeRecord.find(w.tasks[0], on: app.db))
                var table = BreakdownTable(plan: PlanStore.plan(of: try await PlanStore.load(plan, on: app.db)))
                table.rows.removeAll { $0.number == node.key }
                try await app.upload("/api/plans/\(w.plan)/breakdown.xlsx", method: .PUT, name: "少一行.xlsx", bytes: try BreakdownWorkbook.xlsx(table), headers: w.office) { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains(node.title.isEmpty ? "" : "已有进展报告"))
                }
                #expect(try await NodeRecord.find(w.tasks[0], on: app.db) != nil)
            }
        }

        /// A leader's account named as the plan prints the leader opens the
        /// dashboard on the tasks under them; 全部 shows the whole plan.
        @Test func aLeaderSeesTheTasksUnderThem() async throws {
            try await withServer(demo: true) { app in
                let plan = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "420300").first())
                let loaded = try await PlanStore.load(plan, on: app.db)
                let all = loaded.nodes.filter(\.isTask).count
                let theirs = loaded.nodes.filter { $0.isTask && $0.leaders.contains("柯春华") }.count
                #expect(theirs > 0 && theirs < all)
                let account = Account(username: "kch", passwordHash: try Bcrypt.hash(Fixture.password, cost: 4), displayName: "柯春华",
                                      role: .leader, jurisdictionCode: "420300", unitID: nil)
                try await account.create(on: app.db)
                let headers = try await app.login("kch")
                func dashboard(_ query: String) async throws -> DashboardDTO {
                    var out: DashboardDTO?
                    try await app.test(.GET, "/api/plans/\(try plan.requireID())/dashboard\(query)", headers: headers) { res in
                        #expect(res.status == .ok, "\(res.body.string)")
                        out = try res.content.decode(DashboardDTO.self)
                    }
                    return try #require(out)
                }
                let own = try await dashboard("")
                #expect(own.leader == "柯春华" && own.counts.values.reduce(0, +) == theirs)
                let whole = try await dashboard("?leader=")
                #expect(whole.leader == nil && whole.counts.values.reduce(0, +) == all)
                try await app.test(.GET, "/plans/\(try plan.requireID())/dashboard", headers: headers) { res in
                    #expect(res.body.string.contains("<option value=\"柯春华\" selected"))
                }
            }
        }

        /// Notifications carry the business clock's time, so the demo's are
        /// dated in its own years (a 2023 plan's return in 2023), never after
        /// its business date (the machine's clock is a year or more later).
        @Test func theDemoNotificationsAreDatedOnTheBusinessClock() async throws {
            try await withServer(demo: true) { app in
                let now = app.clock.now()
                #expect(CivilDate(Date(), in: .shanghai) > app.clock.today())
                let all = try await NotificationRecord.query(on: app.db).all()
                #expect(!all.isEmpty)
                for notification in all {
                    let at = try #require(notification.createdAt)
                    #expect(at <= now, "\(notification.title): \(at), after the business date \(now)")
                }
            }
        }

        /// The API's dashboard carries the targets the page charts: 应达, 实际 and
        /// 完成率 as actual over the target itself (docs/numbers.md).
        @Test func theDashboardAPICarriesEachTargetsCompletionRate() async throws {
            try await withServer(demo: true) { app in
                let office = try await app.login("office", DemoData.password)
                // 广水 2022: a finished year, so its figures are there whatever the business date (the date sweep runs from 2 January).
                let plan = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "421381").first())
                let planYear = try #require(plan.year)
                var dashboard: DashboardDTO?
                try await app.test(.GET, "/api/plans/\(try plan.requireID())/dashboard", headers: office) { res in
                    dashboard = try res.content.decode(DashboardDTO.self)
                }
                let targets = try #require(dashboard?.targets)
                #expect(!targets.isEmpty)
                #expect(targets.contains { $0.actual != nil })
                for target in targets {
                    if let actual = target.actual, target.target != 0 {
                        #expect(abs((target.completionRate ?? .nan) - actual / target.target) < 1e-12, "\(target.text)")
                    } else {
                        #expect(target.completionRate == nil)
                    }
                    let stored = try await TargetRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID()).all()
                    // The target as stored; a target due later (到2027年) is also drawn at this year's share.
                    #expect(stored.contains { target.text.hasPrefix($0.metric.isEmpty ? $0.text : $0.metric) && $0.value == target.target }, "\(target.text)")
                    #expect(target.dueYear == planYear ? target.yearTarget == target.target : target.yearTarget < target.target, "\(target.text)")
                }
            }
        }

        @Test func theDemoHasMonthsOfReportsAndALivePicture() async throws {
            try await withServer(demo: true) { app in
                #expect(try await ProgressReport.query(on: app.db).count() > 100)
                #expect(try await ProgressReport.query(on: app.db).filter(\.$state == .returned).count() > 0)
                #expect(try await ProgressReport.query(on: app.db).filter(\.$state == .submitted).count() > 0)
                let office = try await app.login("office", DemoData.password)
                let plans = try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "421300").all()
                var seen = Set<String>()
                for plan in plans {
                    try await app.test(.GET, "/api/plans/\(plan.id!)/dashboard", headers: office) { res in
                        #expect(res.status == .ok)
                        let dashboard = try res.content.decode(DashboardDTO.self)
                        seen.formUnion(dashboard.counts.filter { $0.value > 0 }.keys)
                        #expect(!dashboard.units.isEmpty)
                    }
                    try await app.test(.GET, "/plans/\(plan.id!)/dashboard", headers: office) { res in #expect(res.status == .ok) }
                }
                #expect(seen.contains("onTrack") || seen.contains("completed"))
                #expect(seen.contains("overdue") || seen.contains("behind") || seen.contains("atRisk"))
                let kjj = try await app.login("kjj", DemoData.password)
                try await app.test(.GET, "/notifications", headers: kjj) { res in
                    #expect(res.status == .ok)
                }
                try await app.test(.GET, "/reports", headers: kjj) { res in #expect(res.status == .ok) }
            }
        }

        /// Several jobs in one transaction, as the SQLite writer batches them:
        /// a new report, a draft made and submitted in the same batch, a
        /// second submission of it that must fail alone, and a report already
        /// handed in before the batch that must fail alone too.
        @Test func aBatchOfSubmissionsIsWrittenTogetherAndFailsOnlyWhereItMust() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                try await Self.save(app, w, task: 1, period: "2025-03", submit: true) { res in #expect(res.status == .created) }
                let account = try #require(try await Account.query(on: app.db).filter(\.$username == "kjj").first())
                let context = try ReportDesk.context(for: account, now: Date(), today: CivilDate(year: 2025, month: 3, day: 20))
                func job(_ task: Int, _ action: ReportDesk.Action, _ narrative: String) async throws -> ReportDesk.Job {
                    let input = ReportInput(
                        planID: w.plan, nodeID: w.tasks[task], period: "2025-03", narrative: narrative, percent: 40,
                        milestone: nil, selfStatus: .onTrack, completionProposed: false,
                        values: task == 0 ? Dictionary(uniqueKeysWithValues: w.targets.map { ($0, 7.0) }) : [:])
                    return ReportDesk.Job(input: input, action: action, context: context, target: try await ReportDesk.check(input, context, on: app.db))
                }
                let jobs = [
                    try await job(0, .save, "草稿"), try await job(0, .submit, "正式报送"), try await job(0, .submit, "再次报送"),
                    try await job(1, .submit, "已报送过"),
                ]
                let results = try await app.db.writeTransaction { tx in try await ReportDesk.write(jobs, on: tx) }
                #expect((try? results[0].get()) != nil && (try? results[1].get()) != nil)
                for failed in [results[2], results[3]] {
                    guard case .failure(let error as AppError) = failed else { Issue.record("expected a conflict"); continue }
                    #expect(error.status == .conflict)
                }
                let reports = try await ProgressReport.query(on: app.db).filter(\.$node.$id == w.tasks[0]).all()
                #expect(reports.count == 1)
                #expect(reports.first?.state == .submitted && reports.first?.narrative == "正式报送")
                let values = try await ReportValue.query(on: app.db).filter(\.$report.$id == reports[0].requireID()).count()
                #expect(values == w.targets.count)
                let events = try await TaskEvent.query(on: app.db).filter(\.$node.$id == w.tasks[0]).all().map(\.kind)
                #expect(events.filter { $0 == .saved }.count == 1 && events.filter { $0 == .submitted }.count == 1)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == reports[0].requireID().uuidString)
                    .sort(\.$action).all()
                #expect(audit.map(\.action) == ["report.save", "report.submit"])

                // The rows are written by hand (`ReportRows`): every field reads back through Fluent.
                let report = reports[0]
                #expect(report.$plan.id == w.plan && report.$unit.id == w.unit && report.period == "2025-03")
                #expect(report.percent == 40 && report.selfStatus == .onTrack && report.completionProposed == false)
                #expect(report.milestone == nil && report.reviewedAt == nil && report.reviewComment == nil)
                #expect(report.authorName == account.displayName)
                for stamp in [report.firstSubmittedAt, report.lastSubmittedAt] {
                    #expect(abs((stamp ?? .distantPast).timeIntervalSince(context.now)) < 0.001)
                }
                #expect(report.createdAt != nil && report.createdAt == report.updatedAt)
                let stored = try await ReportValue.query(on: app.db).filter(\.$report.$id == report.requireID()).all()
                #expect(Set(stored.map(\.$target.id)) == Set(w.targets) && stored.allSatisfy { $0.value == 7 })
                let submitted = try #require(try await TaskEvent.query(on: app.db).filter(\.$node.$id == w.tasks[0]).filter(\.$kind == .submitted).first())
                #expect(submitted.unitID == w.unit && submitted.period == "2025-03" && submitted.accountName == account.displayName)
                #expect(submitted.detail.contains("进度 40%"))
                #expect(abs((submitted.createdAt ?? .distantPast).timeIntervalSince(context.now)) < 0.001)
                let entry = try #require(audit.last)
                #expect(entry.accountID == account.id && entry.entity == "progress_report" && entry.createdAt != nil)
                let after = try JSONSerialization.jsonObject(with: Data((entry.after ?? "").utf8)) as? [String: String]
                #expect(after?["narrative"] == "正式报送" && after?["state"] == "submitted" && after?["percent"] == "40.0")
                let before = try JSONSerialization.jsonObject(with: Data((entry.before ?? "").utf8)) as? [String: String]
                #expect(before?["narrative"] == "草稿" && before?["state"] == "draft")
            }
        }

        /// The audit snapshot's JSON is written by hand; Foundation reads back exactly what went in.
        @Test func theHandWrittenJSONOfASnapshotReadsBackExactly() throws {
            let fields = [
                "quote": "他说\"好\"", "slash": "a/b\\c", "lines": "一\n二\r\n三\t", "control": "\u{01}\u{1F}x",
                "emoji": "进度👍", "": "empty key", "z": "",
            ]
            let text = JSONText.object(fields)
            let read = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
            #expect(read == fields)
            #expect(text.hasPrefix("{\"\":") && JSONText.object([:]) == "{}")
        }

        /// Many reporters' submissions at once through the API: every one
        /// answered, every report stored once with its timeline, whether the
        /// writer took them one by one or in batches.
        @Test func concurrentSubmissionsAreAllStoredOnce() async throws {
            try await withServer { app in
                let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
                let periods = ["2025-01", "2025-02", "2025-03"]
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for task in w.tasks.indices { for period in periods {
                        group.addTask {
                            var status: UInt = 0
                            try await Self.save(app, w, task: task, period: period, submit: true) { res in status = res.status.code }
                            return status
                        }
                    } }
                    var all: [UInt] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                #expect(statuses.count == w.tasks.count * periods.count)
                #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses.filter { $0 != 201 })")
                let stored = try await ProgressReport.query(on: app.db).filter(\.$unit.$id == w.unit).all()
                #expect(stored.count == statuses.count && stored.allSatisfy { $0.state == .submitted })
                let events = try await TaskEvent.query(on: app.db).filter(\.$kind == .submitted).count()
                #expect(events == statuses.count)
            }
        }

        /// The fast readers (column by column, one recursive query per task)
        /// must give exactly what Fluent and the in-memory rule give.
        @Test func fastReadsAgreeWithFluentOnEveryDemoPlan() async throws {
            try await withServer(demo: true) { app in
                var tasks = 0, reports = 0
                for plan in try await PlanRecord.query(on: app.db).all() {
                    let full = try await PlanStore.load(plan, on: app.db)
                    let lean = try await PlanStore.loadForReading(plan, on: app.db)
                    #expect(full.nodes.count == lean.nodes.count && full.targets.count == lean.targets.count)
                    #expect(full.assignments.count == lean.assignments.count)
                    #expect(full.nodes.map(Self.signature) == lean.nodes.map(Self.signature))
                    #expect(full.targets.map(Self.signature) == lean.targets.map(Self.signature))
                    let leanAssignments = Dictionary(lean.assignments.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
                    for a in full.assignments {
                        let b = leanAssignments[a.id!]
                        #expect(b?.$node.id == a.$node.id && b?.role == a.role && b?.position == a.position
                                && b?.unitName == a.unitName && b?.$unit.id == a.$unit.id)
                    }
                    // The standing's rows: SQLite's direct read and the portable one agree, field by field.
                    let planID = try plan.requireID()
                    let direct = try await ReportRow.all(of: planID, on: app.db).sorted { $0.id.uuidString < $1.id.uuidString }
                    let portable = try await ReportRow.allThroughSQLKit(of: planID, on: app.db).sorted { $0.id.uuidString < $1.id.uuidString }
                    #expect(direct == portable)
                    reports += direct.count
                    let key: (ValueRow) -> String = { "\($0.reportID)\($0.targetID)" }
                    #expect(try await ValueRow.all(of: planID, on: app.db).sorted { key($0) < key($1) }
                            == ValueRow.allThroughSQLKit(of: planID, on: app.db).sorted { key($0) < key($1) })
                    for node in full.nodes where node.isTask {
                        for partnersReport in [true, false] {
                            let fromSQL = try await ReportingUnits.of(nodeID: node.id!, partnersReport: partnersReport, groups: full.groups, on: app.db) ?? []
                            full.record.partnersReportChoice = partnersReport
                            #expect(fromSQL == full.reportingUnits(of: node), "task \(node.key)")
                        }
                        tasks += 1
                    }
                }
                #expect(tasks > 50)
                #expect(reports > 500, "the demo has months of reports to compare")
            }
        }

        static func signature(_ n: NodeRecord) -> [String] {
            let ids: [String] = [n.id?.uuidString ?? "", n.parentID?.uuidString ?? "", n.key, n.label, n.title]
            let numbers: [Int?] = [n.position, n.level, n.spanStart, n.spanEnd, n.titleStart, n.titleEnd, n.deadlineStart, n.deadlineEnd]
            return ids + numbers.map { $0.map(String.init) ?? "-" } + [String(n.isTask), n.leaders.joined(separator: "、"), n.deadlineText ?? "-", n.deadlineDate ?? "-"]
        }

        static func signature(_ t: TargetRecord) -> [String] {
            let ids: [String] = [t.id?.uuidString ?? "", t.nodeID?.uuidString ?? "", t.text, t.metric, t.indicator ?? "-", t.unit, t.comparator]
            let numbers: [String] = [String(t.position), String(t.value), t.max.map { String($0) } ?? "-", t.year.map(String.init) ?? "-", String(t.spanStart), String(t.spanEnd)]
            return ids + numbers
        }
    }
}

extension ServerTests.Supervision {
    /// Draft → check → publish with confirmation → withdraw with a reason; the
    /// figures are the dashboard's, the issuer is the office, not the plan's issuer.
    @Test func aBulletinIsDraftedCheckedPublishedAndWithdrawn() async throws {
        try await withServer { app in
            let w = try await Self.world(app, day: CivilDate(year: 2025, month: 3, day: 20))
            try await Fixture.account(app, "leader", role: .leader, jurisdiction: "421300")
            let leader = try await app.login("leader")
            let targetID = try #require(w.targets.first, "task 0 of 随州 2025 has a numeric target")
            let target = try #require(try await TargetRecord.find(targetID, on: app.db))
            var reportID: UUID?
            try await Self.save(app, w, task: 0, period: "2025-03", submit: true, values: [targetID.uuidString: 12]) { res in
                #expect(res.status == .created)
                reportID = try res.content.decode(ReportDTO.self).id
            }
            try await Self.review(app, w, try #require(reportID), "accept", comment: nil) { res in #expect(res.status == .ok) }
            app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 4, day: 2))
            var dashboard: DashboardDTO?
            try await app.test(.GET, "/api/plans/\(w.plan)/dashboard", headers: w.office) { res in dashboard = try res.content.decode(DashboardDTO.self) }
            let counts = try #require(dashboard).counts
            let onDashboard = try #require(dashboard?.targets.first { $0.nodeID == w.tasks[0] && $0.actual == 12 })
            let projectedRate = try #require(onDashboard.projectedRate, "one accepted figure gives a forecast")

            // A quarter asked for as a month is refused; nothing is kept.
            try await app.test(.POST, "/plans/\(w.plan)/bulletins", headers: w.office, beforeRequest: { req in
                try req.content.encode(["kind": "monthly", "period": "2025-Q1"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            #expect(try await BulletinRecord.query(on: app.db).count() == 0)

            // The draft: shown to the office for checking, to nobody else.
            var location = ""
            try await app.test(.POST, "/plans/\(w.plan)/bulletins", headers: w.office, beforeRequest: { req in
                try req.content.encode(["kind": "monthly", "period": "2025-03", "issuer": ""], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let draft = try #require(try await BulletinRecord.query(on: app.db).first())
            let id = try draft.requireID()
            #expect(location == "/plans/\(w.plan)/bulletins/\(id)")
            #expect(draft.state == .draft && draft.number == 1)
            #expect(draft.issuer == "随州市科学技术局", "issued under the office of the plan's place, not the plan's issuer")
            let total = counts.values.reduce(0, +)
            // 完成率 = 实际 ÷ 目标 worked here: 12 of the target; 预计完成率 the dashboard's.
            let rate = String(format: "%.1f%%", 12 / target.value * 100)
            let projected = String(format: "%.1f%%", projectedRate * 100)
            try await app.test(.GET, location, headers: w.office) { res in
                #expect(res.status == .ok)
                let page = res.body.string
                #expect(page.contains("草稿") && page.contains("确认发布") && page.contains("删除草稿"))
                #expect(page.contains("任务总数") && page.contains("\(total)项"))
                #expect(page.contains("一、主要指标完成情况") && page.contains("<td>\(rate)</td>") && page.contains("<td>\(projected)</td>"))
                #expect(!page.contains("撤回通报"))
            }
            try await app.test(.GET, location, headers: leader) { res in #expect(res.status == .notFound, "a leader does not see drafts") }
            try await app.test(.GET, "/api/plans/\(w.plan)/bulletins", headers: w.office) { res in
                let list = try res.content.decode([BulletinController.BulletinDTO].self)
                #expect(list.isEmpty, "the API lists no drafts")
            }

            // Publishing needs the confirmation ticked.
            try await app.test(.POST, "\(location)/publish", headers: w.office) { res in #expect(res.status == .seeOther) }
            #expect(try await BulletinRecord.find(id, on: app.db)?.state == .draft)
            app.clock = BusinessClock(fixedDay: CivilDate(year: 2025, month: 4, day: 3))
            try await app.test(.POST, "\(location)/publish", headers: w.office, beforeRequest: { req in
                try req.content.encode(["confirm": "yes"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            let issued = try #require(try await BulletinRecord.find(id, on: app.db))
            #expect(issued.state == .issued && issued.issuedOn == "2025-04-03")
            var text = ""
            try await app.test(.GET, "\(location)/docx", headers: leader) { res in
                #expect(res.status == .ok)
                text = try DocxReader.text(from: Data(buffer: res.body))
            }
            #expect(text.contains("落实情况通报（2025年3月）"))
            #expect(text.contains("第1期") && !text.contains("草稿"))
            #expect(text.contains("随州市科学技术局　　2025年4月3日"))
            #expect(text.contains("任务总数\t\(total)项"))
            #expect(text.contains("逾期\t\(counts["overdue"] ?? 0)项"))
            #expect(text.contains("\t\(rate)\t") && text.contains("\t\(projected)\t"), "the .docx carries 完成率 and 预计完成率")
            try await app.test(.POST, "\(location)/publish", headers: w.office, beforeRequest: { req in
                try req.content.encode(["confirm": "yes"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "bulletin.issue").count() == 1, "published once")

            // A second draft, deleted; a withdrawal needs a reason and keeps the record.
            try await app.test(.POST, "/plans/\(w.plan)/bulletins", headers: w.office, beforeRequest: { req in
                try req.content.encode(["kind": "quarterly", "period": "2025-Q1", "issuer": "随州市科技局办公室"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            let second = try #require(try await BulletinRecord.query(on: app.db).filter(\.$stateValue == "draft").first())
            #expect(second.number == 2 && second.issuer == "随州市科技局办公室")
            try await app.test(.POST, "/plans/\(w.plan)/bulletins/\(second.id!)/discard", headers: w.office) { res in #expect(res.status == .seeOther) }
            try await app.test(.POST, "\(location)/discard", headers: w.office) { res in #expect(res.status == .seeOther) }
            #expect(try await BulletinRecord.query(on: app.db).count() == 1, "the draft is gone, the issued one stays")
            try await app.test(.POST, "\(location)/withdraw", headers: w.office, beforeRequest: { req in
                try req.content.encode(["reason": " "], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            #expect(try await BulletinRecord.find(id, on: app.db)?.state == .issued, "no reason, no withdrawal")
            try await app.test(.POST, "\(location)/withdraw", headers: w.office, beforeRequest: { req in
                try req.content.encode(["reason": "三月数据有误，重新核对后另发"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            try await app.test(.GET, "/api/plans/\(w.plan)/bulletins", headers: leader) { res in
                let list = try res.content.decode([BulletinController.BulletinDTO].self)
                #expect(list.map(\.state) == [.withdrawn] && list.first?.withdrawnReason == "三月数据有误，重新核对后另发")
            }
            try await app.test(.GET, location, headers: leader) { res in
                #expect(res.body.string.contains("已撤回") && res.body.string.contains("三月数据有误，重新核对后另发"))
            }
            // Its number is not given again.
            try await app.test(.POST, "/plans/\(w.plan)/bulletins", headers: w.office, beforeRequest: { req in
                try req.content.encode(["kind": "monthly", "period": "2025-03"], as: .urlEncodedForm)
            }) { res in #expect(res.status == .seeOther) }
            #expect(try await BulletinRecord.query(on: app.db).filter(\.$stateValue == "draft").first()?.number == 2)
            try await app.test(.GET, "\(location)/docx", headers: w.reporter) { res in #expect(res.status == .forbidden) }
            var actions: [String] = []
            for entry in try await AuditEntry.query(on: app.db).filter(\.$entity == "bulletin").all() { actions.append(entry.action) }
            #expect(actions.filter { $0 != "export.bulletin" }.sorted() ==
                    ["bulletin.discard", "bulletin.draft", "bulletin.draft", "bulletin.draft", "bulletin.issue", "bulletin.withdraw"])
            #expect(actions.filter { $0 == "export.bulletin" }.count == 1, "the leader's download is audited, the refused one is not")
        }
    }
}
