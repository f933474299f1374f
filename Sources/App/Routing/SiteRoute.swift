import PlanDomain
import Vapor

/// Every route of the server, once, each with its `RouteDescriptor`.
/// `routes.swift` registers exactly these, links are built from them
/// (`SitePath`), `/openapi.json` is generated from the API ones, and the
/// access test walks them all against a matrix of its own.
enum SiteRoute: String, CaseIterable, Sendable {
    // Open to everyone.
    case healthz, openAPI, stylesheet, loginPage, loginSubmit, apiLogin
    // Any signed-in account.
    case home, logout, apiLogout, apiMe
    case plansPage, todoPage, summaryPage, planPage, breakdownPage, breakdownXlsx
    case apiPlans, apiPlan, apiBreakdown, apiBreakdownXlsx
    // Unit reporters.
    case myTasksPage, apiMyTasks
    case reportsPage, saveReports, apiReports, apiSaveReport, uploadAttachment
    // Any signed-in account, within what it may read.
    case notificationsPage, readNotifications, apiNotifications, taskPage, attachmentFile, dashboardPage, apiDashboard
    // Offices, the admin and leaders (read-only).
    case planReportsPage, apiPlanReports
    // Offices and the admin: review and the calendar.
    case acceptReport, acceptSelectedReports, returnReport, apiReviewReport, confirmCompletion
    case calendarPage, updateCalendar, closePeriod, reopenPeriod, updatePolicy
    // Supervision notices (督办单) and the escalation run.
    case noticesPage, apiNotices, issueNotice, replyNotice, apiRunEscalations
    // Bulletins (通报).
    case bulletinsPage, draftBulletin, bulletinPage, publishBulletin, withdrawBulletin, discardBulletin, bulletinDocx, apiBulletins
    case meetingsPage, recordMeeting, apiMeetings, apiRecordMeeting
    case unitGroupsPage, saveUnitGroup, deleteUnitGroup, apiUnitGroups
    // Plan offices (and the system admin).
    case importPage, importSubmit, reviewPage, sourceFile, versionsPage
    case updateFields, addNode, updateNode, deleteNode, moveNode
    case addTarget, updateTarget, deleteTarget, splitTarget
    case unitsPage, resolveUnit, createAllUnits, mergeUnits, publish, closePlan, uploadBreakdown
    case apiImport, apiPlanUnits, apiResolveUnit, apiPublish, apiUpdateNode, apiUpdateTarget, apiUploadBreakdown, apiUnits
    // The system admin only.
    case apiUnlockAccount
    // Indicators: the catalogue, a place's figures, roll-up, forecast, assessment and evaluation.
    case indicatorsPage, addIndicator, apiIndicators, apiAddIndicator
    case placeIndicatorsPage, placeIndicatorPage, apiPlaceIndicator, saveValue, apiSaveValue
    case baseDataPage, saveBaseData
    case assessmentPage, saveAssessmentScores, assessmentXlsx, apiAssessment
    case evaluationPage, evaluationXlsx, apiEvaluation
    case evaluationSchemePage, evaluationSchemeXlsx, importEvaluationScheme, saveEvaluationInputs, apiEvaluationScheme
    case loginCodePage, loginCodeSubmit, accountPage, changePassword, apiChangePassword
    case startSecondFactor, confirmSecondFactor, disableSecondFactor, auditPage, auditXlsx, apiAudit
    case valuesImportPage, importValues, valuesTemplate, apiImportValues, comparePage, compareXlsx, apiCompare, placeIndicatorXlsx
    case assessmentSchemePage, saveAssessmentScheme, apiAssessmentScheme, outboxPage, retryOutbox
    // Account management (账号管理), the system admin only.
    case accountsPage, createAccount, resetAccountPassword, resetAccountSecondFactor, unlockAccount, apiAccounts, apiCreateAccount

