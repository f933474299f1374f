import Vapor

/// Every route of the server, once: its method, path, who may use it and what it
/// does. `routes.swift` registers exactly these, links are built from them,
/// `/openapi.json` lists the API ones, and the access test walks them all.
enum SiteRoute: String, CaseIterable, Sendable {
    // Open to everyone.
    case healthz, openAPI, stylesheet, loginPage, loginSubmit, apiLogin
    // Any signed-in account.
    case home, logout, apiLogout, apiMe
    case plansPage, planPage, breakdownPage, breakdownXlsx
    case apiPlans, apiPlan, apiBreakdown, apiBreakdownXlsx
    // Unit reporters.
    case myTasksPage, apiMyTasks
    case reportsPage, saveReports, apiReports, apiSaveReport, uploadAttachment
    // Any signed-in account, within what it may read.
    case notificationsPage, readNotifications, apiNotifications, taskPage, attachmentFile, dashboardPage, apiDashboard
    // Offices, the admin and leaders (read-only).
    case planReportsPage, apiPlanReports
    // Offices and the admin: review and the calendar.
    case acceptReport, returnReport, apiReviewReport, confirmCompletion
    case calendarPage, updateCalendar, closePeriod, reopenPeriod, updatePolicy
    // Supervision notices (督办单) and the escalation run.
    case noticesPage, apiNotices, issueNotice, replyNotice, apiRunEscalations
    // Bulletins (通报).
    case bulletinsPage, issueBulletin, bulletinPage, bulletinDocx, apiBulletins
    // Plan offices (and the system admin).
    case importPage, importSubmit, reviewPage, sourceFile, versionsPage
    case updateFields, addNode, updateNode, deleteNode, moveNode
    case addTarget, updateTarget, deleteTarget
    case unitsPage, resolveUnit, createAllUnits, publish, closePlan, uploadBreakdown
    case apiImport, apiPlanUnits, apiResolveUnit, apiPublish, apiUpdateNode, apiUpdateTarget, apiUploadBreakdown, apiUnits
    // The system admin only.
    case apiUnlockAccount
    // Indicators: the catalogue, a place's figures, roll-up, forecast, assessment and evaluation.
    case indicatorsPage, addIndicator, apiIndicators, apiAddIndicator
    case placeIndicatorsPage, placeIndicatorPage, apiPlaceIndicator, saveValue, apiSaveValue
    case baseDataPage, saveBaseData
    case assessmentPage, saveAssessmentScores, assessmentXlsx, apiAssessment
    case evaluationPage, evaluationXlsx, apiEvaluation
    case loginCodePage, loginCodeSubmit, accountPage, changePassword, apiChangePassword
    case startSecondFactor, confirmSecondFactor, disableSecondFactor, auditPage, auditXlsx, apiAudit
    case valuesImportPage, importValues, valuesTemplate, apiImportValues, comparePage, compareXlsx, apiCompare, placeIndicatorXlsx
    case assessmentSchemePage, saveAssessmentScheme, apiAssessmentScheme, outboxPage, retryOutbox
    // Account management (账号管理), the system admin only.
    case accountsPage, createAccount, resetAccountPassword, resetAccountSecondFactor, unlockAccount, apiAccounts, apiCreateAccount

