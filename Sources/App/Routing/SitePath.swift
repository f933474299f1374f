import Foundation

/// A link into the site, with every parameter its route needs, typed: a
/// link cannot be written with a parameter missing or of the wrong kind
/// (a plan's id where a place code belongs). Pages and redirects build
/// every path from one of these; `SiteRoute` is the table the server
/// registers.
enum SitePath: Hashable, Sendable {
    case healthz
    case openAPI
    case stylesheet
    case loginPage
    case loginSubmit
    case apiLogin
    case home
    case logout
    case apiLogout
    case apiMe
    case plansPage
    case todoPage
    case summaryPage
    case planPage(_ planID: UUID)
    case breakdownPage(_ planID: UUID)
    case breakdownXlsx(_ planID: UUID)
    case apiPlans
    case apiPlan(_ planID: UUID)
    case apiBreakdown(_ planID: UUID)
    case apiBreakdownXlsx(_ planID: UUID)
    case myTasksPage
    case apiMyTasks
    case reportsPage
    case saveReports
    case apiReports
    case apiSaveReport
    case uploadAttachment(_ planID: UUID, _ reportID: UUID)
    case notificationsPage
    case readNotifications
    case apiNotifications
    case taskPage(_ planID: UUID, _ nodeID: UUID)
    case attachmentFile(_ planID: UUID, _ attachmentID: UUID)
    case dashboardPage(_ planID: UUID)
    case apiDashboard(_ planID: UUID)
    case planReportsPage(_ planID: UUID)
    case apiPlanReports(_ planID: UUID)
    case acceptReport(_ planID: UUID, _ reportID: UUID)
    case acceptSelectedReports(_ planID: UUID)
    case returnReport(_ planID: UUID, _ reportID: UUID)
    case apiReviewReport(_ planID: UUID, _ reportID: UUID)
    case confirmCompletion(_ planID: UUID, _ nodeID: UUID)
    case calendarPage(_ planID: UUID)
    case updateCalendar(_ planID: UUID)
    case closePeriod(_ planID: UUID, _ period: String)
    case reopenPeriod(_ planID: UUID, _ period: String)
    case updatePolicy(_ planID: UUID)
    case noticesPage(_ planID: UUID)
    case apiNotices(_ planID: UUID)
    case issueNotice(_ planID: UUID, _ noticeID: UUID)
    case replyNotice(_ planID: UUID, _ noticeID: UUID)
    case apiRunEscalations
    case bulletinsPage(_ planID: UUID)
    case meetingsPage(_ planID: UUID)
    case unitGroupsPage
    case saveUnitGroup
    case deleteUnitGroup(_ groupID: UUID)
    case apiUnitGroups
    case recordMeeting(_ planID: UUID)
    case apiMeetings(_ planID: UUID)
    case apiRecordMeeting(_ planID: UUID)
    case draftBulletin(_ planID: UUID)
    case bulletinPage(_ planID: UUID, _ bulletinID: UUID)
    case publishBulletin(_ planID: UUID, _ bulletinID: UUID)
    case withdrawBulletin(_ planID: UUID, _ bulletinID: UUID)
    case discardBulletin(_ planID: UUID, _ bulletinID: UUID)
    case bulletinDocx(_ planID: UUID, _ bulletinID: UUID)
    case apiBulletins(_ planID: UUID)
    case importPage
    case importSubmit
    case reviewPage(_ planID: UUID)
    case sourceFile(_ planID: UUID)
    case versionsPage(_ planID: UUID)
    case updateFields(_ planID: UUID)
    case addNode(_ planID: UUID)
    case updateNode(_ planID: UUID, _ nodeID: UUID)
    case deleteNode(_ planID: UUID, _ nodeID: UUID)
    case moveNode(_ planID: UUID, _ nodeID: UUID)
    case addTarget(_ planID: UUID)
    case updateTarget(_ planID: UUID, _ targetID: UUID)
    case splitTarget(_ planID: UUID, _ targetID: UUID)
    case deleteTarget(_ planID: UUID, _ targetID: UUID)
    case unitsPage(_ planID: UUID)
    case resolveUnit(_ planID: UUID)
    case createAllUnits(_ planID: UUID)
    case mergeUnits(_ planID: UUID)
    case publish(_ planID: UUID)
    case closePlan(_ planID: UUID)
    case uploadBreakdown(_ planID: UUID)
    case apiImport
    case apiPlanUnits(_ planID: UUID)
    case apiResolveUnit(_ planID: UUID)
    case apiPublish(_ planID: UUID)
    case apiUpdateNode(_ planID: UUID, _ nodeID: UUID)
    case apiUpdateTarget(_ planID: UUID, _ targetID: UUID)
    case apiUploadBreakdown(_ planID: UUID)
    case apiUnits
    case apiUnlockAccount(_ accountID: UUID)
    case indicatorsPage
    case addIndicator
    case apiIndicators
    case apiAddIndicator
    case placeIndicatorsPage(_ placeCode: String)
    case placeIndicatorPage(_ placeCode: String, _ indicatorCode: String)
    case apiPlaceIndicator(_ placeCode: String, _ indicatorCode: String)
    case saveValue(_ placeCode: String)
    case apiSaveValue(_ placeCode: String)
    case baseDataPage(_ placeCode: String)
    case saveBaseData(_ placeCode: String)
    case assessmentPage(_ placeCode: String)
    case saveAssessmentScores(_ placeCode: String)
    case assessmentXlsx(_ placeCode: String)
    case apiAssessment(_ placeCode: String)
    case evaluationPage(_ placeCode: String)
    case evaluationXlsx(_ placeCode: String)
    case apiEvaluation(_ placeCode: String)
    case evaluationSchemePage(_ placeCode: String)
    case evaluationSchemeXlsx(_ placeCode: String)
    case importEvaluationScheme(_ placeCode: String)
    case saveEvaluationInputs(_ placeCode: String)
    case apiEvaluationScheme(_ placeCode: String)
    case loginCodePage
    case loginCodeSubmit
    case accountPage
    case changePassword
    case apiChangePassword
    case startSecondFactor
    case confirmSecondFactor
    case disableSecondFactor
    case auditPage
    case auditXlsx
    case apiAudit
    case valuesImportPage(_ placeCode: String)
    case importValues(_ placeCode: String)
    case valuesTemplate(_ placeCode: String)
    case apiImportValues(_ placeCode: String)
    case comparePage(_ indicatorCode: String)
    case compareXlsx(_ indicatorCode: String)
    case apiCompare(_ indicatorCode: String)
    case placeIndicatorXlsx(_ placeCode: String, _ indicatorCode: String)
    case assessmentSchemePage(_ placeCode: String)
    case saveAssessmentScheme(_ placeCode: String)
    case apiAssessmentScheme(_ placeCode: String)
    case outboxPage
    case retryOutbox(_ messageID: UUID)
    case accountsPage
    case createAccount
    case resetAccountPassword(_ accountID: UUID)
    case resetAccountSecondFactor(_ accountID: UUID)
    case unlockAccount(_ accountID: UUID)
    case apiAccounts
    case apiCreateAccount

