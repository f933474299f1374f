import Foundation
import PlanText

/// The package root, found from this file, so tests read `Seeds/` in place.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func seedPlanURLs() -> [URL] {
    let dir = packageRoot.appendingPathComponent("Seeds/plans")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().filter { $0.hasSuffix(".txt") }.map { dir.appendingPathComponent($0) }
}

func seedPlans() throws -> [Plan] {
    try seedPlanURLs().map { try PlanReader.read(Data(contentsOf: $0), file: $0.lastPathComponent) }
}