    var method: HTTPMethod {
        switch self {
        case .loginSubmit, .apiLogin, .logout, .apiLogout, .importSubmit, .updateFields, .addNode, .updateNode,
             .deleteNode, .moveNode, .addTarget, .updateTarget, .deleteTarget, .resolveUnit, .createAllUnits,
             .publish, .closePlan, .uploadBreakdown, .apiImport, .apiResolveUnit, .apiPublish,
             .saveReports, .apiSaveReport, .uploadAttachment, .readNotifications, .acceptReport, .returnReport,
             .apiReviewReport, .confirmCompletion, .updateCalendar, .closePeriod, .reopenPeriod,
             .issueNotice, .replyNotice, .apiRunEscalations, .issueBulletin, .updatePolicy, .apiUnlockAccount,
             .addIndicator, .apiAddIndicator, .saveValue, .apiSaveValue, .saveBaseData, .saveAssessmentScores,
             .loginCodeSubmit, .changePassword, .apiChangePassword, .startSecondFactor, .confirmSecondFactor, .disableSecondFactor,
             .importValues, .apiImportValues, .saveAssessmentScheme, .retryOutbox,
             .createAccount, .resetAccountPassword, .resetAccountSecondFactor, .unlockAccount, .apiCreateAccount:
            return .POST
        case .apiUpdateNode, .apiUpdateTarget: return .PATCH
        case .apiUploadBreakdown, .apiAssessmentScheme: return .PUT
        case .healthz, .openAPI, .stylesheet, .loginPage, .home, .apiMe, .plansPage, .planPage, .breakdownPage,
             .breakdownXlsx, .apiPlans, .apiPlan, .apiBreakdown, .apiBreakdownXlsx, .myTasksPage, .apiMyTasks,
             .reportsPage, .apiReports, .notificationsPage, .apiNotifications, .taskPage, .attachmentFile,
             .dashboardPage, .apiDashboard, .planReportsPage, .apiPlanReports, .calendarPage, .noticesPage,
             .apiNotices, .bulletinsPage, .bulletinPage, .bulletinDocx, .apiBulletins, .importPage, .reviewPage,
             .sourceFile, .versionsPage, .unitsPage, .apiPlanUnits, .apiUnits, .indicatorsPage, .apiIndicators,
             .placeIndicatorsPage, .placeIndicatorPage, .apiPlaceIndicator, .baseDataPage, .assessmentPage,
             .assessmentXlsx, .apiAssessment, .evaluationPage, .evaluationXlsx, .apiEvaluation, .loginCodePage,
             .accountPage, .auditPage, .auditXlsx, .apiAudit, .valuesImportPage, .valuesTemplate, .comparePage,
             .compareXlsx, .apiCompare, .placeIndicatorXlsx, .assessmentSchemePage, .outboxPage, .accountsPage,
             .apiAccounts:
            return .GET
        }
    }

