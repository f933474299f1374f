import Fluent
import Vapor

/// Every migration in the order it landed. A landed migration is never edited:
/// a change to the schema is a new struct at the end of this list.
func addMigrations(to app: Application) {
    app.migrations.add(CreateJurisdiction())
    app.migrations.add(CreateUnit())
    app.migrations.add(CreateAccount())
    app.migrations.add(CreatePlan())
    app.migrations.add(CreateNode())
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(SeedJurisdictions())
    app.migrations.add(CreateReportingCalendar())
    app.migrations.add(CreateProgressReport())
    app.migrations.add(CreateTaskEvent())
    app.migrations.add(CreateNotification())
    app.migrations.add(CreateAuditLog())
    app.migrations.add(CreateEscalation())
    app.migrations.add(CreateBulletin())
    app.migrations.add(AddSupervisionIndexes())
    app.migrations.add(AddReportingIndexes())
    app.migrations.add(AddAccountLockout())
    app.migrations.add(CreateIndicators())
    app.migrations.add(SeedIndicators())
    app.migrations.add(AddAccountSecurity())
    app.migrations.add(CreateAuditChain())
    app.migrations.add(AddBulletinWorkflow())
    app.migrations.add(AddNodeWeight())
    app.migrations.add(AddPartnersReport())
    app.migrations.add(AddNodeJoinedOn())
    app.migrations.add(CreateMeeting())
    app.migrations.add(CreateEvaluationScheme())
    app.migrations.add(CreateUnitGroup())
}
