import Foundation
import PlanDomain
import Vapor

/// A benchmark that could not run as set up (a page that did not answer 200,
/// a login refused, no data to measure); printed and the command fails.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// The body of `POST /api/reports` as a client writes it: the benchmark is a
/// client of the server's API, not a user of its types.
struct SubmitReport: Content {
    var planID: UUID
    var nodeID: UUID
    var period: String
    var narrative: String
    var percent: Double
    var selfStatus: Health
    var submit: Bool
}
