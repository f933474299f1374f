import Foundation
import Testing
@testable import App

/// Links as a user's browser would follow them, written out by hand.
@Suite struct SitePathTests {
    static let plan = UUID(uuidString: "6F1C2A0E-0000-4000-8000-000000000001")!
    static let node = UUID(uuidString: "6F1C2A0E-0000-4000-8000-000000000002")!

    @Test func linksFillEveryParameterInOrder() {
        #expect(SitePath.home.path == "/")
        #expect(SitePath.plansPage.path == "/plans")
        #expect(SitePath.planPage(Self.plan).path == "/plans/6F1C2A0E-0000-4000-8000-000000000001")
        #expect(SitePath.taskPage(Self.plan, Self.node).path
            == "/plans/6F1C2A0E-0000-4000-8000-000000000001/tasks/6F1C2A0E-0000-4000-8000-000000000002")
        #expect(SitePath.closePeriod(Self.plan, "2025-03").path == "/plans/6F1C2A0E-0000-4000-8000-000000000001/periods/2025-03/close")
        #expect(SitePath.placeIndicatorPage("421300", "hte.total").path == "/places/421300/indicators/hte.total")
        #expect(SitePath.placeIndicatorXlsx("421381", "rd.intensity").path == "/places/421381/indicators/rd.intensity/export.xlsx")
        #expect(SitePath.comparePage("tech_contract.turnover").path == "/indicators/tech_contract.turnover/compare")
        #expect(SitePath.resetAccountPassword(Self.node).path == "/admin/accounts/6F1C2A0E-0000-4000-8000-000000000002/password")
    }

    @Test func aLinkKnowsItsRoute() {
        #expect(SitePath.apiUpdateNode(Self.plan, Self.node).route == .apiUpdateNode)
        #expect(SitePath.apiUpdateNode(Self.plan, Self.node).route.method == .PATCH)
        #expect(SitePath.acceptReport(Self.plan, Self.node).route.roles == [.admin, .office])
    }
}
