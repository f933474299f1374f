import Fluent
import Foundation
import PlanDomain

/// A figure an office gives for an indicator at a place: checked whole before
/// anything is written, then appended (never overwriting an earlier entry)
/// with its audit line in the same transaction.
struct ValueEntry: Sendable {
    var code: String
    var year: Int
    var month: Int
    var measure: IndicatorMeasure
    var value: Double
    var note: String

    /// Reads the raw fields; every problem is a Chinese message naming the field.
    init(code: String?, year: String?, month: String?, measure: String?, value: String?, note: String?) throws {
        guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { throw AppError.badRequest("请选择指标。") }
        self.code = code
        guard let year = year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (2000...2100).contains(year) else {
            throw AppError.badRequest("年份应为 2000–2100 之间的整数。")
        }
        self.year = year
        guard let month = month.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (1...12).contains(month) else {
            throw AppError.badRequest("月份应为 1–12 之间的整数。")
        }
        self.month = month
        guard let measure = IndicatorMeasure(rawValue: measure ?? "actual") else { throw AppError.badRequest("类别只能是目标或实际。") }
        self.measure = measure
        guard let number = try ReportInput.number(value, field: "数值") else { throw AppError.badRequest("请填写数值。") }
        guard abs(number) < 1e15 else { throw AppError.badRequest("数值过大。") }
        self.value = number
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 200 else { throw AppError.badRequest("说明不能超过 200 字。") }
        self.note = note
    }

    /// Counts and amounts cannot be negative; a growth rate can.
    func check(against definition: IndicatorDefinition) throws {
        if definition.kind != .growth, value < 0 { throw AppError.badRequest("“\(definition.name)”不能为负数。") }
    }

    static func save(_ entries: [ValueEntry], place: String, source: ValueSource, by account: Account, at date: Date,
                     on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let codes = Set(entries.map(\.code))
        let known = try await IndicatorRecord.query(on: db).filter(\.$id ~~ Array(codes)).all()
        let definitions = Dictionary(known.map { ($0.id ?? "", $0.definition) }, uniquingKeysWith: { a, _ in a })
        for entry in entries {
            guard let definition = definitions[entry.code] else { throw AppError.badRequest("没有代码为“\(entry.code.prefix(40))”的指标。") }
            try entry.check(against: definition)
        }
        try await db.writeTransaction { tx in
            for entry in entries {
                try await IndicatorValue(code: entry.code, jurisdiction: place, year: entry.year, month: entry.month, measure: entry.measure,
                                         value: entry.value, source: source, note: entry.note, account: account, at: date).create(on: tx)
            }
            let summary = entries.map { "\($0.code) \($0.year)-\($0.month) \($0.measure.rawValue)=\(Format.number($0.value))" }.joined(separator: "; ")
            try await Audit.record(account, "indicator.values", entity: "jurisdiction", id: place, after: summary, on: tx)
        }
    }
}