    /// Path with `:name` parameters.
    var pattern: String {
        switch self {
        case .healthz: return "/healthz"
        case .openAPI: return "/openapi.json"
        case .stylesheet: return "/app.css"
        case .loginPage, .loginSubmit: return "/login"
        case .apiLogin: return "/api/login"
        case .home: return "/"
        case .logout: return "/logout"
        case .apiLogout: return "/api/logout"
        case .apiMe: return "/api/me"
        case .plansPage: return "/plans"
        case .planPage: return "/plans/:planID"
        case .breakdownPage: return "/plans/:planID/breakdown"
        case .breakdownXlsx: return "/plans/:planID/breakdown.xlsx"
        case .apiPlans: return "/api/plans"
        case .apiPlan: return "/api/plans/:planID"
        case .apiBreakdown: return "/api/plans/:planID/breakdown"
        case .apiBreakdownXlsx, .apiUploadBreakdown: return "/api/plans/:planID/breakdown.xlsx"
        case .myTasksPage: return "/my-tasks"
        case .apiMyTasks: return "/api/my-tasks"
        case .importPage, .importSubmit: return "/plans/import"
        case .reviewPage: return "/plans/:planID/review"
        case .sourceFile: return "/plans/:planID/source"
        case .versionsPage: return "/plans/:planID/versions"
        case .updateFields: return "/plans/:planID/fields"
        case .addNode: return "/plans/:planID/nodes"
        case .updateNode: return "/plans/:planID/nodes/:nodeID"
        case .deleteNode: return "/plans/:planID/nodes/:nodeID/delete"
        case .moveNode: return "/plans/:planID/nodes/:nodeID/move"
        case .addTarget: return "/plans/:planID/targets"
        case .updateTarget: return "/plans/:planID/targets/:targetID"
        case .deleteTarget: return "/plans/:planID/targets/:targetID/delete"
        case .unitsPage: return "/plans/:planID/units"
        case .resolveUnit: return "/plans/:planID/units/resolve"
        case .createAllUnits: return "/plans/:planID/units/create-all"
        case .publish: return "/plans/:planID/publish"
        case .closePlan: return "/plans/:planID/close"
        case .uploadBreakdown: return "/plans/:planID/breakdown"
        case .apiImport: return "/api/plans/import"
        case .apiPlanUnits: return "/api/plans/:planID/units"
        case .apiResolveUnit: return "/api/plans/:planID/units/resolve"
        case .apiPublish: return "/api/plans/:planID/publish"
        case .apiUpdateNode: return "/api/plans/:planID/nodes/:nodeID"
        case .apiUpdateTarget: return "/api/plans/:planID/targets/:targetID"
        case .apiUnits: return "/api/units"
        case .apiUnlockAccount: return "/api/accounts/:accountID/unlock"
        case .reportsPage, .saveReports: return "/reports"
        case .apiReports, .apiSaveReport: return "/api/reports"
        case .uploadAttachment: return "/plans/:planID/reports/:reportID/attachments"
        case .notificationsPage: return "/notifications"
        case .readNotifications: return "/notifications/read"
        case .apiNotifications: return "/api/notifications"
        case .taskPage: return "/plans/:planID/tasks/:nodeID"
        case .attachmentFile: return "/plans/:planID/attachments/:attachmentID"
        case .dashboardPage: return "/plans/:planID/dashboard"
        case .apiDashboard: return "/api/plans/:planID/dashboard"
        case .planReportsPage: return "/plans/:planID/reports"
        case .apiPlanReports: return "/api/plans/:planID/reports"
        case .acceptReport: return "/plans/:planID/reports/:reportID/accept"
        case .returnReport: return "/plans/:planID/reports/:reportID/return"
        case .apiReviewReport: return "/api/plans/:planID/reports/:reportID/review"
        case .confirmCompletion: return "/plans/:planID/tasks/:nodeID/complete"
        case .calendarPage, .updateCalendar: return "/plans/:planID/calendar"
        case .closePeriod: return "/plans/:planID/periods/:period/close"
        case .reopenPeriod: return "/plans/:planID/periods/:period/reopen"
        case .updatePolicy: return "/plans/:planID/policy"
        case .noticesPage: return "/plans/:planID/notices"
        case .apiNotices: return "/api/plans/:planID/notices"
        case .issueNotice: return "/plans/:planID/notices/:noticeID/issue"
        case .replyNotice: return "/plans/:planID/notices/:noticeID/reply"
        case .apiRunEscalations: return "/api/escalations/run"
        case .bulletinsPage, .issueBulletin: return "/plans/:planID/bulletins"
        case .bulletinPage: return "/plans/:planID/bulletins/:bulletinID"
        case .bulletinDocx: return "/plans/:planID/bulletins/:bulletinID/docx"
        case .apiBulletins: return "/api/plans/:planID/bulletins"
        case .indicatorsPage, .addIndicator: return "/indicators"
        case .apiIndicators, .apiAddIndicator: return "/api/indicators"
        case .placeIndicatorsPage: return "/places/:placeCode/indicators"
        case .placeIndicatorPage: return "/places/:placeCode/indicators/:indicatorCode"
        case .apiPlaceIndicator: return "/api/places/:placeCode/indicators/:indicatorCode"
        case .saveValue: return "/places/:placeCode/values"
        case .apiSaveValue: return "/api/places/:placeCode/values"
        case .baseDataPage, .saveBaseData: return "/places/:placeCode/base-data"
        case .assessmentPage: return "/places/:placeCode/assessment"
        case .saveAssessmentScores: return "/places/:placeCode/assessment/scores"
        case .assessmentXlsx: return "/places/:placeCode/assessment.xlsx"
        case .apiAssessment: return "/api/places/:placeCode/assessment"
        case .valuesImportPage, .importValues: return "/places/:placeCode/values/import"
        case .valuesTemplate: return "/places/:placeCode/values/template.xlsx"
        case .apiImportValues: return "/api/places/:placeCode/values/import"
        case .accountsPage, .createAccount: return "/admin/accounts"
        case .resetAccountPassword: return "/admin/accounts/:accountID/password"
        case .resetAccountSecondFactor: return "/admin/accounts/:accountID/second-factor"
        case .unlockAccount: return "/admin/accounts/:accountID/unlock"
        case .apiAccounts, .apiCreateAccount: return "/api/accounts"
        case .outboxPage: return "/admin/outbox"
        case .retryOutbox: return "/admin/outbox/:messageID/retry"
        case .assessmentSchemePage, .saveAssessmentScheme: return "/places/:placeCode/assessment/scheme"
        case .apiAssessmentScheme: return "/api/places/:placeCode/assessment/scheme"
        case .placeIndicatorXlsx: return "/places/:placeCode/indicators/:indicatorCode/export.xlsx"
        case .comparePage: return "/indicators/:indicatorCode/compare"
        case .compareXlsx: return "/indicators/:indicatorCode/compare.xlsx"
        case .apiCompare: return "/api/indicators/:indicatorCode/compare"
        case .loginCodePage, .loginCodeSubmit: return "/login/code"
        case .accountPage: return "/account"
        case .changePassword: return "/account/password"
        case .apiChangePassword: return "/api/account/password"
        case .startSecondFactor: return "/account/second-factor"
        case .confirmSecondFactor: return "/account/second-factor/confirm"
        case .disableSecondFactor: return "/account/second-factor/disable"
        case .auditPage: return "/admin/audit"
        case .auditXlsx: return "/admin/audit.xlsx"
        case .apiAudit: return "/api/audit"
        case .evaluationPage: return "/places/:placeCode/evaluation"
        case .evaluationXlsx: return "/places/:placeCode/evaluation.xlsx"
        case .apiEvaluation: return "/api/places/:placeCode/evaluation"
        }
    }

