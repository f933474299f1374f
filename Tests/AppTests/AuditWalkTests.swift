@testable import App
import Fluent
import Foundation
import PlanDomain
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// 等保2.0: every change leaves an audit line. The table below says, for
    /// every write route (POST, PUT, PATCH, DELETE), which audit line one
    /// successful call writes and how to make that call; the walk makes each
    /// call once, as an account allowed to, and fails when the call did not
    /// succeed or wrote no such line. A new write route without an entry
    /// fails `theTableHasOneEntryPerWriteRoute`.
    ///
    /// The table is written by hand from what each route is for, not read
    /// from `SiteRoute`, so a route that stops auditing fails here.
    @Suite struct AuditWalk {
        /// One write route: the audit lines one successful call writes (every
        /// code listed must appear), or why it writes none; and the call.
        struct Entry: Sendable {
            var route: String
            var actions: [String]
            /// Why this route needs no audit line; nil for an audited route.
            var exemption: String?
            var step: @Sendable (Walk) async throws -> Void
        }

        static func audited(_ route: String, _ actions: String..., step: @escaping @Sendable (Walk) async throws -> Void) -> Entry {
            Entry(route: route, actions: actions, exemption: nil, step: step)
        }

        /// Few, and each with its reason: `theTableHasOneEntryPerWriteRoute` keeps them few.
        static func exempt(_ route: String, because reason: String, step: @escaping @Sendable (Walk) async throws -> Void) -> Entry {
            Entry(route: route, actions: [], exemption: reason, step: step)
        }

        /// The walk's business day: May 2025, January to May of 随州's 2025 plan open for reports.
        static let day = CivilDate(year: 2025, month: 5, day: 20)
        static let newPassword = "Kx7#mq2!Lp"
        static let periods = ["2025-05", "2025-04", "2025-03", "2025-02", "2025-01"]

        // MARK: The table

        static let entries: [Entry] = [
            // Signing in and out, the account's own security: security events, all audited.
            audited("POST /login", "login") { w in
                let account = try await w.account(.office)
                let out = try await w.perform(.POST, "/login", as: .anonymousWithToken,
                                              .form(["username": account.username, "password": Fixture.password]))
                w.check(out.location == "/", "signed in and sent home, not to \(out.location ?? "-")")
            },
            audited("POST /api/login", "login") { w in
                let account = try await w.account(.leader)
                try await w.perform(.POST, "/api/login", as: HTTPHeaders(),
                                    .json(LoginRequest(username: account.username, password: Fixture.password, code: nil)))
            },
            audited("POST /login/code", "login") { w in
                let account = try await w.account(.office)
                let secret = SecondFactor.newSecret()
                account.totpSecret = secret
                try await account.save(on: w.app.db)
                var session = HTTPHeaders.anonymousWithToken
                try await w.app.test(.POST, "/login", headers: session, beforeRequest: { req in
                    try req.content.encode(["username": account.username, "password": Fixture.password], as: .urlEncodedForm)
                }) { res in
                    w.check(res.headers.first(name: .location) == "/login/code", "the password step asks for the code")
                    var cookies = session.cookie ?? HTTPCookies()
                    cookies["sciplan_session"] = res.headers.setCookie?["sciplan_session"]
                    session.cookie = cookies
                }
                // The password step is a security event of its own: the right password, awaiting the code.
                let step = try await AuditEntry.query(on: w.app.db).filter(\.$action == "login.password").filter(\.$accountID == account.id).count()
                w.check(step == 1, "the password step of a two-step login writes login.password (\(step) lines)")
                let out = try await w.perform(.POST, "/login/code", as: session, .form(["code": try ServerTests.Identity.code(secret)]))
                w.check(out.location == "/", "signed in and sent home, not to \(out.location ?? "-")")
            },
            audited("POST /logout", "logout") { w in
                let account = try await w.account(.reporter, unit: w.world.unit)
                let headers = try await w.app.login(account.username)
                let out = try await w.perform(.POST, "/logout", as: headers)
                w.check(out.location == "/login", "back to the login page")
                w.check(try await w.signedIn(headers) == false, "the session has ended")
            },
            audited("POST /api/logout", "logout") { w in
                let account = try await w.account(.admin)
                let headers = try await w.app.login(account.username)
                try await w.perform(.POST, "/api/logout", as: headers)
                w.check(try await w.signedIn(headers) == false, "the session has ended")
            },
            audited("POST /account/password", "password.change") { w in
                let account = try await w.account(.leader)
                let headers = try await w.app.login(account.username)
                try await w.perform(.POST, "/account/password", as: headers,
                                    .form(["current": Fixture.password, "new": Self.newPassword, "confirm": Self.newPassword]), flash: "密码已修改")
                w.check(try await Account.find(account.id, on: w.app.db)?.passwordHash != account.passwordHash, "the password changed")
            },
            audited("POST /api/account/password", "password.change") { w in
                let account = try await w.account(.office)
                let headers = try await w.app.login(account.username)
                try await w.perform(.POST, "/api/account/password", as: headers,
                                    .json(PasswordChangeRequest(current: Fixture.password, new: Self.newPassword)))
                w.check(try await Account.find(account.id, on: w.app.db)?.passwordHash != account.passwordHash, "the password changed")
            },
            exempt("POST /account/second-factor", because: """
                changes nothing stored: the new secret waits in the session until a code from it is confirmed \
                (POST /account/second-factor/confirm, audited as totp.enable); until then the account is as it was
                """) { w in
                let account = try await w.account(.office)
                let headers = try await w.app.login(account.username)
                try await w.perform(.POST, "/account/second-factor", as: headers)
                w.check(try await Account.find(account.id, on: w.app.db)?.totpSecret == nil, "the account is unchanged")
                w.check(try await w.sessionValue(headers, AccountController.pendingSecretKey) != nil, "the secret waits in the session")
            },
            audited("POST /account/second-factor/confirm", "totp.enable") { w in
                let account = try await w.account(.office)
                let headers = try await w.app.login(account.username)
                try await w.app.test(.POST, "/account/second-factor", headers: headers) { res in w.check(res.status == .seeOther, "second factor started") }
                let secret = try #require(try await w.sessionValue(headers, AccountController.pendingSecretKey))
                try await w.perform(.POST, "/account/second-factor/confirm", as: headers,
                                    .form(["code": try ServerTests.Identity.code(secret)]), flash: "两步验证已开启")
                w.check(try await Account.find(account.id, on: w.app.db)?.totpSecret == secret, "the second factor is on")
            },
            audited("POST /account/second-factor/disable", "totp.disable") { w in
                let account = try await w.account(.office)
                let headers = try await w.app.login(account.username)
                let secret = SecondFactor.newSecret()
                account.totpSecret = secret
                try await account.save(on: w.app.db)
                try await w.perform(.POST, "/account/second-factor/disable", as: headers,
                                    .form(["code": try ServerTests.Identity.code(secret)]), flash: "两步验证已关闭")
                w.check(try await Account.find(account.id, on: w.app.db)?.totpSecret == nil, "the second factor is off")
            },
            audited("POST /notifications/read", "notification.read") { w in
                let account = try await w.account(.leader)
                let id = try account.requireID()
                try await NotificationRecord(accountID: id, kind: "remind", title: "请查看", body: "走查", link: nil, at: Date()).create(on: w.app.db)
                let headers = try await w.app.login(account.username)
                try await w.perform(.POST, "/notifications/read", as: headers, flash: "已全部标为已读")
                let unread = try await NotificationRecord.query(on: w.app.db).filter(\.$account.$id == id).filter(\.$readAt == nil).count()
                w.check(unread == 0, "nothing left unread")
            },

            // A unit's reporter.
            audited("POST /reports", "report.save") { w in
                let (node, period) = w.slot()
                let plan = w.world.plan.uuidString
                try await w.perform(.POST, "/reports", as: w.world.reporter, .form([
                    "action": "save", "period": period, "plan:\(node)": plan, "period:\(node)": period,
                    "narrative:\(node)": "走查：完成调研。", "percent:\(node)": "30",
                ]), flash: "已保存草稿 1 项")
                w.check(try await w.reportCount(node, period) == 1, "the draft is stored")
            },
            audited("POST /api/reports", "report.submit") { w in
                let (node, period) = w.slot()
                try await w.perform(.POST, "/api/reports", as: w.world.reporter, .json(SaveReportRequest(
                    planID: w.world.plan, nodeID: node, period: period, narrative: "走查：按计划推进。", percent: 40,
                    milestone: nil, selfStatus: .onTrack, completionProposed: false, values: nil, submit: true)))
                w.check(try await w.reportCount(node, period) == 1, "the report is stored")
            },
            audited("POST /plans/:planID/reports/:reportID/attachments", "attachment.upload") { w in
                let report = try await w.report(submit: false)
                let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
                try await w.perform(.POST, "/plans/\(w.world.plan)/reports/\(report.id)/attachments", as: w.world.reporter,
                                    .file(name: "佐证.pdf", bytes: pdf, fields: [:]), flash: "已上传附件")
                w.check(try await ReportAttachment.query(on: w.app.db).filter(\.$report.$id == report.id).count() == 1, "the file is stored")
            },
            audited("POST /plans/:planID/notices/:noticeID/reply", "notice.reply") { w in
                let notice = try await w.notice(.issued)
                try await w.perform(.POST, "/plans/\(w.world.plan)/notices/\(notice)/reply", as: w.world.reporter,
                                    .form(["reply": "已补报四月进展。"]), flash: "已回复督办单")
                w.check(try await SupervisionNotice.find(notice, on: w.app.db)?.status == .replied, "the notice is answered")
            },

            // Offices and the admin: review, the calendar, notices, bulletins.
            audited("POST /plans/:planID/reports/:reportID/accept", "report.accept") { w in
                let report = try await w.report(submit: true)
                try await w.perform(.POST, "/plans/\(w.world.plan)/reports/\(report.id)/accept", as: w.world.office,
                                    .form(["comment": "同意"]), flash: "已采纳")
                w.check(try await ProgressReport.find(report.id, on: w.app.db)?.state == .accepted, "accepted")
            },
            audited("POST /plans/:planID/reports/accept-selected", "report.accept") { w in
                struct Selection: Content { var report: [String]; var confirm: String }
                let report = try await w.report(submit: true)
                try await w.perform(.POST, "/plans/\(w.world.plan)/reports/accept-selected", as: w.world.office,
                                    .form(Selection(report: [report.id.uuidString], confirm: "yes")), flash: "已采纳 1 份报告")
                w.check(try await ProgressReport.find(report.id, on: w.app.db)?.state == .accepted, "accepted")
            },
            audited("POST /plans/:planID/reports/:reportID/return", "report.return") { w in
                let report = try await w.report(submit: true)
                try await w.perform(.POST, "/plans/\(w.world.plan)/reports/\(report.id)/return", as: w.world.office,
                                    .form(["comment": "请补充佐证材料"]), flash: "已退回")
                w.check(try await ProgressReport.find(report.id, on: w.app.db)?.state == .returned, "returned")
            },
            audited("POST /api/plans/:planID/reports/:reportID/review", "report.accept") { w in
                let report = try await w.report(submit: true)
                try await w.perform(.POST, "/api/plans/\(w.world.plan)/reports/\(report.id)/review", as: w.world.admin,
                                    .json(ReviewRequest(decision: .accept, comment: nil)))
                w.check(try await ProgressReport.find(report.id, on: w.app.db)?.state == .accepted, "accepted")
            },
            audited("POST /plans/:planID/tasks/:nodeID/complete", "task.complete") { w in
                let report = try await w.report(submit: true, completion: true)
                try await w.perform(.POST, "/plans/\(w.world.plan)/tasks/\(report.node)/complete", as: w.world.office, flash: "已确认办结")
                w.check(try await TaskClosure.query(on: w.app.db).filter(\.$node.$id == report.node).count() == 1, "the task is closed")
            },
            audited("POST /plans/:planID/calendar", "calendar.update") { w in
                try await w.perform(.POST, "/plans/\(w.world.plan)/calendar", as: w.world.office, .form([
                    "kind": "monthly", "dueDay": "26", "graceDays": "3", "onTrack": "95", "behind": "85",
                ]), flash: "报送日历已保存")
                w.check(try await PlanCalendar.query(on: w.app.db).filter(\.$plan.$id == w.world.plan).first()?.dueDay == 26, "the due day is 26")
            },
            audited("POST /plans/:planID/periods/:period/close", "period.close") { w in
                try await w.perform(.POST, "/plans/\(w.world.plan)/periods/2025-06/close", as: w.world.office, flash: "已关闭")
                w.check(try await PeriodClosure.query(on: w.app.db).filter(\.$period == "2025-06").count() == 1, "June is closed")
            },
            audited("POST /plans/:planID/periods/:period/reopen", "period.reopen") { w in
                try await w.app.test(.POST, "/plans/\(w.world.plan)/periods/2025-07/close", headers: w.world.office) { res in
                    w.check(res.status == .seeOther, "July closed first")
                }
                try await w.perform(.POST, "/plans/\(w.world.plan)/periods/2025-07/reopen", as: w.world.office, flash: "已重新开放")
                w.check(try await PeriodClosure.query(on: w.app.db).filter(\.$period == "2025-07").count() == 0, "July is open again")
            },
            audited("POST /plans/:planID/policy", "policy.update") { w in
                try await w.perform(.POST, "/plans/\(w.world.plan)/policy", as: w.world.office,
                                    .form(["remindDaysBefore": "4"]), flash: "提醒与督办规则已保存")
                w.check(try await Escalator.policy(for: w.world.plan, on: w.app.db).remindDaysBefore == 4, "the rule is saved")
            },
            audited("POST /plans/:planID/notices/:noticeID/issue", "notice.issue") { w in
                let notice = try await w.notice(.proposed)
                try await w.perform(.POST, "/plans/\(w.world.plan)/notices/\(notice)/issue", as: w.world.office,
                                    .form(["replyBy": "2025-06-05", "action": "issue"]), flash: "已签发")
                w.check(try await SupervisionNotice.find(notice, on: w.app.db)?.status == .issued, "the notice is issued")
            },
            audited("POST /api/escalations/run", "escalation.run") { w in
                let out = try await w.perform(.POST, "/api/escalations/run", as: w.world.office)
                w.check(out.body.contains("\"escalations\""), "the run's outcome is answered")
            },
            audited("POST /unit-groups", "unit.group", "unit.create") { w in
                try await w.perform(.POST, "/unit-groups", as: w.world.office,
                                    .form(["name": "各县市区人民政府", "members": "曾都区人民政府\n随县人民政府\n广水市人民政府"]), flash: "已保存")
                w.check(try await UnitGroup.query(on: w.app.db).count() == 1, "the group is stored")
            },
            audited("POST /unit-groups/:groupID/delete", "unit.group.delete") { w in
                let group = UnitGroup(jurisdictionCode: "421300", name: "市直各相关部门", members: [w.world.unit], updatedBy: "走查")
                try await group.create(on: w.app.db)
                try await w.perform(.POST, "/unit-groups/\(group.id!)/delete", as: w.world.office, flash: "已删除")
            },
            audited("POST /plans/:planID/targets/:targetID/split", "target.split") { w in
                let target = try #require(try await TargetRecord.query(on: w.app.db).filter(\.$plan.$id == w.world.plan)
                    .filter(\.$indicator == "tech_contract.turnover").first())
                try await w.perform(.POST, "/plans/\(w.world.plan)/targets/\(target.id!)/split", as: w.world.office,
                                    .form(["s|421303": "34", "s|421321": "15", "s|421381": "26"]), flash: "已将目标分解到 3 个地区")
            },
            audited("POST /plans/:planID/meetings", "meeting.record", "plan.edit") { w in
                try await w.perform(.POST, "/plans/\(w.world.plan)/meetings", as: w.world.office, .form([
                    "title": "2025年第4次领导小组月例会", "heldOn": "2025-05-12",
                    "item1": "制定科创平台绩效评价办法", "unit1": "市科技局", "deadline1": "2025-07-31",
                ]), flash: "已记录")
                w.check(try await MeetingRecord.query(on: w.app.db).count() == 1, "the meeting is recorded")
            },
            audited("POST /api/plans/:planID/meetings", "meeting.record", "plan.edit") { w in
                try await w.perform(.POST, "/api/plans/\(w.world.plan)/meetings", as: w.world.office, .json(RecordMeetingRequest(
                    title: "专题会议", heldOn: "2025-05-15",
                    decisions: [.init(title: "摸清规上企业研发机构底数", unit: "市科技局", deadline: "2025-06-30")])))
                w.check(try await MeetingRecord.query(on: w.app.db).count() >= 1, "the meeting is recorded")
            },
            audited("POST /plans/:planID/bulletins", "bulletin.draft") { w in
                try await w.perform(.POST, "/plans/\(w.world.plan)/bulletins", as: w.world.office,
                                    .form(["kind": "monthly", "period": "2025-04", "issuer": ""]), flash: "已生成通报草稿")
                w.check(try await w.draftBulletin() != nil, "the draft is stored")
            },
            audited("POST /plans/:planID/bulletins/:bulletinID/publish", "bulletin.issue") { w in
                let id = try await w.bulletinDraft()
                try await w.perform(.POST, "/plans/\(w.world.plan)/bulletins/\(id)/publish", as: w.world.office,
                                    .form(["confirm": "yes"]), flash: "已发布第")
                w.check(try await BulletinRecord.find(id, on: w.app.db)?.state == .issued, "issued")
            },
            audited("POST /plans/:planID/bulletins/:bulletinID/withdraw", "bulletin.withdraw") { w in
                let id = try await w.bulletinDraft()
                try await w.app.test(.POST, "/plans/\(w.world.plan)/bulletins/\(id)/publish", headers: w.world.office, beforeRequest: { req in
                    try req.content.encode(["confirm": "yes"], as: .urlEncodedForm)
                }) { res in w.check(res.status == .seeOther, "published first") }
                try await w.perform(.POST, "/plans/\(w.world.plan)/bulletins/\(id)/withdraw", as: w.world.office,
                                    .form(["reason": "数据有误，核对后另发"]), flash: "已撤回第")
                w.check(try await BulletinRecord.find(id, on: w.app.db)?.state == .withdrawn, "withdrawn")
            },
            audited("POST /plans/:planID/bulletins/:bulletinID/discard", "bulletin.discard") { w in
                let id = try await w.bulletinDraft()
                try await w.perform(.POST, "/plans/\(w.world.plan)/bulletins/\(id)/discard", as: w.world.office, flash: "已删除通报草稿")
                w.check(try await BulletinRecord.find(id, on: w.app.db) == nil, "the draft is gone")
            },

            // Plan offices and the admin: import, proofreading and editing, units, publishing.
            audited("POST /plans/import", "plan.import") { w in
                let place = w.place()
                try await w.perform(.POST, "/plans/import", as: w.world.admin,
                                    .file(name: Fixture.seedNames[0], bytes: try Fixture.seedBytes(Fixture.seedNames[0]), fields: ["jurisdiction": place]),
                                    flash: "已读取")
                w.check(try await PlanRecord.query(on: w.app.db).filter(\.$jurisdictionCode == place).count() == 1, "the plan is stored")
            },
            audited("POST /api/plans/import", "plan.import") { w in
                let place = w.place()
                try await w.perform(.POST, "/api/plans/import", as: w.world.admin,
                                    .file(name: Fixture.seedNames[1], bytes: try Fixture.seedBytes(Fixture.seedNames[1]), fields: ["jurisdiction": place]))
                w.check(try await PlanRecord.query(on: w.app.db).filter(\.$jurisdictionCode == place).count() == 1, "the plan is stored")
            },
            audited("POST /plans/:planID/fields", "plan.edit") { w in
                let plan = try await w.draftPlan()
                try await w.perform(.POST, "/plans/\(plan)/fields", as: w.world.admin,
                                    .form(["title": "走查改过的计划标题", "year": "2025"]), flash: "已保存计划信息")
                w.check(try await PlanRecord.find(plan, on: w.app.db)?.title == "走查改过的计划标题", "the title changed")
            },
            audited("POST /plans/:planID/nodes", "plan.edit") { w in
                let plan = try await w.draftPlan()
                try await w.perform(.POST, "/plans/\(plan)/nodes", as: w.world.admin,
                                    .form(["parent": "", "label": "九、", "title": "走查新增的条目"]), flash: "已新增条目")
                w.check(try await NodeRecord.query(on: w.app.db).filter(\.$plan.$id == plan).filter(\.$title == "走查新增的条目").count() == 1, "the node is stored")
            },
            audited("POST /plans/:planID/nodes/:nodeID", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let node = try await w.task(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/nodes/\(node)", as: w.world.admin,
                                    .form(["title": "走查改过的条目标题"]), flash: "已保存条目")
                w.check(try await NodeRecord.find(node, on: w.app.db)?.title == "走查改过的条目标题", "the title changed")
            },
            audited("POST /plans/:planID/nodes/:nodeID/delete", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let nodes = try await NodeRecord.query(on: w.app.db).filter(\.$plan.$id == plan).all()
                let leaf = try #require(nodes.last { n in n.isTask && !nodes.contains { $0.parentID == n.id } }?.id)
                try await w.perform(.POST, "/plans/\(plan)/nodes/\(leaf)/delete", as: w.world.admin, flash: "已删除条目")
                w.check(try await NodeRecord.find(leaf, on: w.app.db) == nil, "the node is gone")
            },
            audited("POST /plans/:planID/nodes/:nodeID/move", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let top = try await NodeRecord.query(on: w.app.db).filter(\.$plan.$id == plan).filter(\.$parentID == nil).sort(\.$position).all()
                let first = try #require(top.first?.id)
                let before = top.first?.position ?? 0
                try await w.perform(.POST, "/plans/\(plan)/nodes/\(first)/move", as: w.world.admin,
                                    .form(["direction": "down"]), flash: "已下移条目")
                w.check((try await NodeRecord.find(first, on: w.app.db)?.position ?? 0) > before, "the node moved down")
            },
            audited("PATCH /api/plans/:planID/nodes/:nodeID", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let node = try await w.task(of: plan)
                try await w.perform(.PATCH, "/api/plans/\(plan)/nodes/\(node)", as: w.world.admin, .json(NodeChanges(title: "接口改过的条目标题")))
                w.check(try await NodeRecord.find(node, on: w.app.db)?.title == "接口改过的条目标题", "the title changed")
            },
            audited("POST /plans/:planID/targets", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let node = try await w.task(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/targets", as: w.world.admin, .form([
                    "node": node.uuidString, "text": "走查新增目标：专利 10 件", "metric": "专利", "value": "10", "unit": "件",
                ]), flash: "已新增目标")
                w.check(try await TargetRecord.query(on: w.app.db).filter(\.$plan.$id == plan).filter(\.$text == "走查新增目标：专利 10 件").count() == 1,
                        "the target is stored")
            },
            audited("POST /plans/:planID/targets/:targetID", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let target = try await w.target(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/targets/\(target.id!)", as: w.world.admin,
                                    .form(["value": Format.number(target.value + 1)]), flash: "已保存目标")
                w.check(try await TargetRecord.find(target.id, on: w.app.db)?.value == target.value + 1, "the value changed")
            },
            audited("POST /plans/:planID/targets/:targetID/delete", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let target = try await w.target(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/targets/\(target.id!)/delete", as: w.world.admin, flash: "已删除目标")
                w.check(try await TargetRecord.find(target.id, on: w.app.db) == nil, "the target is gone")
            },
            audited("PATCH /api/plans/:planID/targets/:targetID", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let target = try await w.target(of: plan)
                try await w.perform(.PATCH, "/api/plans/\(plan)/targets/\(target.id!)", as: w.world.admin, .json(TargetChanges(value: target.value + 2)))
                w.check(try await TargetRecord.find(target.id, on: w.app.db)?.value == target.value + 2, "the value changed")
            },
            audited("POST /plans/:planID/units/resolve", "unit.create") { w in
                let plan = try await w.draftPlan()
                let name = try await w.unmatchedName(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/units/resolve", as: w.world.admin,
                                    .form(["name": name, "create": "true"]), flash: "已新建单位")
                w.check(try await w.unmatchedNames(of: plan).contains(name) == false, "the name is matched")
            },
            audited("POST /plans/:planID/units/create-all", "unit.create") { w in
                let plan = try await w.draftPlan()
                let before = try await w.unmatchedNames(of: plan)
                w.check(!before.isEmpty, "names wait for units")
                try await w.perform(.POST, "/plans/\(plan)/units/create-all", as: w.world.admin, flash: "已新建 \(before.count) 个单位")
                w.check(try await w.unmatchedNames(of: plan).isEmpty, "every name is matched")
            },
            audited("POST /plans/:planID/units/merge", "unit.merge") { w in
                let kept = Unit(name: "走查甲单位", kind: .department, jurisdictionCode: "421300")
                let merged = Unit(name: "走查乙单位", kind: .department, jurisdictionCode: "421300")
                try await kept.create(on: w.app.db)
                try await merged.create(on: w.app.db)
                try await w.perform(.POST, "/plans/\(w.world.plan)/units/merge", as: w.world.office,
                                    .form(["merged": try merged.requireID().uuidString, "kept": try kept.requireID().uuidString, "confirm": "yes"]),
                                    flash: "已把“走查乙单位”合并到“走查甲单位”")
                w.check(try await Unit.find(merged.id, on: w.app.db) == nil, "the merged unit is gone")
                w.check(try await UnitAlias.query(on: w.app.db).filter(\.$alias == "走查乙单位").first()?.$unit.id == kept.id, "its name is an alias")
            },
            audited("POST /api/plans/:planID/units/resolve", "unit.alias") { w in
                let plan = try await w.draftPlan()
                let name = try await w.unmatchedName(of: plan)
                let code = try #require(try await PlanRecord.find(plan, on: w.app.db)?.jurisdictionCode)
                let unit = Unit(name: "走查已有单位", kind: .bureau, jurisdictionCode: code)
                try await unit.create(on: w.app.db)
                try await w.perform(.POST, "/api/plans/\(plan)/units/resolve", as: w.world.admin,
                                    .json(UnitController.ResolveRequest(name: name, unitID: unit.id, create: nil, kind: nil)))
                w.check(try await UnitAlias.query(on: w.app.db).filter(\.$alias == name).count() >= 1, "the name is kept as an alias")
            },
            audited("POST /plans/:planID/publish", "plan.publish") { w in
                let plan = try await w.draftPlan()
                try await createAllUnits(w.app, plan, w.world.admin)
                try await w.perform(.POST, "/plans/\(plan)/publish", as: w.world.admin, flash: "计划已发布")
                w.check(try await PlanRecord.find(plan, on: w.app.db)?.status == .published, "published")
            },
            audited("POST /api/plans/:planID/publish", "plan.publish") { w in
                let plan = try await w.draftPlan()
                try await createAllUnits(w.app, plan, w.world.admin)
                try await w.perform(.POST, "/api/plans/\(plan)/publish", as: w.world.admin)
                w.check(try await PlanRecord.find(plan, on: w.app.db)?.status == .published, "published")
            },
            audited("POST /plans/:planID/close", "plan.edit") { w in
                let plan = try await w.draftPlan()
                try await createAllUnits(w.app, plan, w.world.admin)
                try await w.app.test(.POST, "/api/plans/\(plan)/publish", headers: w.world.admin) { res in w.check(res.status == .ok, "published first") }
                try await w.perform(.POST, "/plans/\(plan)/close", as: w.world.admin, flash: "计划已关闭")
                w.check(try await PlanRecord.find(plan, on: w.app.db)?.status == .closed, "closed")
            },
            audited("POST /plans/:planID/breakdown", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let workbook = try await w.breakdown(of: plan)
                try await w.perform(.POST, "/plans/\(plan)/breakdown", as: w.world.admin,
                                    .file(name: "分解表.xlsx", bytes: workbook, fields: [:]), flash: "已按任务分解表更新计划")
            },
            audited("PUT /api/plans/:planID/breakdown.xlsx", "plan.edit") { w in
                let plan = try await w.draftPlan()
                let workbook = try await w.breakdown(of: plan)
                try await w.perform(.PUT, "/api/plans/\(plan)/breakdown.xlsx", as: w.world.admin, .file(name: "分解表.xlsx", bytes: workbook, fields: [:]))
            },

            // Indicators: definitions, figures, imports, base data, assessment.
            audited("POST /indicators", "indicator.create") { w in
                try await w.perform(.POST, "/indicators", as: w.world.office,
                                    .form(["code": "walk.form", "name": "走查指标（表单）", "unit": "项", "kind": "count"]), flash: "已新增指标")
                w.check(try await IndicatorRecord.find("walk.form", on: w.app.db) != nil, "the indicator is stored")
            },
            audited("POST /api/indicators", "indicator.create") { w in
                try await w.perform(.POST, "/api/indicators", as: w.world.office, .json(IndicatorController.NewIndicator(
                    code: "walk.api", name: "走查指标（接口）", unit: "项", kind: "count", numerator: nil, denominator: nil, scale: nil)))
                w.check(try await IndicatorRecord.find("walk.api", on: w.app.db) != nil, "the indicator is stored")
            },
            audited("POST /places/:placeCode/values", "indicator.values") { w in
                try await w.perform(.POST, "/places/421300/values", as: w.world.office, .form([
                    "indicator": "tsme.registered", "year": "2025", "month": "5", "measure": "actual", "value": "12", "note": "走查",
                ]), flash: "已保存：")
                w.check(try await w.figures(source: .office, month: 5) == 1, "the figure is stored")
            },
            audited("POST /api/places/:placeCode/values", "indicator.values") { w in
                try await w.perform(.POST, "/api/places/421300/values", as: w.world.office, .json(IndicatorController.ValueRequest(
                    indicator: "tsme.registered", year: 2025, month: 4, measure: "actual", value: 9, note: "走查")))
                w.check(try await w.figures(source: .office, month: 4) == 1, "the figure is stored")
            },
            audited("POST /places/:placeCode/base-data", "indicator.values") { w in
                try await w.perform(.POST, "/places/421300/base-data", as: w.world.office,
                                    .form(["year": "2025", "v|base.gdp|421300": "1234.5"]), flash: "基础数据已保存")
                w.check(try await IndicatorValue.query(on: w.app.db).filter(\.$indicatorCode == "base.gdp").count() == 1, "the figure is stored")
            },
            audited("POST /places/:placeCode/values/import", "indicator.import") { w in
                try await w.perform(.POST, "/places/421300/values/import", as: w.world.office,
                                    .file(name: "实际值.xlsx", bytes: try Self.actuals(month: 2), fields: [:]), flash: "已导入 1 个实际值")
                w.check(try await w.figures(source: .import, month: 2) == 1, "the figure is stored")
            },
            audited("POST /api/places/:placeCode/values/import", "indicator.import") { w in
                try await w.perform(.POST, "/api/places/421300/values/import", as: w.world.office,
                                    .file(name: "实际值.xlsx", bytes: try Self.actuals(month: 3), fields: [:]))
                w.check(try await w.figures(source: .import, month: 3) == 1, "the figure is stored")
            },
            audited("POST /places/:placeCode/evaluation/scheme", "evaluation.scheme") { w in
                try await w.perform(.POST, "/places/421300/evaluation/scheme?year=2025", as: w.world.office,
                                    .file(name: "考评方案.xlsx", bytes: try EvaluationSchemeWorkbook.xlsx(.suizhou2025), fields: [:]),
                                    flash: "已导入考评方案")
                w.check(try await EvaluationSchemeRecord.query(on: w.app.db).count() == 1, "the scheme is stored")
            },
            audited("POST /places/:placeCode/evaluation/inputs", "evaluation.inputs") { w in
                try await w.perform(.POST, "/places/421300/evaluation/inputs", as: w.world.office,
                                    .form(["year": "2025"]), flash: "手工项数字已保存")
            },
            audited("POST /places/:placeCode/assessment/scores", "assessment.score") { w in
                var book: AssessmentDTO?
                try await w.app.test(.GET, "/api/places/421300/assessment?year=2025", headers: w.world.office) { res in
                    book = try res.content.decode(AssessmentDTO.self)
                }
                let unit = try #require(book?.units.first?.unit), item = try #require(book?.items.first?.id)
                try await w.perform(.POST, "/places/421300/assessment/scores", as: w.world.office,
                                    .form(["year": "2025", "final|\(unit)|\(item)": "1", "evidence|\(unit)|\(item)": "走查"]), flash: "已保存 1 项评分")
            },
            audited("POST /places/:placeCode/assessment/scheme", "assessment.scheme") { w in
                var form = ["year": "2026"]
                for (index, item) in AssessmentScheme.standard.items.enumerated() { form["points.\(index)"] = Format.number(item.points) }
                form["name.new0"] = "科技成果转化"
                form["points.new0"] = "5"
                try await w.perform(.POST, "/places/421300/assessment/scheme", as: w.world.office, .form(form), flash: "考核方案已保存")
                w.check(try await AssessmentSchemeRecord.query(on: w.app.db).filter(\.$year == 2026).count() == 1, "the scheme is stored")
            },
            audited("PUT /api/places/:placeCode/assessment/scheme", "assessment.scheme") { w in
                try await w.perform(.PUT, "/api/places/421300/assessment/scheme?year=2027", as: w.world.office, .json(AssessmentScheme.standard))
                w.check(try await AssessmentSchemeRecord.query(on: w.app.db).filter(\.$year == 2027).count() == 1, "the scheme is stored")
            },

            // The system admin: accounts and undelivered robot messages.
            audited("POST /admin/accounts", "account.create") { w in
                try await w.perform(.POST, "/admin/accounts", as: w.world.admin, .form([
                    "username": "walk-form-new", "displayName": "走查新建（表单）", "role": "office", "jurisdictionCode": "421300",
                    "unitID": "", "password": Self.newPassword,
                ]), flash: "已新建账号")
                w.check(try await Account.query(on: w.app.db).filter(\.$username == "walk-form-new").count() == 1, "the account is stored")
            },
            audited("POST /api/accounts", "account.create") { w in
                try await w.perform(.POST, "/api/accounts", as: w.world.admin, .json(AccountAdmin.NewAccount(
                    username: "walk-api-new", displayName: "走查新建（接口）", role: "leader", jurisdictionCode: "421300",
                    unitID: nil, password: Self.newPassword)))
                w.check(try await Account.query(on: w.app.db).filter(\.$username == "walk-api-new").count() == 1, "the account is stored")
            },
            audited("POST /admin/accounts/:accountID/password", "account.password_reset") { w in
                let account = try await w.account(.office)
                try await w.perform(.POST, "/admin/accounts/\(account.id!)/password", as: w.world.admin,
                                    .form(["password": Self.newPassword]), flash: "设置新密码")
                w.check(try await Account.find(account.id, on: w.app.db)?.passwordHash != account.passwordHash, "the password changed")
            },
            audited("POST /admin/accounts/:accountID/second-factor", "account.totp_reset") { w in
                let account = try await w.account(.office)
                account.totpSecret = SecondFactor.newSecret()
                try await account.save(on: w.app.db)
                try await w.perform(.POST, "/admin/accounts/\(account.id!)/second-factor", as: w.world.admin, flash: "的两步验证")
                w.check(try await Account.find(account.id, on: w.app.db)?.totpSecret == nil, "the second factor is off")
            },
            audited("POST /admin/accounts/:accountID/unlock", "account.unlock") { w in
                let account = try await w.lockedAccount()
                try await w.perform(.POST, "/admin/accounts/\(account)/unlock", as: w.world.admin, flash: "已解锁")
                w.check(try await Account.find(account, on: w.app.db)?.lockedUntil == nil, "unlocked")
            },
            audited("POST /api/accounts/:accountID/unlock", "account.unlock") { w in
                let account = try await w.lockedAccount()
                try await w.perform(.POST, "/api/accounts/\(account)/unlock", as: w.world.admin)
                w.check(try await Account.find(account, on: w.app.db)?.lockedUntil == nil, "unlocked")
            },
            audited("POST /admin/outbox/:messageID/retry", "outbox.retry") { w in
                // A port nothing listens on: were the message sent again during the walk, it fails at once.
                try await Outbox.enqueue(url: "http://127.0.0.1:\(try closedPort())/hook?key=K", text: "走查", key: "walk|outbox",
                                         now: Date(), on: w.app.db)
                let message = try #require(try await OutboxMessage.query(on: w.app.db).filter(\.$dedupeKey == "walk|outbox").first())
                message.status = .failed
                message.attempts = Outbox.maxAttempts
                try await message.save(on: w.app.db)
                try await w.perform(.POST, "/admin/outbox/\(message.id!)/retry", as: w.world.admin, flash: "已放回发送队列")
                w.check(try await OutboxMessage.find(message.id, on: w.app.db)?.status == .pending, "queued again")
            },
        ]

        static func actuals(month: Int) throws -> Data {
            try SimpleWorkbook.xlsx([SheetTable(name: "实际值", header: ["地区代码", "指标代码", "年份", "月份", "数值", "备注"], rows: [
                [.text("421303"), .text("tsme.registered"), .number(2025), .number(Double(month)), .number(5), .text("走查")],
            ])])
        }

        // MARK: The tests

        static func key(_ route: SiteRoute) -> String { "\(route.method.rawValue) \(route.pattern)" }

        static let writeMethods: [RouteMethod] = [.POST, .PUT, .PATCH, .DELETE]

        @Test func theTableHasOneEntryPerWriteRoute() {
            let writes = Set(SiteRoute.allCases.filter { Self.writeMethods.contains($0.method) }.map(Self.key))
            let keys = Self.entries.map(\.route)
            #expect(Set(keys).count == keys.count, "a route has two entries: \(Dictionary(grouping: keys) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
            for key in writes.subtracting(keys).sorted() {
                Issue.record("no entry for the write route \(key): add the audit line one call writes, and the call")
            }
            for key in Set(keys).subtracting(writes).sorted() { Issue.record("an entry for a route that is not a write route: \(key)") }
            for entry in Self.entries {
                if let reason = entry.exemption {
                    #expect(entry.actions.isEmpty && reason.count > 20, "\(entry.route): an exemption gives its reason and expects no line")
                } else {
                    #expect(!entry.actions.isEmpty, "\(entry.route): no audit line expected and no reason given")
                }
            }
            let exempt = Self.entries.filter { $0.exemption != nil }.map(\.route)
            #expect(exempt.count <= 2, "exemptions must stay few and justified: \(exempt)")
        }

        @Test func everySuccessfulWriteLeavesAnAuditLine() async throws {
            try await withServer { app in
                let world = try await Self.world(app)
                let shared = Shared(places: try await Self.freePlaces(app))
                var walked = 0
                for entry in Self.entries {
                    app.clock = BusinessClock(fixedDay: Self.day)
                    let walk = Walk(app: app, world: world, shared: shared)
                    do {
                        try await entry.step(walk)
                    } catch {
                        Issue.record("\(entry.route): the call could not be made: \(String(reflecting: error))")
                        continue
                    }
                    for problem in walk.problems { Issue.record("\(entry.route): \(problem)") }
                    guard walk.outcomes.count == 1, let out = walk.outcomes.first else {
                        Issue.record("\(entry.route): made \(walk.outcomes.count) calls of the route under test, not one")
                        continue
                    }
                    #expect(Self.matches(entry.route, out.method, out.path), "\(entry.route): the call was \(out.method.rawValue) \(out.path)")
                    if let refusal = out.refusal {
                        Issue.record("\(entry.route): did not succeed: \(refusal)")
                        continue
                    }
                    walked += 1
                    if entry.exemption != nil { continue }
                    for action in entry.actions where !out.newActions.contains(action) {
                        Issue.record("\(entry.route): succeeded (\(out.status.code)) but wrote no \(action) audit line; new lines: \(out.newActions)")
                    }
                    for action in Set(out.newActions) where AuditWording.action(action) == action {
                        Issue.record("\(entry.route): the audit action \(action) has no Chinese words in AuditWording.actions")
                    }
                }
                #expect(walked == Self.entries.count, "every write route called successfully")
            }
        }

        /// `key`'s method, and a path that is an instance of its pattern.
        static func matches(_ key: String, _ method: HTTPMethod, _ path: String) -> Bool {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == method.rawValue else { return false }
            let pattern = parts[1].split(separator: "/")
            let given = String(path.split(separator: "?", maxSplits: 1).first ?? "").split(separator: "/")
            return pattern.count == given.count && zip(pattern, given).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }

        // MARK: The world

        struct World: Sendable {
            /// 随州 2025 (421300), published.
            var plan: UUID
            /// 市科技局, whose reporter is `reporter`.
            var unit: UUID
            /// The tasks 市科技局 reports on.
            var tasks: [UUID]
            var admin: HTTPHeaders
            var office: HTTPHeaders
            var reporter: HTTPHeaders
        }

        static func world(_ app: Application) async throws -> World {
            app.clock = BusinessClock(fixedDay: day)
            try await Fixture.account(app, "admin", role: .admin)
            let admin = try await app.login("admin")
            let id = try await app.importSeed(Fixture.seedNames[3], headers: admin)
            try await createAllUnits(app, id, admin)
            try await app.test(.POST, "/api/plans/\(id)/publish", headers: admin) { res in #expect(res.status == .ok) }
            let plan = try #require(try await PlanRecord.find(id, on: app.db))
            #expect(plan.jurisdictionCode == "421300")
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "市科技局").filter(\.$jurisdictionCode == "421300").first())
            let unitID = try unit.requireID()
            try await Fixture.account(app, "kjj", role: .reporter, jurisdiction: "421300", unit: unitID)
            try await Fixture.account(app, "office", role: .office, jurisdiction: "421300")
            let loaded = try await PlanStore.load(plan, on: app.db)
            let issuers = try await PlanStore.issuerUnits(of: plan, on: app.db)
            let tasks = loaded.nodes.filter { $0.isTask && loaded.reportingUnits(of: $0, fallback: issuers).contains(unitID) }.compactMap(\.id)
            #expect(tasks.count >= 8, "市科技局 reports on enough tasks for one report per entry in May")
            return World(plan: id, unit: unitID, tasks: tasks, admin: admin, office: try await app.login("office"),
                         reporter: try await app.login("kjj"))
        }

        /// Hubei's places outside 随州, for the plans the walk imports: the
        /// same seed in another place is another plan, not a duplicate.
        static func freePlaces(_ app: Application) async throws -> [String] {
            try await Jurisdiction.query(on: app.db).all().compactMap(\.id)
                .filter { $0.count == 6 && $0.hasPrefix("42") && !$0.hasPrefix("4213") && $0 != "420000" }.sorted()
        }

        /// What the entries share: names, report slots and places not yet used.
        final class Shared: @unchecked Sendable {
            var serial = 0
            var slot = 0
            var places: [String]
            init(places: [String]) { self.places = places }
        }

        struct Outcome: Sendable {
            var method: HTTPMethod
            var path: String
            var status: HTTPStatus = .internalServerError
            var location: String?
            var body = ""
            /// The message the handler left for the next page (303 only).
            var flash: String?
            var expectedFlash: String?
            /// The actions of the audit lines written during the call.
            var newActions: [String] = []

            /// Why this answer is not a success; nil when it is: 2xx, or a
            /// 303 carrying the success message the entry expects (none when
            /// it expects none: a refused form comes back with its reason).
            var refusal: String? {
                if (200..<300).contains(status.code) { return nil }
                guard status == .seeOther else { return "answered \(status.code): \(body.prefix(300))" }
                switch (expectedFlash, flash) {
                case (nil, nil): return nil
                case let (expected?, flash?) where flash.contains(expected): return nil
                default:
                    return "303 to \(location ?? "-") with the message “\(flash ?? "none")”, expected “\(expectedFlash ?? "none")”"
                }
            }
        }

        enum Body: Sendable {
            case none
            case form(any Encodable & Sendable)
            case json(any Encodable & Sendable)
            /// multipart/form-data: the file as field `file`, with other fields.
            case file(name: String, bytes: Data, fields: [String: String])
        }

        /// One entry's walk: setup helpers, and `perform`, the one call of the route under test.
        final class Walk: @unchecked Sendable {
            let app: Application
            let world: World
            let shared: Shared
            private(set) var outcomes: [Outcome] = []
            private(set) var problems: [String] = []

            init(app: Application, world: World, shared: Shared) {
                self.app = app
                self.world = world
                self.shared = shared
            }

            func check(_ condition: Bool, _ what: String) {
                if !condition { problems.append("after the call: not so that \(what)") }
            }

            /// The call of the route under test; the audit lines it wrote and
            /// the message it left are read right after it.
            @discardableResult
            func perform(_ method: HTTPMethod, _ path: String, as headers: HTTPHeaders, _ body: Body = .none,
                         flash: String? = nil) async throws -> Outcome {
                let before = Set(try await AuditEntry.query(on: app.db).all(\.$id).compactMap { $0 })
                var out = Outcome(method: method, path: path, expectedFlash: flash)
                var setSession: String?
                try await app.test(method, path, headers: headers, beforeRequest: { req in
                    switch body {
                    case .none: break
                    case .form(let value): try req.content.encode(value, as: .urlEncodedForm)
                    case .json(let value): try req.content.encode(value, as: .json)
                    case .file(let name, let bytes, let fields):
                        let boundary = "sciplan-walk-boundary"
                        var data = Data()
                        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8))
                        }
                        data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
                        data.append(bytes)
                        data.append(Data("\r\n--\(boundary)--\r\n".utf8))
                        req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                        req.body = ByteBuffer(data: data)
                    }
                }, afterResponse: { res in
                    out.status = res.status
                    out.location = res.headers.first(name: .location)
                    out.body = res.body.string
                    setSession = res.headers.setCookie?["sciplan_session"]?.string
                })
                if out.status == .seeOther, let session = setSession ?? headers.cookie?["sciplan_session"]?.string {
                    out.flash = try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: session)).first()?.data["flash"]
                }
                out.newActions = try await AuditEntry.query(on: app.db).all().filter { !before.contains($0.id ?? UUID()) }.map(\.action)
                outcomes.append(out)
                return out
            }

            // Accounts.

            func account(_ role: Role, unit: UUID? = nil) async throws -> Account {
                shared.serial += 1
                return try await Fixture.account(app, "walk\(shared.serial)", role: role,
                                                 jurisdiction: role == .admin ? nil : "421300", unit: unit)
            }

            func lockedAccount() async throws -> UUID {
                let account = try await self.account(.reporter, unit: world.unit)
                account.failedLogins = Lockout.attempts
                account.lockedUntil = Date().addingTimeInterval(Lockout.duration)
                try await account.save(on: app.db)
                return try account.requireID()
            }

            func signedIn(_ headers: HTTPHeaders) async throws -> Bool {
                var status = HTTPStatus.ok
                try await app.test(.GET, "/api/me", headers: headers) { res in status = res.status }
                return status == .ok
            }

            func sessionValue(_ headers: HTTPHeaders, _ key: String) async throws -> String? {
                guard let id = headers.cookie?["sciplan_session"]?.string else { return nil }
                return try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: id)).first()?.data[key]
            }

            // Reports on the world's plan.

            /// A task of 市科技局 and a period with no report yet: May first, then April.
            func slot() -> (node: UUID, period: String) {
                let index = shared.slot
                shared.slot += 1
                let tasks = world.tasks
                return (tasks[index % tasks.count], ServerTests.AuditWalk.periods[index / tasks.count])
            }

            func report(submit: Bool, completion: Bool = false) async throws -> (id: UUID, node: UUID) {
                let (node, period) = slot()
                var id: UUID?
                try await app.test(.POST, "/api/reports", headers: world.reporter, beforeRequest: { req in
                    try req.content.encode(SaveReportRequest(
                        planID: self.world.plan, nodeID: node, period: period, narrative: "走查：按计划推进。", percent: completion ? 100 : 50,
                        milestone: nil, selfStatus: .onTrack, completionProposed: completion, values: nil, submit: submit), as: .json)
                }) { res in
                    check(res.status == .created, "a report could be saved first: \(res.body.string)")
                    id = try? res.content.decode(ReportDTO.self).id
                }
                return (try #require(id), node)
            }

            func reportCount(_ node: UUID, _ period: String) async throws -> Int {
                try await ProgressReport.query(on: app.db).filter(\.$node.$id == node).filter(\.$period == period).count()
            }

            func notice(_ status: SupervisionNotice.Status) async throws -> UUID {
                let notice = SupervisionNotice()
                notice.$plan.id = world.plan
                notice.$node.id = world.tasks[0]
                notice.$unit.id = world.unit
                notice.level = .blue
                notice.period = "2025-04"
                notice.reasons = "走查：2025年4月未按时报送"
                notice.status = status
                if status == .issued {
                    notice.issuedBy = "走查"
                    notice.issuedAt = Date()
                    notice.replyBy = "2025-06-05"
                }
                try await notice.create(on: app.db)
                return try notice.requireID()
            }

            func draftBulletin() async throws -> UUID? {
                try await BulletinRecord.query(on: app.db).filter(\.$plan.$id == world.plan)
                    .filter(\.$stateValue == BulletinRecord.State.draft.rawValue).first()?.id
            }

            func bulletinDraft() async throws -> UUID {
                try await app.test(.POST, "/plans/\(world.plan)/bulletins", headers: world.office, beforeRequest: { req in
                    try req.content.encode(["kind": "monthly", "period": "2025-04"], as: .urlEncodedForm)
                }) { res in check(res.status == .seeOther, "a draft could be made first") }
                return try #require(try await draftBulletin())
            }

            // Plans of their own, for the entries that import, edit and publish.

            func place() -> String {
                shared.places.removeFirst()
            }

            /// 随州's seed plan imported into another place: a draft, its unit names unmatched.
            func draftPlan() async throws -> UUID {
                let place = self.place()
                let name = Fixture.seedNames[3]
                var id: UUID?
                try await app.upload("/api/plans/import", name: name, bytes: try Fixture.seedBytes(name), fields: ["jurisdiction": place],
                                     headers: world.admin) { res in
                    check(res.status == .created, "a plan could be imported first: \(res.body.string.prefix(300))")
                    id = try? res.content.decode(PlanDTO.self).id
                }
                return try #require(id)
            }

            func task(of plan: UUID) async throws -> UUID {
                try #require(try await NodeRecord.query(on: app.db).filter(\.$plan.$id == plan).filter(\.$isTask == true).sort(\.$position).first()?.id)
            }

            func target(of plan: UUID) async throws -> TargetRecord {
                try #require(try await TargetRecord.query(on: app.db).filter(\.$plan.$id == plan).sort(\.$position).first())
            }

            func unmatchedNames(of plan: UUID) async throws -> [String] {
                var statuses: [UnitController.NameStatus] = []
                try await app.test(.GET, "/api/plans/\(plan)/units", headers: world.admin) { res in
                    statuses = try res.content.decode([UnitController.NameStatus].self)
                }
                return statuses.filter { $0.unitID == nil && !$0.collective }.map(\.name)
            }

            func unmatchedName(of plan: UUID) async throws -> String {
                try #require(try await unmatchedNames(of: plan).first)
            }

            func breakdown(of plan: UUID) async throws -> Data {
                var data = Data()
                try await app.test(.GET, "/api/plans/\(plan)/breakdown.xlsx", headers: world.admin) { res in
                    check(res.status == .ok, "the breakdown could be downloaded first")
                    data = Data(buffer: res.body)
                }
                return data
            }

            // Indicator figures of 随州 and its places.

            func figures(source: ValueSource, month: Int) async throws -> Int {
                try await IndicatorValue.query(on: app.db).filter(\.$indicatorCode == "tsme.registered")
                    .filter(\.$source == source).filter(\.$month == month).count()
            }
        }
    }
}