    var route: SiteRoute {
        switch self {
        case .healthz: return .healthz
        case .openAPI: return .openAPI
        case .stylesheet: return .stylesheet
        case .loginPage: return .loginPage
        case .loginSubmit: return .loginSubmit
        case .apiLogin: return .apiLogin
        case .home: return .home
        case .logout: return .logout
        case .apiLogout: return .apiLogout
        case .apiMe: return .apiMe
        case .plansPage: return .plansPage
        case .todoPage: return .todoPage
        case .summaryPage: return .summaryPage
        case .planPage: return .planPage
        case .breakdownPage: return .breakdownPage
        case .breakdownXlsx: return .breakdownXlsx
        case .apiPlans: return .apiPlans
        case .apiPlan: return .apiPlan
        case .apiBreakdown: return .apiBreakdown
        case .apiBreakdownXlsx: return .apiBreakdownXlsx
        case .myTasksPage: return .myTasksPage
        case .apiMyTasks: return .apiMyTasks
        case .reportsPage: return .reportsPage
        case .saveReports: return .saveReports
        case .apiReports: return .apiReports
        case .apiSaveReport: return .apiSaveReport
        case .uploadAttachment: return .uploadAttachment
        case .notificationsPage: return .notificationsPage
        case .readNotifications: return .readNotifications
        case .apiNotifications: return .apiNotifications
        case .taskPage: return .taskPage
        case .attachmentFile: return .attachmentFile
        case .dashboardPage: return .dashboardPage
        case .apiDashboard: return .apiDashboard
        case .planReportsPage: return .planReportsPage
        case .apiPlanReports: return .apiPlanReports
        case .acceptReport: return .acceptReport
        case .acceptSelectedReports: return .acceptSelectedReports
        case .returnReport: return .returnReport
        case .apiReviewReport: return .apiReviewReport
        case .confirmCompletion: return .confirmCompletion
        case .calendarPage: return .calendarPage
        case .updateCalendar: return .updateCalendar
        case .closePeriod: return .closePeriod
        case .reopenPeriod: return .reopenPeriod
        case .updatePolicy: return .updatePolicy
        case .noticesPage: return .noticesPage
        case .apiNotices: return .apiNotices
        case .issueNotice: return .issueNotice
        case .replyNotice: return .replyNotice
        case .apiRunEscalations: return .apiRunEscalations
        case .bulletinsPage: return .bulletinsPage
        case .meetingsPage: return .meetingsPage
        case .unitGroupsPage: return .unitGroupsPage
        case .saveUnitGroup: return .saveUnitGroup
        case .deleteUnitGroup: return .deleteUnitGroup
        case .apiUnitGroups: return .apiUnitGroups
        case .recordMeeting: return .recordMeeting
        case .apiMeetings: return .apiMeetings
        case .apiRecordMeeting: return .apiRecordMeeting
        case .draftBulletin: return .draftBulletin
        case .bulletinPage: return .bulletinPage
        case .publishBulletin: return .publishBulletin
        case .withdrawBulletin: return .withdrawBulletin
        case .discardBulletin: return .discardBulletin
        case .bulletinDocx: return .bulletinDocx
        case .apiBulletins: return .apiBulletins
        case .importPage: return .importPage
        case .importSubmit: return .importSubmit
        case .reviewPage: return .reviewPage
        case .sourceFile: return .sourceFile
        case .versionsPage: return .versionsPage
        case .updateFields: return .updateFields
        case .addNode: return .addNode
        case .updateNode: return .updateNode
        case .deleteNode: return .deleteNode
        case .moveNode: return .moveNode
        case .addTarget: return .addTarget
        case .updateTarget: return .updateTarget
        case .splitTarget: return .splitTarget
        case .deleteTarget: return .deleteTarget
        case .unitsPage: return .unitsPage
        case .resolveUnit: return .resolveUnit
        case .createAllUnits: return .createAllUnits
        case .mergeUnits: return .mergeUnits
        case .publish: return .publish
        case .closePlan: return .closePlan
        case .uploadBreakdown: return .uploadBreakdown
        case .apiImport: return .apiImport
        case .apiPlanUnits: return .apiPlanUnits
        case .apiResolveUnit: return .apiResolveUnit
        case .apiPublish: return .apiPublish
        case .apiUpdateNode: return .apiUpdateNode
        case .apiUpdateTarget: return .apiUpdateTarget
        case .apiUploadBreakdown: return .apiUploadBreakdown
        case .apiUnits: return .apiUnits
        case .apiUnlockAccount: return .apiUnlockAccount
        case .indicatorsPage: return .indicatorsPage
        case .addIndicator: return .addIndicator
        case .apiIndicators: return .apiIndicators
        case .apiAddIndicator: return .apiAddIndicator
        case .placeIndicatorsPage: return .placeIndicatorsPage
        case .placeIndicatorPage: return .placeIndicatorPage
        case .apiPlaceIndicator: return .apiPlaceIndicator
        case .saveValue: return .saveValue
        case .apiSaveValue: return .apiSaveValue
        case .baseDataPage: return .baseDataPage
        case .saveBaseData: return .saveBaseData
        case .assessmentPage: return .assessmentPage
        case .saveAssessmentScores: return .saveAssessmentScores
        case .assessmentXlsx: return .assessmentXlsx
        case .apiAssessment: return .apiAssessment
        case .evaluationPage: return .evaluationPage
        case .evaluationXlsx: return .evaluationXlsx
        case .apiEvaluation: return .apiEvaluation
        case .evaluationSchemePage: return .evaluationSchemePage
        case .evaluationSchemeXlsx: return .evaluationSchemeXlsx
        case .importEvaluationScheme: return .importEvaluationScheme
        case .saveEvaluationInputs: return .saveEvaluationInputs
        case .apiEvaluationScheme: return .apiEvaluationScheme
        case .loginCodePage: return .loginCodePage
        case .loginCodeSubmit: return .loginCodeSubmit
        case .accountPage: return .accountPage
        case .changePassword: return .changePassword
        case .apiChangePassword: return .apiChangePassword
        case .startSecondFactor: return .startSecondFactor
        case .confirmSecondFactor: return .confirmSecondFactor
        case .disableSecondFactor: return .disableSecondFactor
        case .auditPage: return .auditPage
        case .auditXlsx: return .auditXlsx
        case .apiAudit: return .apiAudit
        case .valuesImportPage: return .valuesImportPage
        case .importValues: return .importValues
        case .valuesTemplate: return .valuesTemplate
        case .apiImportValues: return .apiImportValues
        case .comparePage: return .comparePage
        case .compareXlsx: return .compareXlsx
        case .apiCompare: return .apiCompare
        case .placeIndicatorXlsx: return .placeIndicatorXlsx
        case .assessmentSchemePage: return .assessmentSchemePage
        case .saveAssessmentScheme: return .saveAssessmentScheme
        case .apiAssessmentScheme: return .apiAssessmentScheme
        case .outboxPage: return .outboxPage
        case .retryOutbox: return .retryOutbox
        case .accountsPage: return .accountsPage
        case .createAccount: return .createAccount
        case .resetAccountPassword: return .resetAccountPassword
        case .resetAccountSecondFactor: return .resetAccountSecondFactor
        case .unlockAccount: return .unlockAccount
        case .apiAccounts: return .apiAccounts
        case .apiCreateAccount: return .apiCreateAccount
        }
    }