    /// Who may call it; nil means anyone, signed in or not.
    var roles: Set<Role>? {
        switch self {
        case .healthz, .openAPI, .stylesheet, .loginPage, .loginSubmit, .apiLogin, .loginCodePage, .loginCodeSubmit: return nil
        case .accountPage, .changePassword, .apiChangePassword, .disableSecondFactor: return Set(Role.allCases)
        case .startSecondFactor, .confirmSecondFactor: return [.admin, .office]
        case .auditPage, .auditXlsx, .apiAudit, .outboxPage, .retryOutbox: return [.admin]
        case .accountsPage, .createAccount, .resetAccountPassword, .resetAccountSecondFactor, .unlockAccount, .apiAccounts, .apiCreateAccount:
            return [.admin]
        case .comparePage, .compareXlsx, .apiCompare, .placeIndicatorXlsx: return [.admin, .office, .leader]
        case .home, .logout, .apiLogout, .apiMe, .plansPage, .planPage, .breakdownPage, .breakdownXlsx,
             .apiPlans, .apiPlan, .apiBreakdown, .apiBreakdownXlsx:
            return Set(Role.allCases)
        case .myTasksPage, .apiMyTasks, .reportsPage, .saveReports, .apiReports, .apiSaveReport, .uploadAttachment:
            return [.reporter]
        case .notificationsPage, .readNotifications, .apiNotifications, .taskPage, .attachmentFile, .dashboardPage, .apiDashboard:
            return Set(Role.allCases)
        case .planReportsPage, .apiPlanReports, .noticesPage, .apiNotices, .bulletinsPage, .bulletinPage, .bulletinDocx, .apiBulletins:
            return [.admin, .office, .leader]
        case .replyNotice: return [.reporter]
        case .apiUnlockAccount: return [.admin]
        case .indicatorsPage, .apiIndicators, .placeIndicatorsPage, .placeIndicatorPage, .apiPlaceIndicator, .baseDataPage,
             .assessmentPage, .assessmentXlsx, .apiAssessment, .evaluationPage, .evaluationXlsx, .apiEvaluation:
            return [.admin, .office, .leader]
        case .acceptReport, .returnReport, .apiReviewReport, .confirmCompletion, .calendarPage, .updateCalendar,
             .closePeriod, .reopenPeriod, .updatePolicy, .issueNotice, .apiRunEscalations, .issueBulletin,
             .importPage, .importSubmit, .reviewPage, .sourceFile, .versionsPage, .updateFields, .addNode,
             .updateNode, .deleteNode, .moveNode, .addTarget, .updateTarget, .deleteTarget, .unitsPage, .resolveUnit,
             .createAllUnits, .publish, .closePlan, .uploadBreakdown, .apiImport, .apiPlanUnits, .apiResolveUnit,
             .apiPublish, .apiUpdateNode, .apiUpdateTarget, .apiUploadBreakdown, .apiUnits, .addIndicator,
             .apiAddIndicator, .saveValue, .apiSaveValue, .saveBaseData, .saveAssessmentScores, .valuesImportPage,
             .importValues, .valuesTemplate, .apiImportValues, .assessmentSchemePage, .saveAssessmentScheme,
             .apiAssessmentScheme:
            return [.admin, .office]
        }
    }

    var isAPI: Bool { pattern.hasPrefix("/api/") || self == .openAPI || self == .healthz }

