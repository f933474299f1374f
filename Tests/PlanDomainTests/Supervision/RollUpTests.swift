import Foundation
import Testing
@testable import PlanDomain

@Suite struct RollUpTests {
    @Test func scoreIsTheWeightedMeanOfTaskScores() {
        let group = RollUp.of([
            WeightedItem(id: "a", weight: 3, health: .onTrack),
            WeightedItem(id: "b", weight: 1, health: .atRisk),
        ])
        #expect(abs(group.score! - (3 + 0.3) / 4) < 1e-12)  // 0.825
        #expect(group.health == .behind)
        #expect(group.weightTotal == 4)
        #expect(group.total == 2)
    }

    @Test func eachStateHasItsScore() {
        #expect([Health.completed, .onTrack, .behind, .atRisk, .overdue, .noData].map(RollUp.score(of:))
            == [1, 1, 0.6, 0.3, 0, nil])
    }

    @Test func groupHealthUsesTheGroupThresholds() {
        // 0.6 + 3 over 4 = 0.9: on track exactly at the line.
        let items = [WeightedItem(id: "b", health: .behind)] + (1...3).map { WeightedItem(id: "\($0)", health: .onTrack) }
        #expect(RollUp.of(items).health == .onTrack)
        // 0.6 + 2 over 3 ≈ 0.867: behind.
        let fewer = [WeightedItem(id: "b", health: .behind)] + (1...2).map { WeightedItem(id: "\($0)", health: .onTrack) }
        #expect(RollUp.of(fewer).health == .behind)
        // All behind: 0.6, still behind; one step lower is at risk.
        #expect(RollUp.of([WeightedItem(id: "a", health: .behind), WeightedItem(id: "b", health: .behind)]).health == .behind)
        #expect(RollUp.of([WeightedItem(id: "a", health: .behind), WeightedItem(id: "b", health: .atRisk)]).health == .atRisk)
    }

    @Test func aSectionCountsInItsParentWithItsScoreNotItsColour() {
        let nodes = [
            RollUpNode(id: "一", parent: nil, isTask: false),
            RollUpNode(id: "一/1", parent: "一", isTask: true, health: .onTrack),
            RollUpNode(id: "一/2", parent: "一", isTask: true, health: .atRisk),
        ]
        let result = rollUpTree(nodes: nodes)
        #expect(abs(result["一"]!.score! - 0.65) < 1e-12)
        #expect(result["一"]?.health == .behind)
        #expect(abs(result[""]!.score! - 0.65) < 1e-12)
    }

    @Test func noDataIsCountedButLeftOutOfScoreAndProgress() {
        let group = RollUp.of([
            WeightedItem(id: "a", health: .onTrack, progress: 0.5),
            WeightedItem(id: "b", weight: 5, health: .noData, progress: 0.0),
        ])
        #expect(group.score == 1)
        #expect(group.progress == 0.5)
        #expect(group.health == .onTrack)
        #expect(group.counts[.noData] == 1)
        #expect(group.counts[.overdue] == 0)
        #expect(group.weightTotal == 6)
    }

    @Test func allCompletedIsCompleted() {
        let done = RollUp.of([WeightedItem(id: "a", health: .completed), WeightedItem(id: "b", health: .completed)])
        #expect(done.health == .completed)
        #expect(done.progress == 1)
        let mixed = RollUp.of([WeightedItem(id: "a", health: .completed), WeightedItem(id: "b", health: .onTrack)])
        #expect(mixed.health == .onTrack)
    }

    @Test func anyOverdueTaskMakesTheGroupAtLeastBehind() {
        let items = [WeightedItem(id: "late", weight: 0.01, health: .overdue)]
            + (1...20).map { WeightedItem(id: "\($0)", health: .onTrack) }
        #expect(RollUp.of(items).score! > 0.99)
        #expect(RollUp.of(items).health == .behind)
        let worse = RollUp.of([WeightedItem(id: "a", health: .overdue), WeightedItem(id: "b", health: .atRisk)])
        #expect(worse.health == .atRisk)
    }

    @Test func nothingScoredIsNoData() {
        #expect(RollUp.of([]).health == .noData)
        #expect(RollUp.of([WeightedItem(id: "a", health: .noData)]).health == .noData)
        #expect(RollUp.of([WeightedItem(id: "a", health: .noData)]).score == nil)
    }

    @Test func progressIsTheWeightedMeanOfKnownProgress() {
        let group = RollUp.of([
            WeightedItem(id: "a", weight: 1, health: .onTrack, progress: 0.2),
            WeightedItem(id: "b", weight: 3, health: .behind, progress: 0.6),
            WeightedItem(id: "c", weight: 2, health: .behind),
        ])
        #expect(abs(group.progress! - (0.2 + 1.8) / 4) < 1e-12)
    }

    @Test func treeRollsTasksIntoSectionsAndSectionsIntoThePlan() {
        let nodes = [
            RollUpNode(id: "一", parent: nil, isTask: false),
            RollUpNode(id: "一/1", parent: "一", isTask: true, health: .onTrack, progress: 0.5),
            RollUpNode(id: "一/2", parent: "一", isTask: true, health: .onTrack, progress: 0.5),
            RollUpNode(id: "一/3", parent: "一", isTask: true, health: .onTrack, progress: 0.5),
            RollUpNode(id: "二", parent: nil, isTask: false),
            RollUpNode(id: "二/1", parent: "二", isTask: true, health: .atRisk, progress: 0.1),
        ]
        let result = rollUpTree(nodes: nodes)
        #expect(Set(result.keys) == ["", "一", "二"])
        #expect(result["一"]?.health == .onTrack)
        #expect(result["二"]?.health == .atRisk)
        // By default a section weighs as much as its tasks: 3 × 1 and 1 × 0.3 over 4.
        #expect(abs(result[""]!.score! - 3.3 / 4) < 1e-12)
        #expect(result[""]?.health == .behind)
        #expect(abs(result[""]!.progress! - 1.6 / 4) < 1e-12)
        #expect(result[""]?.total == 2)
    }

    @Test func aSectionWeightOverridesTheSumOfItsTasks() {
        let nodes = [
            RollUpNode(id: "一", parent: nil, isTask: false, weight: 1),
            RollUpNode(id: "一/1", parent: "一", isTask: true, health: .onTrack),
            RollUpNode(id: "一/2", parent: "一", isTask: true, health: .onTrack),
            RollUpNode(id: "一/3", parent: "一", isTask: true, health: .onTrack),
            RollUpNode(id: "二", parent: nil, isTask: false, weight: 1),
            RollUpNode(id: "二/1", parent: "二", isTask: true, health: .atRisk),
        ]
        #expect(abs(rollUpTree(nodes: nodes)[""]!.score! - 1.3 / 2) < 1e-12)
    }

    @Test func nestedSectionsAndStrayNodes() {
        let nodes = [
            RollUpNode(id: "一", parent: nil, isTask: false),
            RollUpNode(id: "一/（一）", parent: "一", isTask: false),
            RollUpNode(id: "t1", parent: "一/（一）", isTask: true, health: .overdue),
            RollUpNode(id: "empty", parent: "一", isTask: false),
            RollUpNode(id: "stray", parent: "nowhere", isTask: true, health: .onTrack),
            RollUpNode(id: "x", parent: "y", isTask: false),
            RollUpNode(id: "y", parent: "x", isTask: false),
        ]
        let result = rollUpTree(nodes: nodes)
        #expect(result["一/（一）"]?.health == .atRisk)  // score 0; at least behind is already met
        #expect(result["一"]?.health == .atRisk)
        #expect(result["empty"]?.health == .noData)
        #expect(result[""]?.total == 2)  // 一 and the stray task
        #expect(result["x"] != nil && result["y"] != nil)
    }
}