    /// This route's one descriptor. Each case states every part: there is no
    /// `default:`, so a new route does not compile until its method, path,
    /// roles, summary, body size, API contract and handler are written.
    var descriptor: RouteDescriptor {
        switch self {
        case .healthz:
            return .init(.GET, "/healthz", .open, "健康检查：数据库可用时返回 200",
                         body: .form, api: .init(response: .anyObject).errors(.serviceUnavailable), HealthController.healthz)
        case .openAPI:
            return .init(.GET, "/openapi.json", .open, "本接口文档（OpenAPI 3.0）",
                         body: .form, api: .init(response: .anyObject), OpenAPIController.document)
        case .stylesheet:
            return .init(.GET, "/app.css", .open, "页面样式",
                         body: .form, api: nil, Stylesheet.response)
        case .loginPage:
            return .init(.GET, "/login", .open, "登录页",
                         body: .form, api: nil, AuthController.loginPage)
        case .loginSubmit:
            return .init(.POST, "/login", .open, "登录（表单）",
                         body: .form, api: nil, AuthController.loginSubmit)
        case .apiLogin:
            return .init(.POST, "/api/login", .open, "登录，成功后返回会话 Cookie",
                         body: .form, api: .takes(LoginRequest.self, returns: .json(.of(AccountDTO.self))), AuthController.apiLogin)
        case .home:
            return .init(.GET, "/", .signedIn, "首页：按角色跳转",
                         body: .form, api: nil, AuthController.home)
        case .logout:
            return .init(.POST, "/logout", .signedIn, "退出（表单）",
                         body: .form, api: nil, AuthController.logout)
        case .apiLogout:
            return .init(.POST, "/api/logout", .signedIn, "退出登录",
                         body: .form, api: .init(response: .none).status(.noContent), AuthController.apiLogout)
        case .apiMe:
            return .init(.GET, "/api/me", .signedIn, "当前账号",
                         body: .form, api: .returns(AccountDTO.self), AuthController.apiMe)
        case .plansPage:
            return .init(.GET, "/plans", .signedIn, "计划列表页",
                         body: .form, api: nil, PlanController.index)
        case .todoPage:
            return .init(.GET, "/todo", .only([.admin, .office]), "待办：待审核的报告、待签发的督办单、即将截止的报送期、未发布的计划",
                         body: .form, api: nil, TodoController.page)
        case .summaryPage:
            return .init(.GET, "/summary", .only([.admin, .office, .leader]), "领导摘要：哪些目标完不成、谁负责；逾期任务",
                         body: .form, api: nil, LeaderSummaryController.page)
        case .planPage:
            return .init(.GET, "/plans/:planID", .signedIn, "计划详情页",
                         body: .form, api: nil, PlanController.show)
        case .breakdownPage:
            return .init(.GET, "/plans/:planID/breakdown", .signedIn, "任务分解表页",
                         body: .form, api: nil, BreakdownController.page)
        case .breakdownXlsx:
            return .init(.GET, "/plans/:planID/breakdown.xlsx", .signedIn, "下载任务分解表 .xlsx",
                         body: .form, api: nil, BreakdownController.xlsx)
        case .apiPlans:
            return .init(.GET, "/api/plans", .signedIn, "可见的计划列表",
                         body: .form, api: .returnsList(PlanSummaryDTO.self), PlanController.apiIndex)
        case .apiPlan:
            return .init(.GET, "/api/plans/:planID", .signedIn, "一个计划：节点、单位、目标",
                         body: .form, api: .returns(PlanDTO.self).query(.choice("as", ["plantext"])), PlanController.apiShow)
        case .apiBreakdown:
            return .init(.GET, "/api/plans/:planID/breakdown", .signedIn, "任务分解表（可按单位、领导、章节筛选）",
                         body: .form, api: .returns(BreakdownDTO.self).query(.text("unit"), .text("leader"), .text("section")), BreakdownController.apiTable)
        case .apiBreakdownXlsx:
            return .init(.GET, "/api/plans/:planID/breakdown.xlsx", .signedIn, "任务分解表 .xlsx",
                         body: .form, api: .init(response: .workbook).query(.text("unit"), .text("leader"), .text("section")), BreakdownController.xlsx)
        case .myTasksPage:
            return .init(.GET, "/my-tasks", .only([.reporter]), "我的任务页",
                         body: .form, api: nil, MyTasksController.page)
        case .apiMyTasks:
            return .init(.GET, "/api/my-tasks", .only([.reporter]), "本单位在已发布计划中的任务",
                         body: .form, api: .returnsList(MyTasksController.TaskDTO.self), MyTasksController.api)
        case .reportsPage:
            return .init(.GET, "/reports", .only([.reporter]), "本期报送页：本单位本期应报的全部任务，一次填完",
                         body: .form, api: nil, ReportController.page)
        case .saveReports:
            return .init(.POST, "/reports", .only([.reporter]), "保存或报送本期进展（表单）",
                         body: .form, api: nil, ReportController.saveForm)
        case .apiReports:
            return .init(.GET, "/api/reports", .only([.reporter]), "本单位某一期的应报任务及报告（参数 period）",
                         body: .form, api: .returnsList(ReportTaskDTO.self).query(.text("period", "报告期，如 2026-05、2026-Q2、2026-H1；缺省为当前期")), ReportController.apiList)
        case .apiSaveReport:
            return .init(.POST, "/api/reports", .only([.reporter]), "保存或报送一项任务一期的进展报告",
                         body: .form, api: .takes(SaveReportRequest.self, returns: .json(.of(ReportDTO.self))).status(.created).errors(.conflict, .notFound), ReportController.apiSave)
        case .uploadAttachment:
            return .init(.POST, "/plans/:planID/reports/:reportID/attachments", .only([.reporter]), "为进展报告上传附件（multipart 字段 file）",
                         body: .upload, api: nil, AttachmentController.upload)
        case .notificationsPage:
            return .init(.GET, "/notifications", .signedIn, "通知页",
                         body: .form, api: nil, NotificationController.page)
        case .readNotifications:
            return .init(.POST, "/notifications/read", .signedIn, "把通知标为已读",
                         body: .form, api: nil, NotificationController.markRead)
        case .apiNotifications:
            return .init(.GET, "/api/notifications", .signedIn, "本账号的通知",
                         body: .form, api: .returnsList(NotificationController.NotificationDTO.self), NotificationController.api)
        case .taskPage:
            return .init(.GET, "/plans/:planID/tasks/:nodeID", .signedIn, "任务页：健康状况、各期报告、时间线",
                         body: .form, api: nil, TaskController.page)
        case .attachmentFile:
            return .init(.GET, "/plans/:planID/attachments/:attachmentID", .signedIn, "下载报告附件",
                         body: .form, api: nil, AttachmentController.download)
        case .dashboardPage:
            return .init(.GET, "/plans/:planID/dashboard", .signedIn, "计划看板：状态、章节与单位进度、逾期与风险、目标完成对比",
                         body: .form, api: nil, DashboardController.page)
        case .apiDashboard:
            return .init(.GET, "/api/plans/:planID/dashboard", .signedIn, "计划看板数据",
                         body: .form, api: .returns(DashboardDTO.self), DashboardController.api)
        case .planReportsPage:
            return .init(.GET, "/plans/:planID/reports", .only([.admin, .office, .leader]), "报告审核页（参数 period）",
                         body: .form, api: nil, ReviewReportsController.page)
        case .apiPlanReports:
            return .init(.GET, "/api/plans/:planID/reports", .only([.admin, .office, .leader]), "计划某一期的全部报告（参数 period）",
                         body: .form, api: .returnsList(ReportDTO.self).query(.text("period", "报告期；缺省为当前期")), ReviewReportsController.api)
        case .acceptReport:
            return .init(.POST, "/plans/:planID/reports/:reportID/accept", .only([.admin, .office]), "采纳报告（表单）",
                         body: .form, api: nil, ReviewReportsController.accept)
        case .acceptSelectedReports:
            return .init(.POST, "/plans/:planID/reports/accept-selected", .only([.admin, .office]), "采纳所选报告（先列出确认，再一并采纳）",
                         body: .form, api: nil, ReviewReportsController.acceptSelected)
        case .returnReport:
            return .init(.POST, "/plans/:planID/reports/:reportID/return", .only([.admin, .office]), "退回报告并写明原因（表单）",
                         body: .form, api: nil, ReviewReportsController.returnReport)
        case .apiReviewReport:
            return .init(.POST, "/api/plans/:planID/reports/:reportID/review", .only([.admin, .office]), "审核报告：采纳或退回",
                         body: .form, api: .takes(ReviewRequest.self, returns: .json(.of(ReportDTO.self))).errors(.conflict), ReviewReportsController.apiReview)
        case .confirmCompletion:
            return .init(.POST, "/plans/:planID/tasks/:nodeID/complete", .only([.admin, .office]), "确认办结，任务销号",
                         body: .form, api: nil, ReviewReportsController.confirmCompletion)
        case .calendarPage:
            return .init(.GET, "/plans/:planID/calendar", .only([.admin, .office]), "报送日历与健康阈值页",
                         body: .form, api: nil, CalendarController.page)
        case .updateCalendar:
            return .init(.POST, "/plans/:planID/calendar", .only([.admin, .office]), "修改报送周期、截止日、宽限天数、阈值",
                         body: .form, api: nil, CalendarController.update)
        case .closePeriod:
            return .init(.POST, "/plans/:planID/periods/:period/close", .only([.admin, .office]), "关闭一个报送期",
                         body: .form, api: nil, CalendarController.close)
        case .reopenPeriod:
            return .init(.POST, "/plans/:planID/periods/:period/reopen", .only([.admin, .office]), "重新开放一个报送期",
                         body: .form, api: nil, CalendarController.reopen)
        case .updatePolicy:
            return .init(.POST, "/plans/:planID/policy", .only([.admin, .office]), "修改提醒、催报和督办单的规则",
                         body: .form, api: nil, CalendarController.updatePolicy)
        case .noticesPage:
            return .init(.GET, "/plans/:planID/notices", .only([.admin, .office, .leader]), "督办单页：规则提出的督办单，签发与回复",
                         body: .form, api: nil, NoticeController.page)
        case .apiNotices:
            return .init(.GET, "/api/plans/:planID/notices", .only([.admin, .office, .leader]), "计划的督办单",
                         body: .form, api: .returnsList(NoticeController.NoticeDTO.self), NoticeController.api)
        case .issueNotice:
            return .init(.POST, "/plans/:planID/notices/:noticeID/issue", .only([.admin, .office]), "签发督办单（写明回复期限）或不予签发",
                         body: .form, api: nil, NoticeController.issue)
        case .replyNotice:
            return .init(.POST, "/plans/:planID/notices/:noticeID/reply", .only([.reporter]), "单位回复督办单",
                         body: .form, api: nil, NoticeController.reply)
        case .apiRunEscalations:
            return .init(.POST, "/api/escalations/run", .only([.admin, .office]), "立即运行一次提醒、催报和督办规则，并推送待发的机器人消息",
                         body: .form, api: .returns(NoticeController.RunResult.self).errors(.conflict), NoticeController.run)
        case .bulletinsPage:
            return .init(.GET, "/plans/:planID/bulletins", .only([.admin, .office, .leader]), "通报页：已发通报与发布新通报",
                         body: .form, api: nil, BulletinController.index)
        case .draftBulletin:
            return .init(.POST, "/plans/:planID/bulletins", .only([.admin, .office]), "生成月度或季度通报草稿（替换原草稿），供核对",
                         body: .form, api: nil, BulletinController.draft)
        case .bulletinPage:
            return .init(.GET, "/plans/:planID/bulletins/:bulletinID", .only([.admin, .office, .leader]), "一期通报的网页版（草稿仅发布者可见）",
                         body: .form, api: nil, BulletinController.show)
        case .publishBulletin:
            return .init(.POST, "/plans/:planID/bulletins/:bulletinID/publish", .only([.admin, .office]), "确认后发布通报草稿",
                         body: .form, api: nil, BulletinController.publish)
        case .withdrawBulletin:
            return .init(.POST, "/plans/:planID/bulletins/:bulletinID/withdraw", .only([.admin, .office]), "撤回已发布的通报（须写明原因）",
                         body: .form, api: nil, BulletinController.withdraw)
        case .discardBulletin:
            return .init(.POST, "/plans/:planID/bulletins/:bulletinID/discard", .only([.admin, .office]), "删除通报草稿",
                         body: .form, api: nil, BulletinController.discard)
        case .bulletinDocx:
            return .init(.GET, "/plans/:planID/bulletins/:bulletinID/docx", .only([.admin, .office, .leader]), "下载一期通报 .docx",
                         body: .form, api: nil, BulletinController.docx)
        case .apiBulletins:
            return .init(.GET, "/api/plans/:planID/bulletins", .only([.admin, .office, .leader]), "计划的已发通报及其统计数字",
                         body: .form, api: .returnsList(BulletinController.BulletinDTO.self), BulletinController.api)
        case .unitGroupsPage:
            return .init(.GET, "/unit-groups", .only([.admin, .office]), "单位组页：各镇办等集合名称的成员单位",
                         body: .form, api: nil, UnitGroupController.page)
        case .saveUnitGroup:
            return .init(.POST, "/unit-groups", .only([.admin, .office]), "定义或修改单位组（名称与成员，每行一个；名录中没有的单位将新建）",
                         body: .form, api: nil, UnitGroupController.save)
        case .deleteUnitGroup:
            return .init(.POST, "/unit-groups/:groupID/delete", .only([.admin, .office]), "删除单位组",
                         body: .form, api: nil, UnitGroupController.delete)
        case .apiUnitGroups:
            return .init(.GET, "/api/unit-groups", .only([.admin, .office]), "本地区的单位组及其成员",
                         body: .form, api: .returnsList(UnitGroupController.GroupDTO.self), UnitGroupController.api)
        case .meetingsPage:
            return .init(.GET, "/plans/:planID/meetings", .only([.admin, .office, .leader]), "会议议定事项页：已记录的会议及其事项进展，记录新会议",
                         body: .form, api: nil, MeetingController.page)
        case .recordMeeting:
            return .init(.POST, "/plans/:planID/meetings", .only([.admin, .office]), "记录会议议定事项，作为计划任务纳入督办（表单）",
                         body: .form, api: nil, MeetingController.record)
        case .apiMeetings:
            return .init(.GET, "/api/plans/:planID/meetings", .only([.admin, .office, .leader]), "计划的会议议定事项及其进展",
                         body: .form, api: .returnsList(MeetingDTO.self), MeetingController.api)
        case .apiRecordMeeting:
            return .init(.POST, "/api/plans/:planID/meetings", .only([.admin, .office]), "记录会议议定事项，作为计划任务纳入督办",
                         body: .form, api: .takes(RecordMeetingRequest.self, returns: .json(.of(MeetingDTO.self))), MeetingController.apiRecord)
        case .importPage:
            return .init(.GET, "/plans/import", .only([.admin, .office]), "导入计划页",
                         body: .form, api: nil, ImportController.page)
        case .importSubmit:
            return .init(.POST, "/plans/import", .only([.admin, .office]), "上传计划文件（表单）",
                         body: .upload, api: nil, ImportController.submit)
        case .reviewPage:
            return .init(.GET, "/plans/:planID/review", .only([.admin, .office]), "校对页：原文与结构对照",
                         body: .form, api: nil, ReviewController.page)
        case .sourceFile:
            return .init(.GET, "/plans/:planID/source", .only([.admin, .office]), "下载原始文件",
                         body: .form, api: nil, ReviewController.sourceFile)
        case .versionsPage:
            return .init(.GET, "/plans/:planID/versions", .only([.admin, .office]), "版本记录页",
                         body: .form, api: nil, ReviewController.versions)
        case .updateFields:
            return .init(.POST, "/plans/:planID/fields", .only([.admin, .office]), "修改计划信息",
                         body: .form, api: nil, EditController.updateFields)
        case .addNode:
            return .init(.POST, "/plans/:planID/nodes", .only([.admin, .office]), "新增节点",
                         body: .form, api: nil, EditController.addNode)
        case .updateNode:
            return .init(.POST, "/plans/:planID/nodes/:nodeID", .only([.admin, .office]), "修改节点",
                         body: .form, api: nil, EditController.updateNode)
        case .deleteNode:
            return .init(.POST, "/plans/:planID/nodes/:nodeID/delete", .only([.admin, .office]), "删除节点（含下级）",
                         body: .form, api: nil, EditController.deleteNode)
        case .moveNode:
            return .init(.POST, "/plans/:planID/nodes/:nodeID/move", .only([.admin, .office]), "上移或下移节点",
                         body: .form, api: nil, EditController.moveNode)
        case .addTarget:
            return .init(.POST, "/plans/:planID/targets", .only([.admin, .office]), "新增目标",
                         body: .form, api: nil, EditController.addTarget)
        case .updateTarget:
            return .init(.POST, "/plans/:planID/targets/:targetID", .only([.admin, .office]), "修改目标",
                         body: .form, api: nil, EditController.updateTarget)
        case .splitTarget:
            return .init(.POST, "/plans/:planID/targets/:targetID/split", .only([.admin, .office]), "把目标分解到下级地区（各地分解数，合计须等于目标或确认差额）",
                         body: .form, api: nil, TaskController.splitTarget)
        case .deleteTarget:
            return .init(.POST, "/plans/:planID/targets/:targetID/delete", .only([.admin, .office]), "删除目标",
                         body: .form, api: nil, EditController.deleteTarget)
        case .unitsPage:
            return .init(.GET, "/plans/:planID/units", .only([.admin, .office]), "单位匹配页",
                         body: .form, api: nil, UnitController.page)
        case .resolveUnit:
            return .init(.POST, "/plans/:planID/units/resolve", .only([.admin, .office]), "把一个单位名称匹配到单位或新建单位（表单）",
                         body: .form, api: nil, UnitController.resolve)
        case .createAllUnits:
            return .init(.POST, "/plans/:planID/units/create-all", .only([.admin, .office]), "为所有未匹配名称新建单位",
                         body: .form, api: nil, UnitController.createAll)
        case .mergeUnits:
            return .init(.POST, "/plans/:planID/units/merge", .only([.admin, .office]), "合并本地区的两个单位（任务、报告、账号归并，原名称记为别名）",
                         body: .form, api: nil, UnitController.merge)
        case .publish:
            return .init(.POST, "/plans/:planID/publish", .only([.admin, .office]), "发布计划（表单）",
                         body: .form, api: nil, PublishController.publish)
        case .closePlan:
            return .init(.POST, "/plans/:planID/close", .only([.admin, .office]), "关闭计划",
                         body: .form, api: nil, PublishController.close)
        case .uploadBreakdown:
            return .init(.POST, "/plans/:planID/breakdown", .only([.admin, .office]), "上传任务分解表 .xlsx 更新计划（表单）",
                         body: .upload, api: nil, ImportController.uploadBreakdown)
        case .apiImport:
            return .init(.POST, "/api/plans/import", .only([.admin, .office]), "导入计划：上传 .txt、.docx 或任务分解表 .xlsx（multipart 字段 file）。系统中已有的计划（同一文本，或同一地区、年度、标题）答 409；加字段 duplicate=version、of=已有计划 id 则作为它的新版本导入（答 200）。文件所属地区不在本账号管辖范围内答 403",
                         body: .upload, api: .takes(.upload, returns: .json(.of(PlanDTO.self))).status(.created).alsoAnswers(.ok).errors(.conflict, .payloadTooLarge, .unsupportedMediaType, .unprocessableEntity), ImportController.apiImport)
        case .apiPlanUnits:
            return .init(.GET, "/api/plans/:planID/units", .only([.admin, .office]), "计划中的单位名称及其匹配",
                         body: .form, api: .returnsList(UnitController.NameStatus.self), UnitController.apiPlanUnits)
        case .apiResolveUnit:
            return .init(.POST, "/api/plans/:planID/units/resolve", .only([.admin, .office]), "把一个单位名称匹配到单位或新建单位",
                         body: .form, api: .takes(UnitController.ResolveRequest.self, returns: .json(.list(UnitController.NameStatus.self))), UnitController.apiResolve)
        case .apiPublish:
            return .init(.POST, "/api/plans/:planID/publish", .only([.admin, .office]), "发布计划",
                         body: .form, api: .returns(PlanSummaryDTO.self).errors(.conflict), PublishController.apiPublish)
        case .apiUpdateNode:
            return .init(.PATCH, "/api/plans/:planID/nodes/:nodeID", .only([.admin, .office]), "修改节点",
                         body: .form, api: .takes(NodeChanges.self, returns: .json(.of(PlanDTO.self))), EditController.apiUpdateNode)
        case .apiUpdateTarget:
            return .init(.PATCH, "/api/plans/:planID/targets/:targetID", .only([.admin, .office]), "修改目标",
                         body: .form, api: .takes(TargetChanges.self, returns: .json(.of(PlanDTO.self))), EditController.apiUpdateTarget)
        case .apiUploadBreakdown:
            return .init(.PUT, "/api/plans/:planID/breakdown.xlsx", .only([.admin, .office]), "用任务分解表 .xlsx 更新计划",
                         body: .upload, api: .takes(.upload, returns: .json(.of(PlanDTO.self))).errors(.payloadTooLarge, .unsupportedMediaType, .unprocessableEntity), ImportController.apiUploadBreakdown)
        case .apiUnits:
            return .init(.GET, "/api/units", .only([.admin, .office]), "本辖区的单位",
                         body: .form, api: .returnsList(UnitDTO.self), UnitController.apiUnits)
        case .apiUnlockAccount:
            return .init(.POST, "/api/accounts/:accountID/unlock", .only([.admin]), "解锁因多次密码错误被锁定的账号（系统管理员）",
                         body: .form, api: .returns(AccountDTO.self), AuthController.apiUnlock)
        case .indicatorsPage:
            return .init(.GET, "/indicators", .only([.admin, .office, .leader]), "指标目录页",
                         body: .form, api: nil, IndicatorController.catalogue)
        case .addIndicator:
            return .init(.POST, "/indicators", .only([.admin, .office]), "新增自定义指标（表单）",
                         body: .form, api: nil, IndicatorController.add)
        case .apiIndicators:
            return .init(.GET, "/api/indicators", .only([.admin, .office, .leader]), "指标目录：代码、单位、类型、汇总方式",
                         body: .form, api: .returnsList(IndicatorDTO.self), IndicatorController.apiCatalogue)
        case .apiAddIndicator:
            return .init(.POST, "/api/indicators", .only([.admin, .office]), "新增自定义指标",
                         body: .form, api: .takes(IndicatorController.NewIndicator.self, returns: .json(.of(IndicatorDTO.self))).status(.created).errors(.conflict), IndicatorController.apiAdd)
        case .placeIndicatorsPage:
            return .init(.GET, "/places/:placeCode/indicators", .only([.admin, .office, .leader]), "地区指标总览：目标、实际、预测",
                         body: .form, api: nil, IndicatorController.overview)
        case .placeIndicatorPage:
            return .init(.GET, "/places/:placeCode/indicators/:indicatorCode", .only([.admin, .office, .leader]), "地区的一个指标：下级汇总、预测、数据来源、录入记录",
                         body: .form, api: nil, IndicatorController.page)
        case .apiPlaceIndicator:
            return .init(.GET, "/api/places/:placeCode/indicators/:indicatorCode", .only([.admin, .office, .leader]), "地区的一个指标：下级汇总与各地预测（参数 year、month、profile）",
                         body: .form, api: .returns(IndicatorAnalysisDTO.self).query(.year(), .init("month", .integer(maximum: (12, exclusive: false), minimum: (1, exclusive: false))), .choice("profile", ["linear", "seasonal"])), IndicatorController.api)
        case .saveValue:
            return .init(.POST, "/places/:placeCode/values", .only([.admin, .office]), "录入指标数值（表单）",
                         body: .form, api: nil, IndicatorController.saveValue)
        case .apiSaveValue:
            return .init(.POST, "/api/places/:placeCode/values", .only([.admin, .office]), "录入指标的目标或实际值（追加记录，不覆盖）",
                         body: .form, api: .takes(IndicatorController.ValueRequest.self, returns: .json(.of(SavedCount.self))).status(.created), IndicatorController.apiSaveValue)
        case .baseDataPage:
            return .init(.GET, "/places/:placeCode/base-data", .only([.admin, .office, .leader]), "基础数据页：本地区及下级的地区生产总值、企业法人数等",
                         body: .form, api: nil, BaseDataController.page)
        case .saveBaseData:
            return .init(.POST, "/places/:placeCode/base-data", .only([.admin, .office]), "保存基础数据（表单）",
                         body: .form, api: nil, BaseDataController.save)
        case .assessmentPage:
            return .init(.GET, "/places/:placeCode/assessment", .only([.admin, .office, .leader]), "年终考核页：单位得分与排名",
                         body: .form, api: nil, AssessmentController.page)
        case .saveAssessmentScores:
            return .init(.POST, "/places/:placeCode/assessment/scores", .only([.admin, .office]), "保存考核自评、最终得分和依据（表单）",
                         body: .form, api: nil, AssessmentController.saveScores)
        case .assessmentXlsx:
            return .init(.GET, "/places/:placeCode/assessment.xlsx", .only([.admin, .office, .leader]), "下载考核排名 .xlsx",
                         body: .form, api: nil, AssessmentController.xlsx)
        case .apiAssessment:
            return .init(.GET, "/api/places/:placeCode/assessment", .only([.admin, .office, .leader]), "年终考核：方案、各单位得分与排名（参数 year）",
                         body: .form, api: .returns(AssessmentDTO.self).query(.year()), AssessmentController.api)
        case .evaluationPage:
            return .init(.GET, "/places/:placeCode/evaluation", .only([.admin, .office, .leader]), "综合考评页：下级地区按比率指标评分排名",
                         body: .form, api: nil, EvaluationController.page)
        case .evaluationXlsx:
            return .init(.GET, "/places/:placeCode/evaluation.xlsx", .only([.admin, .office, .leader]), "下载综合考评结果 .xlsx",
                         body: .form, api: nil, EvaluationController.xlsx)
        case .apiEvaluation:
            return .init(.GET, "/api/places/:placeCode/evaluation", .only([.admin, .office, .leader]), "综合考评：下级地区的指标值、得分与排名（参数 year）",
                         body: .form, api: .returns(EvaluationController.DTO.self).query(.year()), EvaluationController.api)
        case .evaluationSchemePage:
            return .init(.GET, "/places/:placeCode/evaluation/scheme", .only([.admin, .office, .leader]), "综合考评方案页：考评项目、分值、计分方法，导入与导出",
                         body: .form, api: nil, EvaluationController.schemePage)
        case .evaluationSchemeXlsx:
            return .init(.GET, "/places/:placeCode/evaluation/scheme.xlsx", .only([.admin, .office, .leader]), "下载综合考评方案 .xlsx（可改后导入）",
                         body: .form, api: nil, EvaluationController.schemeXlsx)
        case .importEvaluationScheme:
            return .init(.POST, "/places/:placeCode/evaluation/scheme", .only([.admin, .office]), "导入综合考评方案 .xlsx（multipart 字段 file），或 reset 恢复内置方案",
                         body: .upload, api: nil, EvaluationController.importScheme)
        case .saveEvaluationInputs:
            return .init(.POST, "/places/:placeCode/evaluation/inputs", .only([.admin, .office]), "保存综合考评手工项的各地数字（表单）",
                         body: .form, api: nil, EvaluationController.saveInputs)
        case .apiEvaluationScheme:
            return .init(.GET, "/api/places/:placeCode/evaluation/scheme", .only([.admin, .office, .leader]), "地区使用的综合考评方案",
                         body: .form, api: .returns(EvaluationController.SchemeDTO.self), EvaluationController.apiScheme)
        case .loginCodePage:
            return .init(.GET, "/login/code", .open, "两步验证页：输入动态验证码",
                         body: .form, api: nil, AuthController.loginCodePage)
        case .loginCodeSubmit:
            return .init(.POST, "/login/code", .open, "提交动态验证码完成登录（表单）",
                         body: .form, api: nil, AuthController.loginCodeSubmit)
        case .accountPage:
            return .init(.GET, "/account", .signedIn, "账号安全页：修改密码、两步验证",
                         body: .form, api: nil, AccountController.page)
        case .changePassword:
            return .init(.POST, "/account/password", .signedIn, "修改密码（表单）",
                         body: .form, api: nil, AccountController.changePassword)
        case .apiChangePassword:
            return .init(.POST, "/api/account/password", .signedIn, "修改密码：须提供当前密码，新密码须符合复杂度且不与最近 5 次相同",
                         body: .form, api: .takes(PasswordChangeRequest.self, returns: .none).status(.noContent), AccountController.apiChangePassword)
        case .startSecondFactor:
            return .init(.POST, "/account/second-factor", .only([.admin, .office]), "开始开启两步验证：生成密钥",
                         body: .form, api: nil, AccountController.startSecondFactor)
        case .confirmSecondFactor:
            return .init(.POST, "/account/second-factor/confirm", .only([.admin, .office]), "输入验证码确认开启两步验证",
                         body: .form, api: nil, AccountController.confirmSecondFactor)
        case .disableSecondFactor:
            return .init(.POST, "/account/second-factor/disable", .signedIn, "输入验证码关闭两步验证",
                         body: .form, api: nil, AccountController.disableSecondFactor)
        case .auditPage:
            return .init(.GET, "/admin/audit", .only([.admin]), "审计日志页：查询与导出（系统管理员）",
                         body: .form, api: nil, AuditController.page)
        case .auditXlsx:
            return .init(.GET, "/admin/audit.xlsx", .only([.admin]), "导出审计日志 .xlsx（按查询条件）",
                         body: .form, api: nil, AuditController.xlsx)
        case .apiAudit:
            return .init(.GET, "/api/audit", .only([.admin]), "查询审计日志（参数 account、action、entity、text、from、to、page；每页 100 条）",
                         body: .form, api: .returnsList(AuditEntryDTO.self).query(.text("account"), .text("action"), .text("entity"), .text("text"), .date("from"), .date("to"), .init("page", .integer(maximum: (AuditSearch.maxPage, exclusive: false), minimum: (1, exclusive: false)))), AuditController.api)
        case .valuesImportPage:
            return .init(.GET, "/places/:placeCode/values/import", .only([.admin, .office]), "导入实际值页：下载模板、上传实际值表",
                         body: .form, api: nil, ValuesImportController.page)
        case .importValues:
            return .init(.POST, "/places/:placeCode/values/import", .only([.admin, .office]), "上传实际值表 .xlsx（表单，multipart 字段 file）",
                         body: .form, api: nil, ValuesImportController.submit)
        case .valuesTemplate:
            return .init(.GET, "/places/:placeCode/values/template.xlsx", .only([.admin, .office]), "下载实际值表模板 .xlsx",
                         body: .form, api: nil, ValuesImportController.template)
        case .apiImportValues:
            return .init(.POST, "/api/places/:placeCode/values/import", .only([.admin, .office]), "导入实际值表 .xlsx（multipart 字段 file）；任何一行有误则整表不导入",
                         body: .form, api: .takes(.upload, returns: .json(.of(ImportedCount.self))).status(.created).errors(.payloadTooLarge, .unsupportedMediaType, .unprocessableEntity), ValuesImportController.api)
        case .comparePage:
            return .init(.GET, "/indicators/:indicatorCode/compare", .only([.admin, .office, .leader]), "地区对比页：一个指标在多个地区、多个年度的目标与实际，可按 GDP、人口折算",
                         body: .form, api: nil, ComparisonController.page)
        case .compareXlsx:
            return .init(.GET, "/indicators/:indicatorCode/compare.xlsx", .only([.admin, .office, .leader]), "下载地区对比表 .xlsx",
                         body: .form, api: nil, ComparisonController.xlsx)
        case .apiCompare:
            return .init(.GET, "/api/indicators/:indicatorCode/compare", .only([.admin, .office, .leader]), "地区对比（参数 places、years、measure）",
                         body: .form, api: .returns(ComparisonDTO.self).query(.text("places", "地区代码，逗号分隔"), .text("years", "年度，逗号分隔"), .choice("measure", ComparisonMeasure.allCases.map { $0.rawValue })), ComparisonController.api)
        case .placeIndicatorXlsx:
            return .init(.GET, "/places/:placeCode/indicators/:indicatorCode/export.xlsx", .only([.admin, .office, .leader]), "下载地区指标的下级汇总与逐月数值 .xlsx",
                         body: .form, api: nil, IndicatorController.xlsx)
        case .assessmentSchemePage:
            return .init(.GET, "/places/:placeCode/assessment/scheme", .only([.admin, .office]), "考核方案页：调整各项分值、增删人工考核项",
                         body: .form, api: nil, AssessmentSchemeController.page)
        case .saveAssessmentScheme:
            return .init(.POST, "/places/:placeCode/assessment/scheme", .only([.admin, .office]), "保存考核方案（表单）",
                         body: .form, api: nil, AssessmentSchemeController.save)
        case .apiAssessmentScheme:
            return .init(.PUT, "/api/places/:placeCode/assessment/scheme", .only([.admin, .office]), "设置某年度的考核方案（参数 year；JSON items：id、group、name、points、measure）",
                         body: .form, api: .takes(AssessmentScheme.self, returns: .json(.of(AssessmentScheme.self))).query(.year()), AssessmentSchemeController.api)
        case .outboxPage:
            return .init(.GET, "/admin/outbox", .only([.admin]), "消息推送页：发送失败和等待发送的机器人消息（系统管理员）",
                         body: .form, api: nil, OutboxController.page)
        case .retryOutbox:
            return .init(.POST, "/admin/outbox/:messageID/retry", .only([.admin]), "把发送失败的消息放回发送队列",
                         body: .form, api: nil, OutboxController.retry)
        case .accountsPage:
            return .init(.GET, "/admin/accounts", .only([.admin]), "账号管理页：全部账号、新建账号（系统管理员）",
                         body: .form, api: nil, AccountsAdminController.page)
        case .createAccount:
            return .init(.POST, "/admin/accounts", .only([.admin]), "新建账号（表单）",
                         body: .form, api: nil, AccountsAdminController.create)
        case .resetAccountPassword:
            return .init(.POST, "/admin/accounts/:accountID/password", .only([.admin]), "为账号设置新密码，并结束其全部会话",
                         body: .form, api: nil, AccountsAdminController.resetPassword)
        case .resetAccountSecondFactor:
            return .init(.POST, "/admin/accounts/:accountID/second-factor", .only([.admin]), "关闭账号的两步验证（手机丢失时），并结束其全部会话",
                         body: .form, api: nil, AccountsAdminController.resetSecondFactor)
        case .unlockAccount:
            return .init(.POST, "/admin/accounts/:accountID/unlock", .only([.admin]), "解锁账号（表单）",
                         body: .form, api: nil, AccountsAdminController.unlock)
        case .apiAccounts:
            return .init(.GET, "/api/accounts", .only([.admin]), "全部账号（系统管理员）",
                         body: .form, api: .returnsList(AccountDTO.self), AccountsAdminController.apiList)
        case .apiCreateAccount:
            return .init(.POST, "/api/accounts", .only([.admin]), "新建账号（系统管理员）；密码须符合密码规则",
                         body: .form, api: .takes(AccountAdmin.NewAccount.self, returns: .json(.of(AccountDTO.self))).status(.created), AccountsAdminController.apiCreate)
        }
    }

    var method: RouteMethod { descriptor.method }
    /// Path with `:name` parameters.
    var pattern: String { descriptor.pattern }
    /// Who may call it; nil means anyone, signed in or not.
    var roles: Set<Role>? { descriptor.access.roles }
    var summary: String { descriptor.summary }
    var isAPI: Bool { descriptor.api != nil }

    var pathComponents: [PathComponent] {
        pattern == "/" ? [] : pattern.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The pattern with `values` in place of its parameters, in order.
    /// Called through `SitePath`, whose cases carry exactly the parameters
    /// their route names; a count that does not match is a programming
    /// error, caught by SitePathTests.
    func fill(_ values: [String]) -> String {
        var values = values.makeIterator()
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            guard let value = values.next() else { preconditionFailure("\(self): too few parameters for \(pattern)") }
            return value
        }
        precondition(values.next() == nil, "\(self): too many parameters for \(pattern)")
        let path = parts.joined(separator: "/")
        return path.isEmpty ? "/" : path
    }
}