    var summary: String {
        switch self {
        case .healthz: return "健康检查：数据库可用时返回 200"
        case .openAPI: return "本接口文档（OpenAPI 3.0）"
        case .stylesheet: return "页面样式"
        case .loginPage: return "登录页"
        case .loginSubmit: return "登录（表单）"
        case .apiLogin: return "登录，成功后返回会话 Cookie"
        case .home: return "首页：按角色跳转"
        case .logout: return "退出（表单）"
        case .apiLogout: return "退出登录"
        case .apiMe: return "当前账号"
        case .plansPage: return "计划列表页"
        case .planPage: return "计划详情页"
        case .breakdownPage: return "任务分解表页"
        case .breakdownXlsx: return "下载任务分解表 .xlsx"
        case .apiPlans: return "可见的计划列表"
        case .apiPlan: return "一个计划：节点、单位、目标"
        case .apiBreakdown: return "任务分解表（可按单位、领导、章节筛选）"
        case .apiBreakdownXlsx: return "任务分解表 .xlsx"
        case .myTasksPage: return "我的任务页"
        case .apiMyTasks: return "本单位在已发布计划中的任务"
        case .importPage: return "导入计划页"
        case .importSubmit: return "上传计划文件（表单）"
        case .reviewPage: return "校对页：原文与结构对照"
        case .sourceFile: return "下载原始文件"
        case .versionsPage: return "版本记录页"
        case .updateFields: return "修改计划信息"
        case .addNode: return "新增节点"
        case .updateNode: return "修改节点"
        case .deleteNode: return "删除节点（含下级）"
        case .moveNode: return "上移或下移节点"
        case .addTarget: return "新增目标"
        case .updateTarget: return "修改目标"
        case .deleteTarget: return "删除目标"
        case .unitsPage: return "单位匹配页"
        case .resolveUnit: return "把一个单位名称匹配到单位或新建单位（表单）"
        case .createAllUnits: return "为所有未匹配名称新建单位"
        case .publish: return "发布计划（表单）"
        case .closePlan: return "关闭计划"
        case .uploadBreakdown: return "上传任务分解表 .xlsx 更新计划（表单）"
        case .apiImport: return "导入计划：上传 .txt、.docx 或任务分解表 .xlsx（multipart 字段 file）"
        case .apiPlanUnits: return "计划中的单位名称及其匹配"
        case .apiResolveUnit: return "把一个单位名称匹配到单位或新建单位"
        case .apiPublish: return "发布计划"
        case .apiUpdateNode: return "修改节点"
        case .apiUpdateTarget: return "修改目标"
        case .apiUploadBreakdown: return "用任务分解表 .xlsx 更新计划"
        case .apiUnits: return "本辖区的单位"
        case .apiUnlockAccount: return "解锁因多次密码错误被锁定的账号（系统管理员）"
        case .apiAccounts: return "全部账号（系统管理员）"
        case .apiCreateAccount: return "新建账号（系统管理员）；密码须符合密码规则"
        case .reportsPage: return "本期报送页：本单位本期应报的全部任务，一次填完"
        case .saveReports: return "保存或报送本期进展（表单）"
        case .apiReports: return "本单位某一期的应报任务及报告（参数 period）"
        case .apiSaveReport: return "保存或报送一项任务一期的进展报告"
        case .uploadAttachment: return "为进展报告上传附件（multipart 字段 file）"
        case .notificationsPage: return "通知页"
        case .readNotifications: return "把通知标为已读"
        case .apiNotifications: return "本账号的通知"
        case .taskPage: return "任务页：健康状况、各期报告、时间线"
        case .attachmentFile: return "下载报告附件"
        case .dashboardPage: return "计划看板：状态、章节与单位进度、逾期与风险、目标完成对比"
        case .apiDashboard: return "计划看板数据"
        case .planReportsPage: return "报告审核页（参数 period）"
        case .apiPlanReports: return "计划某一期的全部报告（参数 period）"
        case .acceptReport: return "采纳报告（表单）"
        case .returnReport: return "退回报告并写明原因（表单）"
        case .apiReviewReport: return "审核报告：采纳或退回"
        case .confirmCompletion: return "确认办结，任务销号"
        case .calendarPage: return "报送日历与健康阈值页"
        case .updateCalendar: return "修改报送周期、截止日、宽限天数、阈值"
        case .closePeriod: return "关闭一个报送期"
        case .reopenPeriod: return "重新开放一个报送期"
        case .updatePolicy: return "修改提醒、催报和督办单的规则"
        case .noticesPage: return "督办单页：规则提出的督办单，签发与回复"
        case .apiNotices: return "计划的督办单"
        case .issueNotice: return "签发督办单（写明回复期限）或不予签发"
        case .replyNotice: return "单位回复督办单"
        case .apiRunEscalations: return "立即运行一次提醒、催报和督办规则，并推送待发的机器人消息"
        case .bulletinsPage: return "通报页：已发通报与发布新通报"
        case .issueBulletin: return "发布月度或季度通报（生成 .docx 并留存）"
        case .bulletinPage: return "一期通报的网页版"
        case .bulletinDocx: return "下载一期通报 .docx"
        case .apiBulletins: return "计划的已发通报及其统计数字"
        case .indicatorsPage: return "指标目录页"
        case .addIndicator: return "新增自定义指标（表单）"
        case .apiIndicators: return "指标目录：代码、单位、类型、汇总方式"
        case .apiAddIndicator: return "新增自定义指标"
        case .placeIndicatorsPage: return "地区指标总览：目标、实际、预测"
        case .placeIndicatorPage: return "地区的一个指标：下级汇总、预测、数据来源、录入记录"
        case .apiPlaceIndicator: return "地区的一个指标：下级汇总与各地预测（参数 year、month、profile）"
        case .saveValue: return "录入指标数值（表单）"
        case .apiSaveValue: return "录入指标的目标或实际值（追加记录，不覆盖）"
        case .baseDataPage: return "基础数据页：本地区及下级的地区生产总值、企业法人数等"
        case .saveBaseData: return "保存基础数据（表单）"
        case .assessmentPage: return "年终考核页：单位得分与排名"
        case .saveAssessmentScores: return "保存考核自评、最终得分和依据（表单）"
        case .assessmentXlsx: return "下载考核排名 .xlsx"
        case .apiAssessment: return "年终考核：方案、各单位得分与排名（参数 year）"
        case .valuesImportPage: return "导入实际值页：下载模板、上传实际值表"
        case .importValues: return "上传实际值表 .xlsx（表单，multipart 字段 file）"
        case .valuesTemplate: return "下载实际值表模板 .xlsx"
        case .apiImportValues: return "导入实际值表 .xlsx（multipart 字段 file）；任何一行有误则整表不导入"
        case .outboxPage: return "消息推送页：发送失败和等待发送的机器人消息（系统管理员）"
        case .retryOutbox: return "把发送失败的消息放回发送队列"
        case .accountsPage: return "账号管理页：全部账号、新建账号（系统管理员）"
        case .createAccount: return "新建账号（表单）"
        case .resetAccountPassword: return "为账号设置新密码，并结束其全部会话"
        case .resetAccountSecondFactor: return "关闭账号的两步验证（手机丢失时），并结束其全部会话"
        case .unlockAccount: return "解锁账号（表单）"
        case .assessmentSchemePage: return "考核方案页：调整各项分值、增删人工考核项"
        case .saveAssessmentScheme: return "保存考核方案（表单）"
        case .apiAssessmentScheme: return "设置某年度的考核方案（参数 year；JSON items：id、group、name、points、measure）"
        case .placeIndicatorXlsx: return "下载地区指标的下级汇总与逐月数值 .xlsx"
        case .comparePage: return "地区对比页：一个指标在多个地区、多个年度的目标与实际，可按 GDP、人口折算"
        case .compareXlsx: return "下载地区对比表 .xlsx"
        case .apiCompare: return "地区对比（参数 places、years、measure）"
        case .loginCodePage: return "两步验证页：输入动态验证码"
        case .loginCodeSubmit: return "提交动态验证码完成登录（表单）"
        case .accountPage: return "账号安全页：修改密码、两步验证"
        case .changePassword: return "修改密码（表单）"
        case .apiChangePassword: return "修改密码：须提供当前密码，新密码须符合复杂度且不与最近 5 次相同"
        case .startSecondFactor: return "开始开启两步验证：生成密钥"
        case .confirmSecondFactor: return "输入验证码确认开启两步验证"
        case .disableSecondFactor: return "输入验证码关闭两步验证"
        case .auditPage: return "审计日志页：查询与导出（系统管理员）"
        case .auditXlsx: return "导出审计日志 .xlsx（按查询条件）"
        case .apiAudit: return "查询审计日志（参数 account、action、entity、text、from、to、page；每页 100 条）"
        case .evaluationPage: return "综合考评页：下级地区按比率指标评分排名"
        case .evaluationXlsx: return "下载综合考评结果 .xlsx"
        case .apiEvaluation: return "综合考评：下级地区的指标值、得分与排名（参数 year）"
        }
    }

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
