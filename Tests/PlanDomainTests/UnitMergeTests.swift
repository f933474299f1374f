import Foundation
import Testing
@testable import PlanDomain

@Suite struct UnitMergeTests {
    let task1 = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    let task2 = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!

    @Test func reportsOfTheSameTaskAndPeriodStopTheMerge() {
        let kept = [UnitMerge.ReportKey(node: task1, period: "2025-03"), .init(node: task1, period: "2025-04")]
        let merged = [UnitMerge.ReportKey(node: task1, period: "2025-04"), .init(node: task2, period: "2025-04"),
                      .init(node: task1, period: "2025-02")]
        #expect(UnitMerge.conflicts(kept: kept, merged: merged) == [.init(node: task1, period: "2025-04")])
        #expect(UnitMerge.conflicts(kept: kept, merged: []).isEmpty)
    }

    @Test func anAssignmentTheKeptUnitHasIsDroppedTheOthersMove() {
        let a = UUID(), b = UUID(), c = UUID()
        let kept = [UnitMerge.AssignmentKey(node: task1, role: "lead")]
        let merged: [(id: UUID, key: UnitMerge.AssignmentKey)] = [
            (a, .init(node: task1, role: "lead")), (b, .init(node: task1, role: "cooperating")), (c, .init(node: task2, role: "lead")),
        ]
        #expect(UnitMerge.redundant(kept: kept, merged: merged) == [a])
    }

    @Test func aUnitIsNotMergedIntoItselfNorAcrossPlaces() {
        let id = UUID()
        #expect(UnitMerge.refusal(kept: (id, "421300"), merged: (id, "421300")) == "不能把单位合并到它自己。")
        #expect(UnitMerge.refusal(kept: (UUID(), "421300"), merged: (UUID(), "420300")) == "只能合并同一地区的单位。")
        #expect(UnitMerge.refusal(kept: (UUID(), "421300"), merged: (UUID(), "421300")) == nil)
    }
}
