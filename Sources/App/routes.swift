import Vapor

/// Registers every `SiteRoute` with its role guard and handler.
func registerRoutes(_ app: Application) throws {
    for route in SiteRoute.allCases {
        var builder: any RoutesBuilder = route.roles.map { app.grouped(RoleGuard(roles: $0)) } ?? app
        if route.method != .GET {
            builder = builder.grouped(CSRFGuard(bodyLimit: route.bodyLimit(default: app.routes.defaultMaxBodySize.value)))
        }
        builder.on(route.method, route.pathComponents, body: route.bodyStreaming, use: route.handler)
    }
}

extension SiteRoute {
    var bodyStreaming: HTTPBodyStreamStrategy {
        switch self {
        case .importSubmit, .apiImport, .uploadBreakdown, .apiUploadBreakdown, .uploadAttachment:
            return .collect(maxSize: nil)
        default:
            return .collect(maxSize: "1mb")
        }
    }

    func bodyLimit(default fallback: Int) -> Int {
        if case .collect(let max) = bodyStreaming { return max?.value ?? fallback }
        return fallback
    }

    var handler: @Sendable (Request) async throws -> Response {
        switch self {
        case .healthz: return HealthController.healthz
        case .openAPI: return OpenAPIController.document
        case .stylesheet: return Stylesheet.response
        case .loginPage: return AuthController.loginPage
        case .loginSubmit: return AuthController.loginSubmit
        case .apiLogin: return AuthController.apiLogin
        case .home: return AuthController.home
        case .logout: return AuthController.logout
        case .apiLogout: return AuthController.apiLogout
        case .apiMe: return AuthController.apiMe
        case .plansPage: return PlanController.index
        case .planPage: return PlanController.show
        case .apiPlans: return PlanController.apiIndex
        case .apiPlan: return PlanController.apiShow
        case .breakdownPage: return BreakdownController.page
        case .breakdownXlsx, .apiBreakdownXlsx: return BreakdownController.xlsx
        case .apiBreakdown: return BreakdownController.apiTable
        case .myTasksPage: return MyTasksController.page
        case .apiMyTasks: return MyTasksController.api
        case .importPage: return ImportController.page
        case .importSubmit: return ImportController.submit
        case .apiImport: return ImportController.apiImport
        case .uploadBreakdown: return ImportController.uploadBreakdown
        case .apiUploadBreakdown: return ImportController.apiUploadBreakdown
        case .reviewPage: return ReviewController.page
        case .sourceFile: return ReviewController.sourceFile
        case .versionsPage: return ReviewController.versions
        case .updateFields: return EditController.updateFields
        case .addNode: return EditController.addNode
        case .updateNode: return EditController.updateNode
        case .deleteNode: return EditController.deleteNode
        case .moveNode: return EditController.moveNode
        case .addTarget: return EditController.addTarget
        case .updateTarget: return EditController.updateTarget
        case .deleteTarget: return EditController.deleteTarget
        case .apiUpdateNode: return EditController.apiUpdateNode
        case .apiUpdateTarget: return EditController.apiUpdateTarget
        case .unitsPage: return UnitController.page
        case .resolveUnit: return UnitController.resolve
        case .createAllUnits: return UnitController.createAll
        case .apiPlanUnits: return UnitController.apiPlanUnits
        case .apiResolveUnit: return UnitController.apiResolve
        case .apiUnits: return UnitController.apiUnits
        case .apiUnlockAccount: return AuthController.apiUnlock
        case .publish: return PublishController.publish
        case .apiPublish: return PublishController.apiPublish
        case .closePlan: return PublishController.close
        case .reportsPage: return ReportController.page
        case .saveReports: return ReportController.saveForm
        case .apiReports: return ReportController.apiList
        case .apiSaveReport: return ReportController.apiSave
        case .uploadAttachment: return AttachmentController.upload
        case .attachmentFile: return AttachmentController.download
        case .notificationsPage: return NotificationController.page
        case .readNotifications: return NotificationController.markRead
        case .apiNotifications: return NotificationController.api
        case .taskPage: return TaskController.page
        case .dashboardPage: return DashboardController.page
        case .apiDashboard: return DashboardController.api
        case .planReportsPage: return ReviewReportsController.page
        case .apiPlanReports: return ReviewReportsController.api
        case .acceptReport: return ReviewReportsController.accept
        case .returnReport: return ReviewReportsController.returnReport
        case .apiReviewReport: return ReviewReportsController.apiReview
        case .confirmCompletion: return ReviewReportsController.confirmCompletion
        case .calendarPage: return CalendarController.page
        case .updateCalendar: return CalendarController.update
        case .closePeriod: return CalendarController.close
        case .reopenPeriod: return CalendarController.reopen
        case .updatePolicy: return CalendarController.updatePolicy
        case .noticesPage: return NoticeController.page
        case .apiNotices: return NoticeController.api
        case .issueNotice: return NoticeController.issue
        case .replyNotice: return NoticeController.reply
        case .apiRunEscalations: return NoticeController.run
        case .bulletinsPage: return BulletinController.index
        case .issueBulletin: return BulletinController.issue
        case .bulletinPage: return BulletinController.show
        case .bulletinDocx: return BulletinController.docx
        case .apiBulletins: return BulletinController.api
        case .indicatorsPage: return IndicatorController.catalogue
        case .addIndicator: return IndicatorController.add
        case .apiIndicators: return IndicatorController.apiCatalogue
        case .apiAddIndicator: return IndicatorController.apiAdd
        case .placeIndicatorsPage: return IndicatorController.overview
        case .placeIndicatorPage: return IndicatorController.page
        case .apiPlaceIndicator: return IndicatorController.api
        case .saveValue: return IndicatorController.saveValue
        case .apiSaveValue: return IndicatorController.apiSaveValue
        case .baseDataPage: return BaseDataController.page
        case .saveBaseData: return BaseDataController.save
        case .assessmentPage: return AssessmentController.page
        case .saveAssessmentScores: return AssessmentController.saveScores
        case .assessmentXlsx: return AssessmentController.xlsx
        case .apiAssessment: return AssessmentController.api
        case .valuesImportPage: return ValuesImportController.page
        case .importValues: return ValuesImportController.submit
        case .valuesTemplate: return ValuesImportController.template
        case .apiImportValues: return ValuesImportController.api
        case .outboxPage: return OutboxController.page
        case .retryOutbox: return OutboxController.retry
        case .accountsPage: return AccountsAdminController.page
        case .createAccount: return AccountsAdminController.create
        case .resetAccountPassword: return AccountsAdminController.resetPassword
        case .resetAccountSecondFactor: return AccountsAdminController.resetSecondFactor
        case .unlockAccount: return AccountsAdminController.unlock
        case .apiAccounts: return AccountsAdminController.apiList
        case .apiCreateAccount: return AccountsAdminController.apiCreate
        case .assessmentSchemePage: return AssessmentSchemeController.page
        case .saveAssessmentScheme: return AssessmentSchemeController.save
        case .apiAssessmentScheme: return AssessmentSchemeController.api
        case .placeIndicatorXlsx: return IndicatorController.xlsx
        case .comparePage: return ComparisonController.page
        case .compareXlsx: return ComparisonController.xlsx
        case .apiCompare: return ComparisonController.api
        case .loginCodePage: return AuthController.loginCodePage
        case .loginCodeSubmit: return AuthController.loginCodeSubmit
        case .accountPage: return AccountController.page
        case .changePassword: return AccountController.changePassword
        case .apiChangePassword: return AccountController.apiChangePassword
        case .startSecondFactor: return AccountController.startSecondFactor
        case .confirmSecondFactor: return AccountController.confirmSecondFactor
        case .disableSecondFactor: return AccountController.disableSecondFactor
        case .auditPage: return AuditController.page
        case .auditXlsx: return AuditController.xlsx
        case .apiAudit: return AuditController.api
        case .evaluationPage: return EvaluationController.page
        case .evaluationXlsx: return EvaluationController.xlsx
        case .apiEvaluation: return EvaluationController.api
        }
    }
}
