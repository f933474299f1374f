import Foundation
@testable import PlanText

/// The package root, found from this file, so tests read `Seeds/` in place.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func seedPlanURLs() -> [URL] {
    let dir = packageRoot.appendingPathComponent("Seeds/plans")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().map { dir.appendingPathComponent($0) }
}

func parse(_ text: String) -> Plan { PlanParser.parse(text, file: "test.txt") }

extension Plan {
    func node(_ id: String) -> PlanNode? { nodes.first { $0.id == id } }
    var ids: [String] { nodes.map(\.id) }
}
