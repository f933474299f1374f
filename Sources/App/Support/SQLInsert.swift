import Foundation
import SQLKit

/// New rows written with one INSERT per hundred, without Fluent's model
/// machinery. On the report writer's path (one batch at a time holds
/// SQLite's write lock) Fluent's reflection over every field of every new
/// model was the largest part of a batch's time; the binds are the same
/// Swift values Fluent would send, so the stored form is the same.
struct SQLInsert {
    var table: String
    var columns: [String]
    private(set) var rows: [[any SQLExpression]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func add(_ values: [any SQLExpression]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }

    func run(on sql: any SQLDatabase, batch: Int = 100) async throws {
        for start in stride(from: 0, to: rows.count, by: batch) {
            let builder = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + batch, rows.count)] { builder.values(row) }
            try await builder.run()
        }
    }
}

/// A bound value, or NULL for nil.
func bound<T: Encodable & Sendable>(_ value: T?) -> any SQLExpression {
    value.map { SQLBind($0) } ?? SQLLiteral.null
}
