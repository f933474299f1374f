import Foundation
import PlanDomain

/// What a unit fills in for one task and period, from the page or the API,
/// checked before anything is written.
struct ReportInput: Sendable {
    var planID: UUID
    var nodeID: UUID
    var period: String
    var narrative: String
    var percent: Double?
    var milestone: String?
    var selfStatus: Health?
    var completionProposed: Bool
    /// Target id → the current value.
    var values: [UUID: Double]

    static let narrativeLimit = 5_000

    var isBlank: Bool {
        narrative.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && percent == nil
            && (milestone ?? "").isEmpty && values.isEmpty && !completionProposed
    }

    /// A number as typed in a form (PlanDomain's `FormNumber`).
    static func number(_ text: String?, field: String) throws -> Double? {
        do {
            return try FormNumber.read(text, field: field)
        } catch {
            throw AppError.badRequest(error.message)
        }
    }

    func validated() throws -> ReportInput {
        var copy = self
        copy.narrative = narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        guard copy.narrative.count <= Self.narrativeLimit else {
            throw AppError.badRequest("进展情况不能超过 \(Self.narrativeLimit) 字。")
        }
        if let percent, !(0...100).contains(percent) {
            throw AppError.badRequest("完成进度应在 0–100 之间，现为 \(percent)。")
        }
        if let milestone, milestone.count > 200 { throw AppError.badRequest("节点（里程碑）不能超过 200 字。") }
        copy.milestone = milestone.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return copy
    }
}
