import Fluent
import Foundation
import PlanDomain

/// Actual values from a statistics workbook (实际值表): every row checked
/// first; one bad row refuses the whole file, so nothing is half imported.
/// Saved figures are appended with source "import", beside the office's and
/// the reports' figures, never over them.
enum ValuesImport {
    struct Refused: Error {
        var problems: [String]
    }

    /// The place and the places under it, which an office of the place may fill in.
    static func scope(under place: String, on db: any Database) async throws -> [JurisdictionNode] {
        try await IndicatorStore.tree(under: place, on: db).subtree(of: place).map(\.node)
    }

    /// Reads and saves; returns how many figures were saved. Throws `Refused`
    /// with every problem in Chinese, or an `AppError` for a file that is not
    /// a readable workbook.
    static func run(_ bytes: Data, under place: String, by account: Account, at date: Date, on db: any Database) async throws -> Int {
        let places = try await scope(under: place, on: db)
        let indicators = try await IndicatorStore.definitions(on: db)
        let read: ActualsImport
        do {
            read = try ActualsWorkbook.read(bytes, places: places, indicators: indicators)
        } catch {
            throw AppError(status: .unprocessableEntity, reason: error.errorDescription ?? "无法读取这个实际值表。")
        }
        guard !read.hasProblems else {
            var problems = read.problems.map(\.message)
            if read.unlistedProblems > 0 { problems.append("另有 \(read.unlistedProblems) 处问题未列出。") }
            throw Refused(problems: problems)
        }
        try await db.writeTransaction { tx in
            for figure in read.actuals {
                try await IndicatorValue(code: figure.indicator, jurisdiction: figure.jurisdiction, year: figure.year, month: figure.month,
                                         measure: .actual, value: figure.value, source: .import, note: figure.note,
                                         account: account, at: date).create(on: tx)
            }
            let places = Set(read.actuals.map(\.jurisdiction)).sorted().joined(separator: ",")
            try await Audit.record(account, "indicator.import", entity: "jurisdiction", id: place,
                                   after: "\(read.actuals.count) 个实际值（工作表“\(read.sheet)”；地区 \(places)）", on: tx)
        }
        return read.actuals.count
    }
}