    /// The parameters in the order the pattern names them.
    var parameters: [String] {
        switch self {
        case .unitGroupsPage, .saveUnitGroup, .apiUnitGroups, .healthz, .openAPI, .stylesheet, .loginPage, .loginSubmit, .apiLogin, .home, .logout, .apiLogout, .apiMe, .plansPage, .todoPage, .summaryPage, .apiPlans, .myTasksPage, .apiMyTasks, .reportsPage, .saveReports, .apiReports, .apiSaveReport, .notificationsPage, .readNotifications, .apiNotifications, .apiRunEscalations, .importPage, .importSubmit, .apiImport, .apiUnits, .indicatorsPage, .addIndicator, .apiIndicators, .apiAddIndicator, .loginCodePage, .loginCodeSubmit, .accountPage, .changePassword, .apiChangePassword, .startSecondFactor, .confirmSecondFactor, .disableSecondFactor, .auditPage, .auditXlsx, .apiAudit, .outboxPage, .accountsPage, .createAccount, .apiAccounts, .apiCreateAccount:
            return []
        case .planPage(let a), .acceptSelectedReports(let a), .breakdownPage(let a), .breakdownXlsx(let a), .apiPlan(let a), .apiBreakdown(let a), .apiBreakdownXlsx(let a), .dashboardPage(let a), .apiDashboard(let a), .planReportsPage(let a), .apiPlanReports(let a), .calendarPage(let a), .updateCalendar(let a), .updatePolicy(let a), .noticesPage(let a), .apiNotices(let a), .bulletinsPage(let a), .meetingsPage(let a), .recordMeeting(let a), .apiMeetings(let a), .apiRecordMeeting(let a), .deleteUnitGroup(let a), .draftBulletin(let a), .apiBulletins(let a), .reviewPage(let a), .sourceFile(let a), .versionsPage(let a), .updateFields(let a), .addNode(let a), .addTarget(let a), .unitsPage(let a), .resolveUnit(let a), .createAllUnits(let a), .mergeUnits(let a), .publish(let a), .closePlan(let a), .uploadBreakdown(let a), .apiPlanUnits(let a), .apiResolveUnit(let a), .apiPublish(let a), .apiUploadBreakdown(let a), .apiUnlockAccount(let a), .retryOutbox(let a), .resetAccountPassword(let a), .resetAccountSecondFactor(let a), .unlockAccount(let a):
            return [a.uuidString]
        case .uploadAttachment(let a, let b), .taskPage(let a, let b), .attachmentFile(let a, let b), .acceptReport(let a, let b), .returnReport(let a, let b), .apiReviewReport(let a, let b), .confirmCompletion(let a, let b), .issueNotice(let a, let b), .replyNotice(let a, let b), .bulletinPage(let a, let b), .bulletinDocx(let a, let b), .publishBulletin(let a, let b), .withdrawBulletin(let a, let b), .discardBulletin(let a, let b), .updateNode(let a, let b), .deleteNode(let a, let b), .moveNode(let a, let b), .updateTarget(let a, let b), .splitTarget(let a, let b), .deleteTarget(let a, let b), .apiUpdateNode(let a, let b), .apiUpdateTarget(let a, let b):
            return [a.uuidString, b.uuidString]
        case .closePeriod(let a, let b), .reopenPeriod(let a, let b):
            return [a.uuidString, b]
        case .placeIndicatorsPage(let a), .saveValue(let a), .apiSaveValue(let a), .baseDataPage(let a), .saveBaseData(let a), .assessmentPage(let a), .saveAssessmentScores(let a), .assessmentXlsx(let a), .apiAssessment(let a), .evaluationPage(let a), .evaluationXlsx(let a), .apiEvaluation(let a), .evaluationSchemePage(let a), .evaluationSchemeXlsx(let a), .importEvaluationScheme(let a), .saveEvaluationInputs(let a), .apiEvaluationScheme(let a), .valuesImportPage(let a), .importValues(let a), .valuesTemplate(let a), .apiImportValues(let a), .comparePage(let a), .compareXlsx(let a), .apiCompare(let a), .assessmentSchemePage(let a), .saveAssessmentScheme(let a), .apiAssessmentScheme(let a):
            return [a]
        case .placeIndicatorPage(let a, let b), .apiPlaceIndicator(let a, let b), .placeIndicatorXlsx(let a, let b):
            return [a, b]
        }
    }

    /// The path with its parameters filled in.
    var path: String { route.fill(parameters) }
}
