import PlanDomain
import Testing

/// Expectations written from GB/T 2260 and the roles of PRODUCT.md.
@Suite struct AccessScopeTests {
    @Test func placesCoverTheirOwnLowerLevelsOnly() {
        #expect(AccessScope.covers("420000", "420000"))   // Hubei itself
        #expect(AccessScope.covers("420000", "421300"))   // Hubei → 随州
        #expect(AccessScope.covers("420000", "421381"))   // Hubei → 广水
        #expect(AccessScope.covers("421300", "421381"))   // 随州 → 广水
        #expect(AccessScope.covers("421300", "421300"))
        #expect(!AccessScope.covers("421300", "420500"))  // 随州 ↛ 宜昌
        #expect(!AccessScope.covers("421300", "420000"))  // a city does not cover its province
        #expect(!AccessScope.covers("421381", "421300"))  // a county does not cover its city
        #expect(!AccessScope.covers("421381", "421321"))  // 广水 ↛ 随县
        #expect(!AccessScope.covers("430000", "421300"))  // Hunan ↛ 随州
        #expect(AccessScope.covers("abc", "abc") && !AccessScope.covers("4213", "421300"))
    }

    @Test func plansAreChangedByTheAdminAndCoveringOfficesOnly() {
        let suizhou = AccessScope(role: .office, place: "421300")
        #expect(suizhou.mayEditPlan(of: "421300") && suizhou.mayEditPlan(of: "421381"))
        #expect(!suizhou.mayEditPlan(of: "420500"))
        #expect(AccessScope(role: .admin, place: nil).mayEditPlan(of: "650000"))
        #expect(!AccessScope(role: .office, place: nil).mayEditPlan(of: "421300"))
        #expect(!AccessScope(role: .leader, place: "421300").mayEditPlan(of: "421300"))
        #expect(!AccessScope(role: .reporter, place: "421300").mayEditPlan(of: "421300"))
    }

    @Test func leadersAndReportersReadPublishedPlansOnly() {
        let leader = AccessScope(role: .leader, place: "421300")
        #expect(leader.mayReadPlan(of: "421381", isDraft: false, unitTakesPart: false))
        #expect(!leader.mayReadPlan(of: "421381", isDraft: true, unitTakesPart: false))
        #expect(!leader.mayReadPlan(of: "420500", isDraft: false, unitTakesPart: false))
        let reporter = AccessScope(role: .reporter, place: "421300")
        #expect(reporter.mayReadPlan(of: "420500", isDraft: false, unitTakesPart: true))
        #expect(!reporter.mayReadPlan(of: "421300", isDraft: false, unitTakesPart: false))
        #expect(!reporter.mayReadPlan(of: "421300", isDraft: true, unitTakesPart: true))
        let office = AccessScope(role: .office, place: "421300")
        #expect(office.mayReadPlan(of: "421300", isDraft: true, unitTakesPart: false))
        #expect(!office.mayReadPlan(of: "420500", isDraft: false, unitTakesPart: true))
    }

    @Test func onlyAReporterOnAPublishedPlanNeedsTheUnitLookedUp() {
        #expect(AccessScope(role: .reporter, place: "421300").needsUnitForPlan(isDraft: false))
        #expect(!AccessScope(role: .reporter, place: "421300").needsUnitForPlan(isDraft: true))
        #expect(!AccessScope(role: .leader, place: "421300").needsUnitForPlan(isDraft: false))
        #expect(!AccessScope(role: .office, place: "421300").needsUnitForPlan(isDraft: false))
    }

    @Test func placeFiguresAreReadByLeadersAndChangedByOffices() {
        let leader = AccessScope(role: .leader, place: "421300")
        #expect(leader.mayReachPlace("421381", editing: false) && !leader.mayReachPlace("421381", editing: true))
        let office = AccessScope(role: .office, place: "421300")
        #expect(office.mayReachPlace("421381", editing: true) && !office.mayReachPlace("420500", editing: false))
        #expect(!AccessScope(role: .reporter, place: "421300").mayReachPlace("421300", editing: false))
        #expect(AccessScope(role: .admin, place: nil).mayReachPlace("110000", editing: true))
    }
}
